import type { CliCommand } from './cli-command.js';
import { screenCommand } from './screen-command.js';

/** Every `simwatch` subcommand, in the order the help lists them; add new ones here. */
export const commands: readonly CliCommand[] = [screenCommand];
