import { formatDate } from './template-environment.js';

/** The latest signed checkpoint of the record, as a citation gives it. */
export interface CitedCheckpoint {
  treeSize: number;
  rootHash: string;
  time: string;
}

/** What a "Cite this" block is made from. */
export interface CitationInput {
  title: string;
  /** The page's lasting address, absolute. */
  permalink: string;
  /** Dates that matter to what is cited (ISO days or times), in order, each with its name. */
  dates: { name: string; date: string | null }[];
  /** Further lines, such as a document's SHA-256 hash or pages, each with its name. */
  details?: { name: string; value: string }[];
  /** The day the page was read (ISO). */
  accessedOn: string;
  checkpoint: CitedCheckpoint | undefined;
  /** How many events the record held when the page was built. */
  recordSize: number;
}

/**
 * The plain text of a "Cite this" block, one `Name: value` line each, so it copies cleanly: the
 * title, lasting address, dates, any details, the day accessed and the latest signed checkpoint
 * of the record (its tree size, the sequence number of the last event it covers, and its root hash), by
 * which anyone can later check that the record cited has not been rewritten.
 */
export function formatCitation(input: CitationInput): string {
  const checkpoint = input.checkpoint;
  const lines = [
    `Title: ${input.title}`,
    `Permalink: ${input.permalink}`,
    ...input.dates.map(({ name, date }) => `${name}: ${date === null ? 'none' : formatDate(date)}`),
    ...(input.details ?? []).map(({ name, value }) => `${name}: ${value}`),
    `Accessed: ${formatDate(input.accessedOn)}`,
    checkpoint === undefined
      ? 'Record checkpoint: none signed yet'
      : `Record checkpoint: tree size ${String(checkpoint.treeSize)} (events 1 to ${String(checkpoint.treeSize)}), root hash (SHA-256) ${checkpoint.rootHash}, signed ${checkpoint.time}${checkpoint.treeSize < input.recordSize ? ` (the record has ${String(input.recordSize)} events; the latest are not signed yet)` : ''}`,
  ];
  return lines.join('\n');
}
