import { chmod, unlink, writeFile } from 'node:fs/promises';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { createAppDeps, type AppDeps } from '../../app/create-app-deps.js';
import type { SigningKey } from '../../record/checkpoint.js';
import { listCheckpoints, readAllEvents } from '../../store/record-repository.js';
import { northmoorTrust } from '../../test-support/northmoor-trust.js';
import { testDatabases } from '../../test-support/register-databases.js';
import { ingestDocument } from '../documents/ingest-document.js';
import { importOrganisations } from '../organisations/organisations-service.js';
import { loadSigningKey } from './signing-key-file.js';
import { verifyLedger } from './verify-ledger.js';
import { retitle, rewriteEvent } from './test-support/rewrite-without-key.js';
import { writeCheckpoint } from './write-checkpoint.js';

const paper = (n: number) =>
  new TextEncoder().encode(
    `Board paper ${n}\n\nA police officer attends the monthly high intensity panel to agree response plans.`,
  );

for (const database of testDatabases()) {
  describe(`ledger verification against rewriting without the key, on ${database.name}`, () => {
    let deps: AppDeps;
    let key: SigningKey;
    let cleanUp: () => Promise<void>;

    // Three events, each signed as simwatch signs after every change: the organisation, then two
    // documents. The checkpoints as they stand are what the open data published (the witness).
    beforeEach(async () => {
      const created = await database.create();
      cleanUp = created.cleanUp;
      deps = await createAppDeps(created.config, { now: () => new Date('2026-11-20T10:00:00Z') });
      key = await loadSigningKey(created.config.signingKeyPath, { create: true });
      await importOrganisations(deps, [northmoorTrust], 'tester');
      await writeCheckpoint(deps, key);
      for (const n of [1, 2]) {
        await ingestDocument(deps, {
          bytes: paper(n),
          fileName: `paper-${n}.txt`,
          organisationCodes: ['ZZT1'],
          docType: 'board_paper',
          actor: 'ana',
        });
        await writeCheckpoint(deps, key);
      }
    });

    afterEach(async () => {
      await deps.close();
      await cleanUp();
    });

    const db = () => deps.database.db;

    it('passes the register as written, with every stored original and the witness', async () => {
      const witness = { checkpoints: await listCheckpoints(db()), source: 'the published copy' };
      expect(await verifyLedger(db(), key, { blobs: deps.blobs, witness })).toMatchObject({
        ok: true,
        events: 3,
        checkpoints: 3,
        storedFiles: 2,
        witnessed: 3,
        // Said plainly, so nobody takes "intact" to cover sessions or queued uploads.
        notInRecord: ['web_sessions', 'upload_jobs'],
      });
    });

    it('fails a rewritten, re-hashed record whose later checkpoints were deleted, naming the events', async () => {
      await rewriteEvent(db(), 2, retitle);
      await db()
        .updateTable('documents')
        .set({ title: 'Nothing to see here' })
        .where('id', '=', 1)
        .execute();
      await db().deleteFrom('record_checkpoints').where('tree_size', '>', 1).execute();
      expect(await verifyLedger(db(), key)).toMatchObject({
        ok: false,
        seq: 2,
        problem: expect.stringMatching(
          /^Events 2 to 3 are not covered by a signed checkpoint \(the last signed checkpoint covers 1 event\)/,
        ) as unknown,
      });
      await db().deleteFrom('record_checkpoints').execute();
      expect(await verifyLedger(db(), key)).toMatchObject({
        ok: false,
        seq: 1,
        problem: expect.stringMatching(
          /^Events 1 to 3 are not covered by a signed checkpoint \(the record has no signed checkpoint at all\)/,
        ) as unknown,
      });
    });

    it('names the first published checkpoint that a rewritten record no longer matches', async () => {
      const published = await listCheckpoints(db());
      await rewriteEvent(db(), 2, retitle);
      await db().deleteFrom('record_checkpoints').where('tree_size', '>', 1).execute();
      const verdict = await verifyLedger(db(), key, {
        witness: { checkpoints: published, source: '"checkpoints.csv"' },
      });
      expect(verdict).toEqual({
        ok: false,
        seq: 2,
        problem: `Checkpoint 2 of "checkpoints.csv" (2 events, signed ${published[1]?.time}) does not match the record: event 2 has been rewritten since it was signed`,
      });
    });

    it('catches a record cut back to an earlier checkpoint only against the published checkpoints', async () => {
      const published = await listCheckpoints(db());
      await importOrganisations(
        deps,
        [{ ...northmoorTrust, code: 'ZZT2', name: 'Southmoor Trust' }],
        'tester',
      );
      await writeCheckpoint(deps, key);
      const later = await listCheckpoints(db());
      // Remove the last change: its event, its checkpoint and its row, and set the head back.
      const events = await readAllEvents(db());
      await db().deleteFrom('record_events').where('seq', '=', 4).execute();
      await db().deleteFrom('record_checkpoints').where('tree_size', '=', 4).execute();
      await db().deleteFrom('organisations').where('code', '=', 'ZZT2').execute();
      await db()
        .updateTable('record_head')
        .set({ seq: 3, hash: events[2]?.hash ?? '' })
        .where('id', '=', 1)
        .execute();
      // Nothing in the register shows it: what is left is whole and signed.
      expect(await verifyLedger(db(), key)).toMatchObject({ ok: true, events: 3 });
      expect(
        await verifyLedger(db(), key, { witness: { checkpoints: published, source: 'old' } }),
      ).toMatchObject({ ok: true, witnessed: 3 });
      expect(
        await verifyLedger(db(), key, { witness: { checkpoints: later, source: '"saved.json"' } }),
      ).toEqual({
        ok: false,
        seq: 4,
        problem: `The record is shorter than Checkpoint 4 of "saved.json" (4 events, signed ${later[3]?.time}): it holds 3 events, so event 4 has been removed`,
      });
    });

    it('names each stored original that was deleted or altered, by document', async () => {
      const documents = await db()
        .selectFrom('documents')
        .select(['id', 'sha256'])
        .orderBy('id')
        .execute();
      const [first, second] = documents.map((row) => ({
        ...row,
        path: deps.blobs.pathOf(row.sha256),
      }));
      if (!first || !second) throw new Error('The register has two documents');
      await unlink(first.path);
      await chmod(second.path, 0o644);
      await writeFile(second.path, 'Board paper 2\n\nNo police officer attends any panel.');
      const verdict = await verifyLedger(db(), key, { blobs: deps.blobs });
      expect(verdict).toEqual({
        ok: false,
        seq: 2,
        problem:
          `2 stored files are not as the record says: the original of document 1 ("paper 1") is missing from the document store (SHA-256 ${first.sha256} recorded in event 2); ` +
          `the original of document 2 ("paper 2") has been altered: its bytes no longer match the SHA-256 ${second.sha256} recorded in event 3`,
        storedFiles: [
          expect.objectContaining({ documentId: 1, state: 'missing' }),
          expect.objectContaining({ documentId: 2, state: 'altered' }),
        ],
      });
    });
  });
}
