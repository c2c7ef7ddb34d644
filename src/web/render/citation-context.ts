import type { FastifyRequest } from 'fastify';

import { findLatestCheckpoint } from '../../register/ledger/record-reads.js';
import type { WebContext } from '../web-context.js';
import type { CitationInput } from './citation.js';

/**
 * What every citation needs from the request: the site's public address (`SIMWATCH_PUBLIC_URL`,
 * else `http://HOST:PORT`), today's day, and the latest signed checkpoint with the record's size.
 * A page whose record is not yet signed to its last event is not kept in the page cache, so a
 * citation never goes on naming an older checkpoint once a newer one exists.
 */
export async function readCitationContext(
  request: FastifyRequest,
  context: WebContext,
  recordSize: number,
): Promise<Pick<CitationInput, 'accessedOn' | 'checkpoint' | 'recordSize'> & { baseUrl: string }> {
  const checkpoint = await findLatestCheckpoint(context.deps.database.db);
  if (checkpoint === undefined ? recordSize > 0 : checkpoint.treeSize < recordSize)
    request.cacheVersion = -1;
  return {
    baseUrl: context.config.publicUrl,
    accessedOn: context.deps.now().toISOString().slice(0, 10),
    checkpoint,
    recordSize,
  };
}
