/** Words of `text` wrapped to lines of at most `width` characters. */
export function wrapText(text: string, width: number): string[] {
  const lines: string[] = []
  let line = ''
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line !== '' && line.length + 1 + word.length > width) {
      lines.push(line)
      line = word
    } else {
      line = line === '' ? word : `${line} ${word}`
    }
  }
  if (line !== '') lines.push(line)
  return lines
}

/** Two-column rows (`term  description`), descriptions wrapped and aligned; long terms get their description on the next line. */
export function formatRows(rows: readonly (readonly [string, string])[], options: { indent?: number; width?: number; maxTerm?: number } = {}): string {
  const indent = ' '.repeat(options.indent ?? 2)
  const width = options.width ?? 92
  const termWidth = Math.min(options.maxTerm ?? 30, Math.max(0, ...rows.map(([term]) => term.length)))
  const descriptionIndent = indent + ' '.repeat(termWidth + 2)
  const descriptionWidth = Math.max(20, width - descriptionIndent.length)
  const out: string[] = []
  for (const [term, description] of rows) {
    const wrapped = wrapText(description, descriptionWidth)
    if (term.length > termWidth) {
      out.push(indent + term)
      for (const line of wrapped) out.push(descriptionIndent + line)
      continue
    }
    out.push(`${indent}${term.padEnd(termWidth)}  ${wrapped[0] ?? ''}`.trimEnd())
    for (const line of wrapped.slice(1)) out.push(descriptionIndent + line)
  }
  return out.join('\n')
}

/** A paragraph wrapped and indented. */
export function formatParagraph(text: string, options: { indent?: number; width?: number } = {}): string {
  const indent = ' '.repeat(options.indent ?? 2)
  return wrapText(text, (options.width ?? 92) - indent.length)
    .map((line) => indent + line)
    .join('\n')
}
