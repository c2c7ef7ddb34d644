import { describeError, SimwatchError } from '../errors.js';
import { commands, type CommandEntry } from './commands.js';
import { exitStatus } from './exit-status.js';
import { readPackageVersion } from '../package-version.js';
import { reportUsageError } from './report-usage-error.js';
import { createProcessTerminal, type Terminal } from './terminal.js';

/** Runs the `simwatch` command line (arguments after the program name); resolves with the exit status. */
export async function main(
  argv: readonly string[],
  terminal: Terminal = createProcessTerminal(),
): Promise<number> {
  const [name, ...args] = argv;
  if (name === '--version' || name === '-V') {
    terminal.stdout.write(`simwatch ${readPackageVersion()}\n`);
    return exitStatus.ok;
  }
  if (name === '--help' || name === '-h' || (name === 'help' && args.length === 0)) {
    terminal.stdout.write(mainHelp());
    return exitStatus.ok;
  }
  if (name === 'help') return main([args[0] ?? '', '--help'], terminal);
  const entry = commands.find((candidate) => candidate.name === name);
  if (entry) return runCommand(entry, args, terminal);
  const detail =
    name === undefined
      ? 'no command given'
      : name.startsWith('-')
        ? `unknown option "${name}"`
        : `unknown command "${name}"`;
  const error = new SimwatchError('usage', `Cannot run simwatch: ${detail}`);
  return reportUsageError(error, terminal, 'Run "simwatch --help" to see the commands.');
}

/** The one error handler at the edge: anything a command throws is printed without a stack trace. */
async function runCommand(entry: CommandEntry, args: readonly string[], terminal: Terminal) {
  try {
    const command = await entry.load();
    return await command.run(args, terminal);
  } catch (error) {
    terminal.stderr.write(`${describeError(error).message}\n`);
    return exitStatus.cannotRun;
  }
}

function mainHelp(): string {
  const width = Math.max(...commands.map((command) => command.name.length)) + 2;
  const list = commands.map((command) => `  ${command.name.padEnd(width)}${command.summary}`);
  return `Usage: simwatch <command> [options]

simwatch finds the features of SIM-type practice (police in mental health care,
coercion and sanctions, discriminatory "high intensity" targeting) in documents,
and keeps a register of organisations, evidence, assurances and review returns
in a record nobody can quietly rewrite.

Commands:
${list.join('\n')}

Options:
  -h, --help     Show this help ("simwatch <command> --help" for a command's options)
  -V, --version  Show the version

Run "simwatch <command> --help" for a command's options; "simwatch demo" builds a
demonstration register of fictional organisations.
`;
}
