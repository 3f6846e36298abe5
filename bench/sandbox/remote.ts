import type { ChildProcess } from 'node:child_process'
import { forkTs, rpc, stopChild, waitForMessage, type RpcMessage } from '../lib/child'
import type { HostOptions, LinkStats, MemorySnapshot, SandboxEndpoints, SandboxStats } from './protocol'

/** The parent's handle on a sandbox running in its own process (bench/sandbox/host.ts). */
export interface RemoteSandbox extends SandboxEndpoints {
  stats: () => Promise<SandboxStats>
  memory(): Promise<{ beforeGc: MemorySnapshot; afterGc: MemorySnapshot | null }>
  startProfile(): Promise<void>
  stopProfile(file: string): Promise<void>
  /** A new emulated link in front of the sandbox (its own port); its traffic is counted apart. */
  openLink(oneWayDelayMs: number): Promise<{ link: number; port: number }>
  linkStats(link: number): Promise<LinkStats>
  close: () => Promise<void>
}

export async function startRemoteSandbox(options: HostOptions, startTimeoutMs = 30_000): Promise<RemoteSandbox> {
  const child: ChildProcess = forkTs('bench/sandbox/host.ts', [JSON.stringify(options)], ['--expose-gc'])
  let ready: RpcMessage & { endpoints: SandboxEndpoints }
  try {
    ready = await waitForMessage<RpcMessage & { endpoints: SandboxEndpoints }>(child, 'ready', startTimeoutMs)
  } catch (error) {
    child.kill('SIGKILL')
    throw error
  }
  return {
    ...ready.endpoints,
    async stats() {
      return (await rpc<RpcMessage & { stats: SandboxStats }>(child, { type: 'stats' })).stats
    },
    async memory() {
      const answer = await rpc<RpcMessage & { beforeGc: MemorySnapshot; afterGc: MemorySnapshot | null }>(child, { type: 'memory' })
      return { beforeGc: answer.beforeGc, afterGc: answer.afterGc }
    },
    async startProfile() {
      await rpc(child, { type: 'profile-start' })
    },
    async stopProfile(file: string) {
      await rpc(child, { type: 'profile-stop', file }, 30_000)
    },
    async openLink(oneWayDelayMs: number) {
      const answer = await rpc<RpcMessage & { link: number; port: number }>(child, { type: 'link-open', oneWayDelayMs })
      return { link: answer.link, port: answer.port }
    },
    async linkStats(link: number) {
      return (await rpc<RpcMessage & { stats: LinkStats }>(child, { type: 'link-stats', link })).stats
    },
    close: () => stopChild(child)
  }
}

/** Round trips the sandbox counted between two snapshots. */
export function statsDelta(before: SandboxStats, after: SandboxStats): SandboxStats {
  const byPath: Record<string, number> = {}
  for (const [path, n] of Object.entries(after.byPath)) {
    const delta = n - (before.byPath[path] ?? 0)
    if (delta) byPath[path] = delta
  }
  return { requests: after.requests - before.requests, byPath }
}
