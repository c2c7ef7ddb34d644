import { merkleRoot } from '../../record/merkle-tree.js';
import { signCheckpoint, type Checkpoint, type SigningKey } from '../../record/checkpoint.js';
import {
  countEvents,
  insertCheckpoint,
  listCheckpoints,
  listLeafHashes,
  lockRecord,
} from '../../store/record-repository.js';
import type { RegisterDeps } from '../register-deps.js';

/**
 * Signs a checkpoint of the whole record (its size and Merkle root) when it has grown since the
 * last one. Commands that change the register call this when they finish.
 */
export async function writeCheckpoint(
  deps: Pick<RegisterDeps, 'database' | 'now'>,
  key: SigningKey,
): Promise<Checkpoint | undefined> {
  const { db, dialect } = deps.database;
  return db.transaction().execute(async (trx) => {
    await lockRecord(trx, dialect);
    const size = await countEvents(trx);
    const last = (await listCheckpoints(trx)).at(-1);
    if (size === 0 || (last && last.treeSize >= size)) return undefined;
    const checkpoint = signCheckpoint(
      {
        treeSize: size,
        rootHash: merkleRoot(await listLeafHashes(trx, size)),
        time: deps.now().toISOString(),
      },
      key.privateKeyPem,
    );
    await insertCheckpoint(trx, checkpoint);
    return checkpoint;
  });
}
