import os from 'node:os'

export interface MachineInfo {
  cpus: number
  cpuModel: string
  totalMemoryMb: number
  platform: string
  release: string
  arch: string
  node: string
  v8: string
  uv: string
  openssl: string
  threadPoolSize: string
  /** 1/5/15-minute load averages when the run started: other work on the machine skews every figure. */
  loadAverageAtStart: number[]
  loadAverageAtEnd?: number[]
}

export function machineInfo(): MachineInfo {
  const cpus = os.cpus()
  return {
    cpus: os.availableParallelism(),
    cpuModel: cpus[0]?.model.trim() ?? 'unknown',
    totalMemoryMb: Math.round(os.totalmem() / 1024 / 1024),
    platform: os.platform(),
    release: os.release(),
    arch: os.arch(),
    node: process.version,
    v8: process.versions.v8,
    uv: process.versions.uv,
    openssl: process.versions.openssl,
    threadPoolSize: process.env.UV_THREADPOOL_SIZE ?? '4 (default)',
    loadAverageAtStart: loadAverage()
  }
}

export const loadAverage = (): number[] => os.loadavg().map((x) => Math.round(x * 100) / 100)
