import { describe, expect, it } from 'vitest';

import { main } from './main.js';
import { fakeTerminal } from './test-support/fake-terminal.js';

describe('main()', () => {
  it('prints the commands for --help and help', async () => {
    for (const args of [['--help'], ['help']]) {
      const { terminal, out } = fakeTerminal();
      expect(await main(args, terminal)).toBe(0);
      expect(out()).toMatch(/^Usage: simwatch <command>/);
      expect(out()).toMatch(/ {2}screen +Screen documents/);
    }
  });

  it('prints a command’s help for "help screen" and "screen --help", with every option', async () => {
    for (const args of [
      ['help', 'screen'],
      ['screen', '--help'],
    ]) {
      const { terminal, out } = fakeTerminal();
      expect(await main(args, terminal)).toBe(0);
      for (const option of [
        '--format',
        '--threshold',
        '--fail-on',
        '--jobs',
        '--max-file-size',
        '--timeout',
        '--no-color',
        '--no-progress',
        '--help',
      ]) {
        expect(out()).toContain(option);
      }
    }
  });

  it('prints the version', async () => {
    const { terminal, out } = fakeTerminal();
    expect(await main(['--version'], terminal)).toBe(0);
    expect(out()).toMatch(/^simwatch \d+\.\d+\.\d+\n$/);
  });

  it.each([
    [['frobnicate'], 'Cannot run simwatch: unknown command "frobnicate"'],
    [['--frobnicate'], 'Cannot run simwatch: unknown option "--frobnicate"'],
    [[], 'Cannot run simwatch: no command given'],
  ])('refuses %j with exit status 2 and a hint on stderr', async (args, message) => {
    const { terminal, out, err } = fakeTerminal();
    expect(await main(args, terminal)).toBe(2);
    expect(out()).toBe('');
    expect(err()).toBe(`${message}\nRun "simwatch --help" to see the commands.\n`);
  });

  it('refuses a bad screen option with exit status 2, the synopsis and a hint', async () => {
    const { terminal, err } = fakeTerminal();
    expect(await main(['screen', 'a.txt', '--threshold', 'abc'], terminal)).toBe(2);
    expect(err()).toBe(
      'Cannot screen: --threshold must be a number from 0 to 1, not "abc"\n' +
        'Usage: simwatch screen <file|folder|->... [options]\n' +
        'Run "simwatch screen --help" for the options.\n',
    );
  });
});

describe('the list of commands', () => {
  it('names and sums up each command as the command itself does', async () => {
    const { commands } = await import('./commands.js');
    for (const entry of commands) {
      const command = await entry.load();
      expect(command.name).toBe(entry.name);
      expect(command.summary).toBe(entry.summary);
    }
  });
});
