import { afterAll, describe, expect, it } from 'vitest'
import { cli, logLines } from '../support/cli.js'
import { removeDir, tmpDir } from '../support/engine.js'

// `qtickets-load demo` end to end, in-process, on a small history: it must finish with the facts equal to the
// simulator's truth, print a report, and end with a `sql` command that works as printed.
const dataDir = tmpDir('runner-demo-')
const cwd = tmpDir('runner-demo-cwd-')
const env = { CLICKHOUSE_DATA_DIR: dataDir }

afterAll(() => {
  removeDir(dataDir)
  removeDir(cwd)
})

describe('qtickets-load demo', () => {
  let first = ''

  it('loads a simulated history, runs incremental syncs and finds the facts equal to the ground truth', async () => {
    const run = await cli(['demo', '--days', '12'], { env, cwd })
    expect(run.code, run.stderr).toBe(0)
    first = run.stdout
    expect(run.stdout).toMatch(/^facts equal the simulator's ground truth: [\d ]+ cells, [\d ]+ tickets, [\d .]+ RUB$/m)
    expect(run.stdout).toMatch(/^inventory equals the simulator's for all \d+ snapshotted shows$/m)
    for (const section of ['Sales by day', 'Sales by event', 'Refunds:', 'Inventory of upcoming shows', 'Runs (meta_job_runs']) expect(run.stdout).toContain(section)
    expect(run.stdout.match(/^ {2}(backfill|run) +ok /gm)).toHaveLength(4)
    // the headline says what was loaded and how the simulated clock moved
    const [headline, clock] = run.stdout.split('\n')
    expect(headline).toMatch(/^QTickets → ClickHouse demo: [\d ]+ orders over 12 days, \d+ events in \d+ cities \(\d+ with sales, 1 cancelled(, \d+ without sales yet)?\)$/)
    expect(clock).toBe('simulated clock 2025-11-16 21:30 → 2025-11-17 16:00 (Moscow): a backfill, then 3 incremental runs while the clock moves')
    expect(run.stdout).toMatch(/^ {2}backfill +ok +2025-11-16 21:30 +\d+ +\d+ +\d+ +12 days of history +\S+$/m)
    expect(run.stdout).toMatch(/^ {2}run +ok +2025-11-17 16:00 +\d+ +\d+ +\d+ +\d refunds?, \d cancels? +\S+$/m)
    const lines = run.stdout.trimEnd().split('\n')
    expect(lines.at(-3)).toBe(
      `Explore: CLICKHOUSE_DATA_DIR=${dataDir} pnpm qtickets-load sql "SELECT sales_date, event_name, city, tickets, revenue FROM qtickets_demo.v_qtickets_sales_dashboard ORDER BY sales_date DESC, revenue DESC LIMIT 10"`,
    )
    expect(lines.at(-2)).toBe(`Status:  CLICKHOUSE_DATA_DIR=${dataDir} CLICKHOUSE_DATABASE=qtickets_demo pnpm qtickets-load status`)
    // quiet by default: two short progress lines, no log lines (only warnings would show)
    expect(run.stderr).toBe('demo: loading 12 days of simulated sales (' + /\(([\d ]+) orders\)/.exec(run.stderr)![1] + ' orders) into qtickets_demo…\ndemo: 3 incremental runs while the simulated clock moves 6 h each…\n')
  })

  it('prints a status command that works as printed, and calls the demo data stale (exit 3) as it says', async () => {
    const status = await cli(['status'], { env: { ...env, CLICKHOUSE_DATABASE: 'qtickets_demo' }, cwd })
    expect(status.code, status.stderr).toBe(3)
    expect(status.stdout).toMatch(/^tenant demo: newest paid order is \S+ old \(threshold 180m\)$/m)
  })

  it('prints a sql command that works as printed', async () => {
    const query = /pnpm qtickets-load sql "(.*)"$/.exec(first.trimEnd().split('\n').at(-3)!)![1]!
    const run = await cli(['sql', '--format', 'JSONEachRow', query], { env, cwd })
    expect(run.code, run.stderr).toBe(0)
    const rows = run.stdout.trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>)
    expect(rows).toHaveLength(10)
    expect(Object.keys(rows[0]!)).toEqual(['sales_date', 'event_name', 'city', 'tickets', 'revenue'])
  })

  it('is repeatable: a second demo drops and recreates its database and reports the same numbers (LOG_LEVEL=info logs its steps)', async () => {
    const run = await cli(['demo', '--days', '12', '--json'], { env: { ...env, LOG_LEVEL: 'info' }, cwd })
    expect(run.code, run.stderr).toBe(0)
    // LOG_LEVEL wins over the demo's quiet default: JSON log lines with the progress and every incremental run
    expect(logLines(run.stderr).some((line) => line.msg === 'demo backfill progress' || line.msg === 'demo backfill finished')).toBe(true)
    expect(logLines(run.stderr).filter((line) => String(line.msg).startsWith('incremental run '))).toHaveLength(3)
    const report = JSON.parse(run.stdout) as { ok: boolean; facts: { cells: number; tickets: number; revenue: number }; report: { runs: unknown[] } }
    expect(report.ok).toBe(true)
    const line = first.split('\n').find((text) => text.startsWith('facts equal'))!
    expect(line).toContain(`${report.facts.tickets.toLocaleString('en').replaceAll(',', ' ')} tickets`)
    expect(report.report.runs).toHaveLength(4) // the backfill and three runs: nothing left from the first demo
  })

  it('refuses to drop the database the runs load', async () => {
    const run = await cli(['demo', '--database', 'zakaz'], { env, cwd })
    expect(run.code).toBe(64)
    expect(run.stderr).toContain('--database zakaz is the database your runs load (CLICKHOUSE_DATABASE)')
  })
})
