import { signCheckpoint, type Checkpoint, type SigningKey } from '../../record/checkpoint.js';
import {
  emptyFrontier,
  extendFrontier,
  frontierRoot,
  type MerkleFrontier,
} from '../../record/merkle-frontier.js';
import {
  countEvents,
  findLatestCheckpoint,
  insertCheckpoint,
  listLeafHashes,
  lockRecord,
} from '../../store/record-repository.js';
import type { RegisterDeps } from '../register-deps.js';

/**
 * Signs checkpoints of the record as it grows (see `signRecord`). It keeps the Merkle frontier of
 * the tree it last signed, so each new checkpoint reads only the events added since: signing
 * after every change costs O(log n), not O(n).
 */
export function createRecordSigner(
  deps: Pick<RegisterDeps, 'database' | 'now'>,
  signingKey: () => Promise<SigningKey>,
): { signRecord: () => Promise<Checkpoint | undefined> } {
  let frontier: MerkleFrontier = emptyFrontier;
  return {
    async signRecord() {
      const key = await signingKey();
      const { db, dialect } = deps.database;
      return db.transaction().execute(async (trx) => {
        await lockRecord(trx, dialect);
        const size = await countEvents(trx);
        const last = await findLatestCheckpoint(trx);
        if (size === 0 || (last && last.treeSize >= size)) return undefined;
        // The record only grows; a smaller one is another register (a test's, say): start again.
        const base = frontier.size <= size ? frontier : emptyFrontier;
        const grown = extendFrontier(base, await listLeafHashes(trx, size, base.size));
        const checkpoint = signCheckpoint(
          { treeSize: size, rootHash: frontierRoot(grown), time: deps.now().toISOString() },
          key.privateKeyPem,
        );
        await insertCheckpoint(trx, checkpoint);
        frontier = grown;
        return checkpoint;
      });
    },
  };
}

/** Signs a checkpoint of the whole record (its size and Merkle root) if it has grown since the last one. */
export function writeCheckpoint(
  deps: Pick<RegisterDeps, 'database' | 'now'>,
  key: SigningKey,
): Promise<Checkpoint | undefined> {
  return createRecordSigner(deps, () => Promise.resolve(key)).signRecord();
}
