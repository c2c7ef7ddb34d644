import type { TerminalStream } from './terminal.js';

/** Text output that waits when the reader is slow and notices when the reader has gone. */
export interface Output {
  write(text: string): Promise<void>;
  /** True once the reader has closed the stream (as `head` does): stop producing output. */
  readonly closed: boolean;
}

/** Wraps a stream so writes respect back-pressure and a closed pipe ends output quietly. */
export function createOutput(stream: TerminalStream): Output {
  let closed = false;
  // EPIPE (the reader left) and any other write failure both mean nobody can read more output.
  stream.on('error', () => {
    closed = true;
  });
  return {
    async write(text) {
      if (closed || text === '') return;
      if (stream.write(text)) return;
      await new Promise<void>((resolve) => {
        stream.once('drain', resolve);
        stream.once('close', resolve);
      });
    },
    get closed() {
      return closed;
    },
  };
}
