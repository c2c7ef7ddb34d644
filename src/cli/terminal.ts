/** A writable stream as the CLI sees it: text out, and whether it is a terminal. */
export interface TerminalStream {
  write(text: string): boolean;
  once(event: 'drain' | 'close', listener: () => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
  isTTY?: boolean;
  columns?: number;
}

/** The process's streams and the environment facts the CLI depends on, injectable for tests. */
export interface Terminal {
  stdout: TerminalStream;
  stderr: TerminalStream;
  stdin: AsyncIterable<Uint8Array | string>;
  /** True when the NO_COLOR convention (no-color.org) asks for no colour. */
  noColor: boolean;
  /** The environment the configuration is read from (see config/load-config). */
  env: NodeJS.ProcessEnv;
  /** The folder relative paths are read from. */
  cwd: string;
}

/** The real terminal: this process's standard streams and environment. */
export function createProcessTerminal(): Terminal {
  // A reader that stops early (`simwatch demo | head`) is not an error: the rest of the output
  // is dropped, but the command carries on to the end (a change still gets its checkpoint).
  for (const stream of [process.stdout, process.stderr])
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE' || error.code === 'ERR_STREAM_DESTROYED') return;
      throw error;
    });
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    stdin: process.stdin,
    noColor: (process.env.NO_COLOR ?? '') !== '',
    env: process.env,
    cwd: process.cwd(),
  };
}
