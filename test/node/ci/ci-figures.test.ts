import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { MeasurementFile, StartupData } from '../../../e2e/fixtures/measurements'
import { CI_DOC, FIGURES_END, FIGURES_START, readFigures, renderFigures, withFigures } from '../../../scripts/ci-figures'

/* docs/ci.md's figures come from the measurement files in docs/ci-figures/, never from a hand edit. */

describe('docs/ci.md, figures from the CI runners', () => {
  it('the section equals the rendering of docs/ci-figures/ (`npm run ci:figures` rewrites it)', () => {
    const doc = readFileSync(CI_DOC, 'utf8')
    const section = doc.slice(doc.indexOf(FIGURES_START), doc.indexOf(FIGURES_END) + FIGURES_END.length)
    expect(section).toBe(renderFigures(readFigures()))
  })

  it('a CI run’s start-up file renders with its runner, its medians and the goals met or not', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lm-figures-'))
    try {
      const file: MeasurementFile<StartupData> = {
        measurement: 'startup',
        measuredAt: '2026-12-07T10:00:00.000Z',
        runner: {
          label: 'GitHub windows-latest (win25 20261201.1), Windows X64',
          os: 'win32 10.0.26100',
          arch: 'x64',
          cpus: 4,
          cpuModel: 'AMD EPYC',
          memoryGb: 16
        },
        app: { electron: '45.3.4', node: '24.22.3', chrome: '142.0.0.0', packaged: true },
        data: {
          samples: [],
          medianLaunchToInteractiveMs: 1_612.4,
          p90LaunchToInteractiveMs: 1_800,
          firstLaunchToInteractiveMs: 2_400,
          medianMemoryMb: 231.5,
          maxMemoryMb: 240.2,
          goals: { interactiveMs: 1_500, memoryMb: 250 }
        }
      }
      writeFileSync(join(dir, 'startup-win32-x64.json'), JSON.stringify(file))
      const section = renderFigures(readFigures(dir))
      expect(section).toContain(
        '| GitHub windows-latest (win25 20261201.1), Windows X64 | yes | 0 | 1612 ms | 1800 ms | 2400 ms | NO | 231.5 MB | 240.2 MB | yes |'
      )
      expect(section).toContain('4 × AMD EPYC, 16 GB')
      expect(withFigures(`a\n${FIGURES_START}\nold\n${FIGURES_END}\nb`, section)).toBe(`a\n${section}\nb`)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
