import type { TerminalStream } from './terminal.js';

/** A one-line progress bar redrawn in place on a terminal. */
export interface ProgressBar {
  update(done: number): void;
  /** Removes the bar from the screen (it comes back on the next update). */
  clear(): void;
}

const redrawEveryMs = 100;

/** Draws `done / total` files and the rate on `stream`, at most ten times a second. */
export function createProgressBar(
  stream: TerminalStream,
  total: number,
  now: () => number = Date.now,
): ProgressBar {
  const startedAt = now();
  let drawnAt = -Infinity;
  let visible = false;
  return {
    update(done) {
      const time = now();
      if (time - drawnAt < redrawEveryMs && done < total) return;
      drawnAt = time;
      const line = renderProgress({
        done,
        total,
        elapsedMs: time - startedAt,
        width: terminalWidth(stream),
      });
      stream.write(`\r${line}\u001b[K`);
      visible = true;
    },
    clear() {
      if (visible) stream.write('\r\u001b[K');
      visible = false;
    },
  };
}

/** The text of the bar: `[#####-----] 12/40 files  3.4 files/s`, fitted to `width` columns. */
export function renderProgress(state: {
  done: number;
  total: number;
  elapsedMs: number;
  width: number;
}): string {
  const { done, total, elapsedMs, width } = state;
  const rate = elapsedMs > 0 ? (done * 1000) / elapsedMs : 0;
  const counts = ` ${done}/${total} files  ${rate.toFixed(1)} files/s`;
  const barWidth = Math.max(0, Math.min(40, width - counts.length - 3));
  if (barWidth < 5) return counts.trim();
  const filled = total > 0 ? Math.round((barWidth * done) / total) : barWidth;
  return `[${'#'.repeat(filled)}${'-'.repeat(barWidth - filled)}]${counts}`;
}

function terminalWidth(stream: TerminalStream): number {
  // Pseudo-terminals without a size report 0 columns.
  return stream.columns !== undefined && stream.columns > 0 ? stream.columns : 80;
}
