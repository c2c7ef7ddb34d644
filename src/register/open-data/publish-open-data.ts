import type { Kysely } from 'kysely';

import { SimwatchError } from '../../errors.js';
import { countEvents } from '../../store/record-repository.js';
import type { DatabaseSchema } from '../../store/schema.js';
import { recordChange } from '../record-change.js';
import type { RegisterDeps } from '../register-deps.js';
import type { OpenDataPublicationRecord } from '../register-event.js';
import { buildOpenData } from './build-open-data.js';
import { buildOpenDataZip } from './build-open-data-zip.js';

/** The name of the zip of all the open data, on the site and on disk. */
export const openDataZipName = 'open-data.zip';

/** A publication of the open data as the record holds it, with the event that recorded it. */
export interface OpenDataPublication extends OpenDataPublicationRecord {
  /** The number of the event in the record. */
  seq: number;
}

/**
 * Builds the zip of all the open data from the register as it stands, keeps it in the document
 * store under its SHA-256, and records its publication (`open-data.published`) with that SHA-256
 * and the SHA-256 of each file in it: once signed, anyone can check a copy against the record.
 */
export async function publishOpenData(
  deps: Pick<RegisterDeps, 'database' | 'blobs' | 'now' | 'signRecord'>,
  options: { baseUrl: string; publicKeyPem: string | null },
  actor: string,
): Promise<{ publication: OpenDataPublication; zip: Buffer }> {
  let zip: Buffer = Buffer.alloc(0);
  await recordChange(deps, actor, async (trx, time) => {
    // Built inside the change, which holds the record's lock: the zip is the register at `size`.
    const recordSize = await countEvents(trx);
    const built = await buildOpenDataZip(
      await buildOpenData(trx, { ...options, today: time.slice(0, 10) }),
      {
        publicKeyPem: options.publicKeyPem,
        time: new Date(time),
      },
    );
    await deps.blobs.put(built.bytes);
    zip = built.bytes;
    const publication: OpenDataPublicationRecord = {
      fileName: openDataZipName,
      sha256: built.sha256,
      bytes: built.bytes.length,
      files: built.files,
      recordSize,
      baseUrl: options.baseUrl,
      publishedAt: time,
      publishedBy: actor,
    };
    return { events: [{ type: 'open-data.published', payload: { publication } }], result: null };
  });
  const publication = await findLatestOpenDataPublication(deps.database.db);
  if (publication === undefined)
    throw new SimwatchError('internal', 'Cannot find the open data publication just recorded');
  return { publication, zip };
}

/** The latest publication of the open data the record holds, or undefined if there is none. */
export async function findLatestOpenDataPublication(
  db: Kysely<DatabaseSchema>,
): Promise<OpenDataPublication | undefined> {
  const row = await db
    .selectFrom('record_events')
    .select(['seq', 'payload'])
    .where('type', '=', 'open-data.published')
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!row) return undefined;
  const { publication } = JSON.parse(row.payload) as { publication: OpenDataPublicationRecord };
  return { ...publication, seq: row.seq };
}
