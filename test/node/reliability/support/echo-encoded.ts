/** Scanner self-test helper: a child process that prints its argument URL-encoded, as a log line would. */
process.stdout.write(`GET /callback?token=${encodeURIComponent(process.argv[2] ?? '')} 200\n`)
