import type { TextSink } from '../log/logger.js'

/** A terminal's last line used as a live status (a progress bar) that other output flows around. */
export interface StatusLine extends TextSink {
  /** Draws `text` as the status line, replacing the previous one. */
  set(text: string): void
  /** Removes the status line. */
  clear(): void
}

const CLEAR_LINE = '\r\x1b[2K'

/** Wraps a TTY stream: `write` clears the status line, writes, then redraws it, so log lines never mix with the bar. */
export function createStatusLine(stream: TextSink & { columns?: number }): StatusLine {
  let current = ''
  const fit = (text: string) => {
    const columns = stream.columns ?? 80
    return text.length < columns ? text : `${text.slice(0, Math.max(0, columns - 2))}…`
  }
  return {
    write(chunk: string) {
      if (current === '') return stream.write(chunk)
      stream.write(CLEAR_LINE)
      stream.write(chunk)
      return stream.write(current)
    },
    set(text: string) {
      current = fit(text)
      stream.write(CLEAR_LINE + current)
    },
    clear() {
      if (current === '') return
      current = ''
      stream.write(CLEAR_LINE)
    },
  }
}
