import { formatSize } from '../extract/format-size.js';
import type { ScreenTask } from '../pipeline/screen-task.js';

/** Reads all of standard input as the document "-", or a failure when it is over `maxBytes`. */
export async function readStdin(
  stdin: AsyncIterable<Uint8Array | string>,
  maxBytes: number,
): Promise<ScreenTask> {
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of stdin) {
      const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk);
      size += bytes.length;
      if (size > maxBytes) {
        const detail = `it is over the ${formatSize(maxBytes)} limit`;
        return {
          path: '-',
          error: { code: 'file_too_large', message: `Cannot read "-": ${detail}` },
        };
      }
      chunks.push(bytes);
    }
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { path: '-', error: { code: 'unreadable', message: `Cannot read "-": ${detail}` } };
  }
  return { path: '-', bytes: new Uint8Array(Buffer.concat(chunks)) };
}
