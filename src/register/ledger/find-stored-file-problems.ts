import type { Kysely } from 'kysely';

import type { BlobState, BlobStore } from '../../store/blob-store.js';
import type { DatabaseSchema } from '../../store/schema.js';

/** A file in the document store that is not as its event recorded it. */
export interface StoredFileProblem {
  /** What the file is, in words: `the original of document 3 ("Crisis policy")`. */
  file: string;
  documentId?: number;
  sha256: string;
  state: Exclude<BlobState, 'intact'>;
  /** The event that recorded the file's SHA-256. */
  seq?: number;
}

/**
 * Hashes every file the record names (each document's original and each screening model) in the
 * document store against the SHA-256 its event recorded. `recorded` is a register rebuilt from
 * the record alone, so the hashes come from the events, not from tables that could be edited.
 */
export async function findStoredFileProblems(
  recorded: Kysely<DatabaseSchema>,
  blobs: BlobStore,
  writtenBy: ReadonlyMap<string, number>,
): Promise<{ checked: number; problems: StoredFileProblem[] }> {
  const documents = await recorded
    .selectFrom('documents')
    .select(['id', 'sha256', 'title'])
    .orderBy('id')
    .execute();
  const models = await recorded
    .selectFrom('screening_models')
    .select(['id', 'sha256', 'version'])
    .orderBy('id')
    .execute();
  const files = [
    ...documents.map((row) => ({
      file: `the original of document ${row.id} (${JSON.stringify(row.title)})`,
      documentId: row.id,
      sha256: row.sha256,
      seq: writtenBy.get(`documents/${row.id}`),
    })),
    ...models.map((row) => ({
      file: `the file of screening model ${row.version}`,
      sha256: row.sha256,
      seq: writtenBy.get(`screening_models/${row.id}`),
    })),
  ];
  const problems: StoredFileProblem[] = [];
  for (const file of files) {
    const state = await blobs.check(file.sha256);
    if (state !== 'intact') problems.push({ ...file, state });
  }
  return { checked: files.length, problems };
}

/** The problems in one sentence, naming every file. */
export function describeStoredFileProblems(problems: readonly StoredFileProblem[]): string {
  const parts = problems.map((problem) => {
    const recorded = `SHA-256 ${problem.sha256}${problem.seq === undefined ? '' : ` recorded in event ${problem.seq}`}`;
    return problem.state === 'missing'
      ? `${problem.file} is missing from the document store (${recorded})`
      : `${problem.file} has been altered: its bytes no longer match the ${recorded}`;
  });
  const count = problems.length === 1 ? '1 stored file is' : `${problems.length} stored files are`;
  return `${count} not as the record says: ${parts.join('; ')}`;
}
