import { Readable } from 'node:stream';

import type { Terminal, TerminalStream } from '../terminal.js';

/** A terminal that keeps what a command writes, for tests that run a command in-process. */
export function fakeTerminal(overrides: Partial<Terminal> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const stream = (sink: string[]): TerminalStream => ({
    write: (text) => sink.push(text) > 0,
    once: () => undefined,
    on: () => undefined,
  });
  const terminal: Terminal = {
    stdout: stream(out),
    stderr: stream(err),
    stdin: Readable.from([]),
    noColor: false,
    env: {},
    cwd: process.cwd(),
    ...overrides,
  };
  return { terminal, out: () => out.join(''), err: () => err.join('') };
}
