import { describe, expect, it } from 'vitest'
import { createStatusLine } from './status-line.js'

function terminal(columns = 40) {
  let text = ''
  return { columns, write: (chunk: string) => (text += chunk), text: () => text }
}

describe('createStatusLine', () => {
  it('passes writes through untouched while no status is shown', () => {
    const tty = terminal()
    createStatusLine(tty).write('hello\n')
    expect(tty.text()).toBe('hello\n')
  })

  it('clears the status before other output and redraws it after', () => {
    const tty = terminal()
    const line = createStatusLine(tty)
    line.set('[##--] 50%')
    line.write('a log line\n')
    line.clear()
    expect(tty.text()).toBe('\r\x1b[2K[##--] 50%' + '\r\x1b[2K' + 'a log line\n' + '[##--] 50%' + '\r\x1b[2K')
  })

  it('truncates the status to the terminal width', () => {
    const tty = terminal(10)
    createStatusLine(tty).set('x'.repeat(30))
    expect(tty.text()).toBe('\r\x1b[2K' + 'x'.repeat(8) + '…')
  })
})
