/** Cases tried and passed for one scenario of the reliability suite. */
export interface ScenarioTally {
  readonly name: string
  readonly tried: number
  readonly passed: number
  /** Extra figures shown in the table (e.g. which operations the kill points hit). */
  readonly notes: string[]
  /** Runs one case: counted as tried, and as passed when `check` resolves; its error is rethrown. */
  run<T>(check: () => Promise<T> | T): Promise<T>
  /** Adds a note to the table row. */
  note(text: string): void
}

const scenarios: ScenarioTally[] = []

/** Registers a scenario of this test file (rows appear in registration order). */
export function scenario(name: string): ScenarioTally {
  let tried = 0
  let passed = 0
  const notes: string[] = []
  const tally: ScenarioTally = {
    name,
    get tried() {
      return tried
    },
    get passed() {
      return passed
    },
    notes,
    async run(check) {
      tried += 1
      const result = await check()
      passed += 1
      return result
    },
    note: (text) => void notes.push(text),
  }
  scenarios.push(tally)
  return tally
}

/** The table of this file's scenarios: scenario, cases tried, cases passed, notes. */
export function renderScenarioTable(title: string, rows: readonly ScenarioTally[] = scenarios): string {
  const header = ['scenario', 'tried', 'passed', 'result']
  const body = rows.map((row) => [row.name, String(row.tried), String(row.passed), row.tried > 0 && row.passed === row.tried ? 'ok' : 'FAILED'])
  const widths = header.map((cell, column) => Math.max(cell.length, ...body.map((line) => line[column]!.length)))
  const line = (cells: string[]) => cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join('  ')
  const notes = rows.flatMap((row) => row.notes.map((note) => `  ${row.name}: ${note}`))
  return [`reliability · ${title}`, line(header), line(widths.map((width) => '-'.repeat(width))), ...body.map(line), ...notes, ''].join('\n')
}

/** Prints this file's table to stdout through the console, which vitest shows under the file's name (call it in `afterAll`). */
export function printScenarioTable(title: string): void {
  console.log(`\n${renderScenarioTable(title)}`)
}
