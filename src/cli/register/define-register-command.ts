import { parseArgs, type ParseArgsConfig } from 'node:util';

import { createAppDeps, type AppDeps } from '../../app/create-app-deps.js';
import { loadConfig } from '../../config/load-config.js';
import { SimwatchError } from '../../errors.js';
import type { SigningKey } from '../../record/checkpoint.js';
import { loadSigningKey } from '../../register/ledger/signing-key-file.js';
import type { CliCommand } from '../cli-command.js';
import { describeParseArgsError } from '../describe-parse-args-error.js';
import { exitStatus } from '../exit-status.js';
import { reportUsageError } from '../report-usage-error.js';
import type { Terminal } from '../terminal.js';

type Options = NonNullable<ParseArgsConfig['options']>;

/** What a register command's `run` is given. */
export interface RegisterCommandContext {
  values: Record<string, string | boolean | string[] | undefined>;
  positionals: string[];
  deps: AppDeps;
  terminal: Terminal;
  /** Who is making the change: `--actor`, else the configured default. */
  actor: string;
  json: boolean;
  /** Writes a line to standard output. */
  print: (line: string) => void;
  /** The deployment's signing key (made on first use). */
  signingKey: () => Promise<SigningKey>;
}

/** A `simwatch` command that works on the register. */
export interface RegisterCommandSpec {
  name: string;
  summary: string;
  /** The synopsis line(s), shown with usage errors. */
  usage: string;
  /** The rest of `--help`: what it does and its options. */
  help: string;
  options?: Options;
  /**
   * False when the command never screens: the screening engine, catalogue and model are then not
   * loaded, so it starts sooner (default true).
   */
  screening?: boolean;
  /**
   * How this command is given each input the register may refuse (an error's `field`), such as
   * `{ reviewer: '--reviewer NAME' }`: the CLI adds it to the message, which names no flag.
   */
  fields?: Readonly<Record<string, string>>;
  run: (context: RegisterCommandContext) => Promise<number>;
}

/**
 * Turns a spec into a command: parses the options (`--help`, `--json` and `--actor` for all),
 * opens the register, runs, signs a checkpoint after changes, and closes the register.
 */
export function defineRegisterCommand(spec: RegisterCommandSpec): CliCommand {
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
            actor: { type: 'string' },
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
          `${spec.usage}\nRun "simwatch ${spec.name} --help" for the options.`,
        );
      }
      if (parsed.values.help === true) {
        terminal.stdout.write(`${spec.usage}\n\n${spec.help.trim()}\n`);
        return exitStatus.ok;
      }
      const config = loadConfig(terminal.env, terminal.cwd);
      const deps = await createAppDeps(config, {
        warn: (message) => terminal.stderr.write(`Warning: ${message}\n`),
        ...(spec.screening === false ? { screening: false } : {}),
      });
      let key: SigningKey | undefined;
      const signingKey = async () =>
        (key ??= await loadSigningKey(config.signingKeyPath, { create: true }));
      try {
        return await spec.run({
          values: parsed.values,
          positionals: parsed.positionals,
          deps,
          terminal,
          actor: stringOption(parsed.values.actor) ?? config.defaultActor,
          json: parsed.values.json === true,
          print: (line) => terminal.stdout.write(`${line}\n`),
          signingKey,
        });
      } catch (error) {
        if (error instanceof SimwatchError && error.code === 'usage')
          return reportUsageError(
            error,
            terminal,
            `${spec.usage}\nRun "simwatch ${spec.name} --help" for the options.`,
          );
        throw withFlag(error, spec.fields);
      } finally {
        await deps.close();
      }
    },
  };
}

/** The error with the way this command gives the input it is about added, when it names one. */
export function withFlag(error: unknown, fields: RegisterCommandSpec['fields']): unknown {
  if (!(error instanceof SimwatchError) || error.field === undefined) return error;
  const flag = fields?.[error.field];
  if (flag === undefined) return error;
  return new SimwatchError(error.code, `${error.message} (${flag})`, {
    cause: error,
    field: error.field,
  });
}

/** A command made of subcommands (`simwatch org import`, `simwatch org list`...). */
export function defineCommandGroup(
  name: string,
  summary: string,
  subcommands: readonly CliCommand[],
): CliCommand {
  const width = Math.max(22, ...subcommands.map((command) => command.name.length + 2));
  const list = () =>
    subcommands
      .map((command) => `  simwatch ${command.name.padEnd(width)}${command.summary}`)
      .join('\n');
  return {
    name,
    summary,
    async run(args, terminal) {
      const [sub, ...rest] = args;
      const command = subcommands.find((candidate) => candidate.name === `${name} ${sub ?? ''}`);
      if (command) return command.run(rest, terminal);
      if (sub === undefined || sub === '--help' || sub === '-h' || sub === 'help') {
        terminal.stdout.write(`Usage:\n${list()}\n`);
        return sub === undefined ? exitStatus.cannotRun : exitStatus.ok;
      }
      return reportUsageError(
        new SimwatchError('usage', `Cannot run simwatch ${name}: unknown subcommand "${sub}"`),
        terminal,
        `Usage:\n${list()}`,
      );
    },
  };
}

/** A string option's value, or undefined. */
export function stringOption(value: string | boolean | string[] | undefined): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** A repeatable option's values (also split at commas). */
export function listOption(value: string | boolean | string[] | undefined): string[] {
  const values = typeof value === 'string' ? [value] : Array.isArray(value) ? value : [];
  return values
    .flatMap((item) => item.split(','))
    .map((item) => item.trim())
    .filter(Boolean);
}

/** A required string option, or a usage error naming it. */
export function requiredOption(
  values: Record<string, string | boolean | string[] | undefined>,
  name: string,
): string {
  const value = stringOption(values[name]);
  if (value === undefined || value.trim() === '')
    throw new SimwatchError('usage', `Cannot run this: --${name} is required`);
  return value;
}

/** A positive whole number given as text, or a usage error. */
export function wholeNumber(text: string | undefined, what: string): number {
  const value = Number(text);
  if (text === undefined || !Number.isInteger(value) || value < 1)
    throw new SimwatchError(
      'usage',
      `Cannot use ${what} "${text ?? ''}": give a whole number such as 12`,
    );
  return value;
}
