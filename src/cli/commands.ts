import type { CliCommand } from './cli-command.js';
import { assuranceCommand } from './register/assurance-commands.js';
import { demoCommand } from './register/demo-command.js';
import { exportCommand } from './register/export-command.js';
import { findingsCommand } from './register/findings-commands.js';
import { ingestCommand } from './register/ingest-command.js';
import { initCommand } from './register/init-command.js';
import { ledgerCommand } from './register/ledger-commands.js';
import { orgCommand } from './register/org-commands.js';
import { returnCommand, reviewCommand } from './register/review-commands.js';
import { figuresCommand, statusCommand } from './register/status-commands.js';
import { serveCommand } from './register/serve-command.js';
import { userCommand } from './register/user-commands.js';
import { screenCommand } from './screen-command.js';
import { modelTrainCommand } from './register/model-train-command.js';
import { defineCommandGroup } from './register/define-register-command.js';

/** Every `simwatch` subcommand, in the order the help lists them; add new ones here. */
export const commands: readonly CliCommand[] = [
  screenCommand,
  initCommand,
  demoCommand,
  orgCommand,
  ingestCommand,
  findingsCommand,
  assuranceCommand,
  reviewCommand,
  returnCommand,
  statusCommand,
  figuresCommand,
  exportCommand,
  ledgerCommand,
  serveCommand,
  userCommand,
  defineCommandGroup('model', 'Train the screening model and see how well it does', [modelTrainCommand]),
];
