/** Safety limits applied while reading untrusted files. Defaults are documented in docs/reference.md. */
export interface ExtractionLimits {
  /** Files larger than this are refused before reading (`file_too_large`). */
  maxFileBytes: number;
  /** Total uncompressed bytes allowed across one archive and everything nested in it. */
  maxArchiveTotalBytes: number;
  /** Largest uncompressed:compressed ratio allowed for one archive entry above 1 MiB. */
  maxCompressionRatio: number;
  /** Most entries read from one archive (and its nested archives together). */
  maxArchiveEntries: number;
  /** Deepest nesting of archives and emails inside each other (the top file is depth 0). */
  maxDepth: number;
  /** PDFs with more pages than this are read up to the limit, with a warning. */
  maxPdfPages: number;
}

const mebibyte = 1024 * 1024;

/** The defaults: generous for real FOI bundles, small enough to keep memory under 1 GB. */
export const defaultExtractionLimits: Readonly<ExtractionLimits> = Object.freeze({
  maxFileBytes: 100 * mebibyte,
  maxArchiveTotalBytes: 200 * mebibyte,
  maxCompressionRatio: 100,
  maxArchiveEntries: 10_000,
  maxDepth: 10,
  maxPdfPages: 20_000,
});

/** Bytes and entries still allowed for the archive tree being read; shared by nested extractors. */
export interface ArchiveBudget {
  remainingBytes: number;
  remainingEntries: number;
}

/** Starts a fresh budget for one top-level file. */
export function createArchiveBudget(limits: ExtractionLimits): ArchiveBudget {
  return {
    remainingBytes: limits.maxArchiveTotalBytes,
    remainingEntries: limits.maxArchiveEntries,
  };
}
