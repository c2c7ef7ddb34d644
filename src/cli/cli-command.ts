import type { Terminal } from './terminal.js';

/** One `simwatch` subcommand: its name, a one-line summary for help, and how to run it. */
export interface CliCommand {
  name: string;
  summary: string;
  /** Runs with the arguments after the command name; resolves with the exit status. */
  run(args: readonly string[], terminal: Terminal): Promise<number>;
}
