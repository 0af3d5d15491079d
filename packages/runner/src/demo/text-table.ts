/** Column alignment of a text table. */
export type Align = 'left' | 'right'

/** Rows (header first) as aligned text columns, indented by two spaces. */
export function textTable(rows: readonly (readonly string[])[], align: readonly Align[]): string {
  const widths = (rows[0] ?? []).map((_, column) => Math.max(...rows.map((row) => [...(row[column] ?? '')].length)))
  return rows
    .map((row) =>
      `  ${row
        .map((cell, column) => {
          const pad = ' '.repeat(Math.max(0, widths[column]! - [...cell].length))
          return align[column] === 'right' ? pad + cell : cell + pad
        })
        .join('  ')
        .trimEnd()}`,
    )
    .join('\n')
}

/** A whole number with thin groups of three digits: `1 234 567`. */
export function groupDigits(value: number): string {
  const [whole, fraction] = (Math.round(value * 100) / 100).toFixed(2).split('.')
  const grouped = whole!.replace(/\B(?=(\d{3})+(?!\d))/g, ' ')
  return fraction === '00' ? grouped : `${grouped}.${fraction}`
}
