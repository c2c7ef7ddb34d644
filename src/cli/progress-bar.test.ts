import { describe, expect, it } from 'vitest';

import { createProgressBar, renderProgress } from './progress-bar.js';
import type { TerminalStream } from './terminal.js';

function fakeStream() {
  const writes: string[] = [];
  const stream: TerminalStream = {
    write: (text) => writes.push(text) > 0,
    once: () => stream,
    on: () => stream,
    isTTY: true,
    columns: 60,
  };
  return { stream, writes };
}

describe('renderProgress()', () => {
  it('shows a bar, files done out of the total and the rate', () => {
    expect(renderProgress({ done: 5, total: 20, elapsedMs: 2_000, width: 80 })).toBe(
      `[${'#'.repeat(10)}${'-'.repeat(30)}] 5/20 files  2.5 files/s`,
    );
  });

  it('drops the bar on a narrow terminal', () => {
    expect(renderProgress({ done: 1, total: 3, elapsedMs: 0, width: 20 })).toBe(
      '1/3 files  0.0 files/s',
    );
  });
});

describe('createProgressBar()', () => {
  it('redraws in place at most every 100 ms, always at the end, and clears itself', () => {
    let now = 0;
    const { stream, writes } = fakeStream();
    const bar = createProgressBar(stream, 3, () => now);
    bar.update(1);
    now = 50;
    bar.update(2);
    now = 60;
    bar.update(3);
    bar.clear();
    bar.clear();
    expect(writes).toHaveLength(3);
    expect(writes[0]).toMatch(/^\r\[#+-+\] 1\/3 files .*\[K$/);
    expect(writes[0]?.endsWith('\u001b[K')).toBe(true);
    expect(writes[1]).toContain('3/3 files');
    expect(writes[2]).toBe('\r\u001b[K');
  });
});
