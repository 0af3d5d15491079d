import { describe, expect, it } from 'vitest'
import { describeClickHouseError, redactData } from './clickhouse-error'

const chError = (code: string, type: string, message: string) => Object.assign(new Error(message), { code, type })

describe('describeClickHouseError', () => {
  it('keeps code, type and column of a parse error but not the data it echoes', () => {
    const failure = describeClickHouseError(
      chError('27', 'CANNOT_PARSE_INPUT_ASSERTION_FAILED', `Cannot parse input: expected '"' before: 'anna.primerova@example.org","_ver":1}\\n': (while reading the value of key client_email_hash): (at row 1)\n: While executing ParallelParsingBlockInputFormat. `),
    )
    expect(failure).toMatchObject({ code: '27', type: 'CANNOT_PARSE_INPUT_ASSERTION_FAILED', column: 'client_email_hash', retryable: false, ambiguous: false })
    expect(failure.message).toBe("Cannot parse input: expected '…' before: '…': (while reading the value of key client_email_hash): (at row 1) : While executing ParallelParsingBlockInputFormat.")
  })

  it('removes e-mails and phone-like digit runs even outside quotes', () => {
    const message = redactData('Cannot parse string anna@example.org as UInt64 near +7 000 000-01-01 in row 3')
    expect(message).not.toMatch(/example\.org|000-01-01/)
    expect(message).toContain('row 3')
  })

  it('names the unknown field of a row with a column too many', () => {
    expect(describeClickHouseError(chError('117', 'INCORRECT_DATA', 'Unknown field found while parsing JSONEachRow format: client_name: (at row 1)')).column).toBe('client_name')
  })

  it('treats transport failures as ambiguous and retryable, and load shedding as retryable', () => {
    const timeout = describeClickHouseError(new Error('Timeout error.'))
    expect(timeout).toMatchObject({ retryable: true, ambiguous: true })
    expect(timeout.code).toBeUndefined()
    expect(describeClickHouseError(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }))).toMatchObject({ retryable: true, ambiguous: true })
    expect(describeClickHouseError(chError('319', 'UNKNOWN_STATUS_OF_INSERT', 'x'))).toMatchObject({ retryable: true, ambiguous: true })
    expect(describeClickHouseError(chError('252', 'TOO_MANY_PARTS', 'x'))).toMatchObject({ retryable: true, ambiguous: false })
    expect(describeClickHouseError(chError('60', 'UNKNOWN_TABLE', 'x'))).toMatchObject({ retryable: false, ambiguous: false })
  })
})
