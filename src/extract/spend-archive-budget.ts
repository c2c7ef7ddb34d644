import { cannotRead } from './cannot-read.js';
import type { ArchiveBudget, ExtractionLimits } from './extraction-limits.js';
import { formatSize } from './format-size.js';

/** Takes entries and uncompressed bytes from the shared budget, or throws `archive_limit` when it runs out. */
export function spendArchiveBudget(
  spend: { entries?: number; bytes?: number },
  context: { name: string; limits: ExtractionLimits; budget: ArchiveBudget },
): void {
  const { budget, limits, name } = context;
  const entries = spend.entries ?? 0;
  const bytes = spend.bytes ?? 0;
  if (entries > budget.remainingEntries) {
    const limit = `${limits.maxArchiveEntries} entries`;
    throw cannotRead('archive_limit', name, `its contents would exceed the limit of ${limit}`);
  }
  if (bytes > budget.remainingBytes) {
    const limit = formatSize(limits.maxArchiveTotalBytes);
    throw cannotRead(
      'archive_limit',
      name,
      `its contents would exceed the ${limit} limit on uncompressed size`,
    );
  }
  budget.remainingEntries -= entries;
  budget.remainingBytes -= bytes;
}
