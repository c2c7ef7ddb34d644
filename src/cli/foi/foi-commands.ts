import { defineCommandGroup } from '../register/define-register-command.js';
import { foiDeadlineCommand } from './deadline-command.js';
import { foiAnswerCommands } from './foi-answer-commands.js';
import { foiRequestCommands } from './foi-request-commands.js';
import { foiSendCommands } from './foi-send-commands.js';

/** `simwatch foi ...`: freedom of information requests, from drafting to the replies. */
export const foiCommand = defineCommandGroup(
  'foi',
  'Draft, send and follow freedom of information requests',
  [...foiRequestCommands, ...foiSendCommands, ...foiAnswerCommands, foiDeadlineCommand],
);
