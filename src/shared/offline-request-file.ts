/** Largest request file accepted anywhere (window, engine, CLI, sandbox), checked before anything is decoded. */
export const MAX_REQUEST_FILE_BYTES = 64 * 1024
