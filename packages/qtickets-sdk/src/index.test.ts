import { expect, test } from 'vitest'
import { SDK_NAME } from './index'
test('name', () => expect(SDK_NAME).toBe('@zakaz/qtickets-sdk'))
