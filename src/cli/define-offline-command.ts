import { parseArgs, type ParseArgsConfig } from 'node:util';

import { SimwatchError } from '../errors.js';
import type { CliCommand } from './cli-command.js';
import { describeParseArgsError } from './describe-parse-args-error.js';
import { exitStatus } from './exit-status.js';
import { reportUsageError } from './report-usage-error.js';
import type { Terminal } from './terminal.js';

/** What an offline command's `run` is given. */
export interface OfflineCommandContext {
  values: Record<string, string | boolean | string[] | undefined>;
  positionals: string[];
  terminal: Terminal;
  json: boolean;
  /** Writes a line to standard output. */
  print: (line: string) => void;
}

/** A `simwatch` command that never opens the register (keys, signatures, offline checks). */
export interface OfflineCommandSpec {
  name: string;
  summary: string;
  usage: string;
  help: string;
  options?: NonNullable<ParseArgsConfig['options']>;
  run: (context: OfflineCommandContext) => Promise<number>;
}

/** Turns a spec into a command: parses the options (`--help` and `--json` for all) and runs. */
export function defineOfflineCommand(spec: OfflineCommandSpec): CliCommand {
  const hint = `${spec.usage}\nRun "simwatch ${spec.name} --help" for the options.`;
  return {
    name: spec.name,
    summary: spec.summary,
    async run(args, terminal) {
      let parsed;
      try {
        parsed = parseArgs({
          args: [...args],
          options: {
            help: { type: 'boolean', short: 'h' },
            json: { type: 'boolean' },
            ...spec.options,
          },
          allowPositionals: true,
          strict: true,
        });
      } catch (error) {
        return reportUsageError(
          new SimwatchError(
            'usage',
            `Cannot run simwatch ${spec.name}: ${describeParseArgsError(error)}`,
          ),
          terminal,
          hint,
        );
      }
      if (parsed.values.help === true) {
        terminal.stdout.write(`${spec.usage}\n\n${spec.help.trim()}\n`);
        return exitStatus.ok;
      }
      try {
        return await spec.run({
          values: parsed.values,
          positionals: parsed.positionals,
          terminal,
          json: parsed.values.json === true,
          print: (line) => terminal.stdout.write(`${line}\n`),
        });
      } catch (error) {
        if (error instanceof SimwatchError && error.code === 'usage')
          return reportUsageError(error, terminal, hint);
        throw error;
      }
    },
  };
}
