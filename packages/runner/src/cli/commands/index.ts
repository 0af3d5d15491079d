import type { Command } from '../command.js'
import { backfillCommand } from './backfill.js'
import { demoCommand } from './demo.js'
import { doctorCommand } from './doctor.js'
import { createHelpCommand } from './help.js'
import { migrateCommand } from './migrate.js'
import { runCommand } from './run.js'
import { simulatorCommand } from './simulator.js'
import { sqlCommand } from './sql.js'
import { statusCommand } from './status.js'

/** Every command, in help order. */
export const COMMANDS: readonly Command[] = [
  demoCommand,
  migrateCommand,
  runCommand,
  backfillCommand,
  statusCommand,
  doctorCommand,
  sqlCommand,
  simulatorCommand,
  createHelpCommand(() => COMMANDS),
]
