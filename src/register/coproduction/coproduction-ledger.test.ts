import type { Kysely } from 'kysely';
import { describe, expect, it } from 'vitest';

import type { AppDeps } from '../../app/create-app-deps.js';
import type { SigningKey } from '../../record/checkpoint.js';
import { listCheckpoints, readAllEvents } from '../../store/record-repository.js';
import type { DatabaseSchema } from '../../store/schema.js';
import { testDatabases } from '../../test-support/register-databases.js';
import { loadSigningKey } from '../ledger/signing-key-file.js';
import { rewriteEvent } from '../ledger/test-support/rewrite-without-key.js';
import { verifyLedger, type LedgerVerdict } from '../ledger/verify-ledger.js';
import { writeCheckpoint } from '../ledger/write-checkpoint.js';
import { useTestRegister } from '../test-support/test-register.js';
import {
  addComment,
  addVersion,
  proposeAction,
  recordAccess,
  recordMeeting,
} from './coproduction-service.js';
import { activeAgreement, consent, people } from './test-support/two-parties.js';

type Db = Kysely<DatabaseSchema>;
type Row = Record<string, unknown>;

/** Work that writes a row into every co-production table, then a signed checkpoint. */
async function coproduce(deps: AppDeps): Promise<SigningKey> {
  const parties = await activeAgreement(deps);
  const { documentId } = await addVersion(
    deps,
    {
      agreementId: parties.agreementId,
      title: 'The national policy',
      content: 'No police in care plans.',
      note: 'first draft',
    },
    people.nina,
  );
  await addComment(
    deps,
    {
      documentId,
      versionNumber: 1,
      anchor: { exact: 'No police', prefix: '', suffix: ' in care' },
      body: 'Agreed.',
    },
    people.carl,
  );
  await recordMeeting(
    deps,
    {
      agreementId: parties.agreementId,
      kind: 'meeting',
      heldOn: '2026-11-19',
      title: 'Drafting',
      summary: 'Both parties drafted section 1.',
      presentPartyIds: [parties.trust.id, parties.coalition.id],
      toldPartyIds: [],
    },
    people.nick,
  );
  const { actionId } = await proposeAction(
    deps,
    {
      agreementId: parties.agreementId,
      subject: { kind: 'public_statement', text: 'We are writing the policy together.' },
      effectiveOn: null,
    },
    parties.coalition.actor,
  );
  await consent(deps, actionId, parties.trust);
  await consent(deps, actionId, parties.coalition);
  await recordAccess(deps, { documentId, versionNumber: 1, kind: 'download' }, people.nick);
  const key = await loadSigningKey(deps.config.signingKeyPath, { create: true });
  await writeCheckpoint(deps, key);
  return key;
}

/** How to tamper with each table: its key, a text column to alter, and its dependants. */
const tables: {
  table: keyof DatabaseSchema;
  key: string[];
  alter: string;
  dependants?: { table: keyof DatabaseSchema; column: string; parent?: string }[];
}[] = [
  {
    table: 'agreements',
    key: ['id'],
    alter: 'title',
    dependants: [
      { table: 'agreement_access', column: 'agreement_id' },
      { table: 'agreement_publications', column: 'agreement_id' },
      { table: 'agreement_consents', column: 'action_id', parent: 'agreement_actions' },
      { table: 'agreement_actions', column: 'agreement_id' },
      { table: 'agreement_comments', column: 'document_id', parent: 'agreement_documents' },
      {
        table: 'agreement_document_versions',
        column: 'document_id',
        parent: 'agreement_documents',
      },
      { table: 'agreement_documents', column: 'agreement_id' },
      { table: 'agreement_meetings', column: 'agreement_id' },
      { table: 'agreement_terms', column: 'agreement_id' },
      { table: 'agreement_members', column: 'party_id', parent: 'agreement_parties' },
      { table: 'agreement_parties', column: 'agreement_id' },
    ],
  },
  {
    table: 'agreement_parties',
    key: ['id'],
    alter: 'name',
    dependants: [{ table: 'agreement_members', column: 'party_id' }],
  },
  { table: 'agreement_members', key: ['party_id', 'username'], alter: 'added_at' },
  { table: 'agreement_terms', key: ['agreement_id', 'version'], alter: 'text' },
  {
    table: 'agreement_documents',
    key: ['id'],
    alter: 'title',
    dependants: [
      { table: 'agreement_comments', column: 'document_id' },
      { table: 'agreement_document_versions', column: 'document_id' },
    ],
  },
  { table: 'agreement_document_versions', key: ['document_id', 'number'], alter: 'content' },
  { table: 'agreement_comments', key: ['id'], alter: 'body' },
  { table: 'agreement_meetings', key: ['id'], alter: 'summary' },
  {
    table: 'agreement_actions',
    key: ['id'],
    alter: 'subject_hash',
    dependants: [{ table: 'agreement_consents', column: 'action_id' }],
  },
  { table: 'agreement_consents', key: ['id'], alter: 'signature' },
  { table: 'agreement_publications', key: ['id'], alter: 'published_by' },
  { table: 'agreement_access', key: ['id'], alter: 'username' },
];

/** Tampers inside a transaction, verifies there, and rolls the tampering back. */
async function verifyTampered(db: Db, key: SigningKey, tamper: (trx: Db) => Promise<void>) {
  let verdict: LedgerVerdict | undefined;
  await db
    .transaction()
    .execute(async (trx) => {
      await tamper(trx);
      verdict = await verifyLedger(trx, key);
      throw new RolledBack();
    })
    .catch((error: unknown) => {
      if (!(error instanceof RolledBack)) throw error;
    });
  return verdict;
}

class RolledBack extends Error {}

// Dynamic table names: they come from the fixed list above, never from input.
const from = (db: Db, table: string) => db.selectFrom(table as never).selectAll();

async function firstRow(db: Db, table: string): Promise<Row> {
  const row = (await from(db, table).executeTakeFirst()) as Row | undefined;
  if (row === undefined) throw new Error(`Expected a row in ${table}`);
  return row;
}

function whereKey<Q extends { where: (...args: never[]) => Q }>(
  query: Q,
  key: string[],
  row: Row,
): Q {
  let out = query;
  for (const column of key)
    out = (out.where as (c: string, op: string, v: unknown) => Q)(column, '=', row[column]);
  return out;
}

describe.each(testDatabases())('ledger verify over co-production ($name)', (database) => {
  const register = useTestRegister(database);

  it('catches a row altered, deleted or added in each co-production table', async () => {
    const deps = register.deps();
    const key = await coproduce(deps);
    const db = deps.database.db;
    expect(await verifyLedger(db, key)).toMatchObject({ ok: true });
    for (const { table, key: columns, alter, dependants = [] } of tables) {
      const row = await firstRow(db, table);
      const rowKey = columns.map((column) => String(row[column])).join('/');

      const altered = await verifyTampered(db, key, async (trx) => {
        await whereKey(
          trx.updateTable(table as never).set({ [alter]: 'tampered' } as never),
          columns,
          row,
        ).execute();
      });
      expect(altered?.ok, `${table} altered`).toBe(false);
      expect(altered && !altered.ok && altered.problem).toMatch(
        `Row ${rowKey} of table ${table} does not match the record`,
      );

      const deleted = await verifyTampered(db, key, async (trx) => {
        for (const dependant of dependants) {
          const parentIds = dependant.parent
            ? (
                (await trx
                  .selectFrom(dependant.parent as never)
                  .select('id' as never)
                  // Every parent table with dependants belongs to the agreement.
                  .where('agreement_id' as never, '=', row.id as never)
                  .execute()) as { id: number }[]
              ).map((each) => each.id)
            : [row.id];
          if (parentIds.length > 0)
            await trx
              .deleteFrom(dependant.table as never)
              .where(dependant.column as never, 'in', parentIds as never)
              .execute();
        }
        await whereKey(trx.deleteFrom(table as never), columns, row).execute();
      });
      expect(deleted && !deleted.ok && deleted.problem, `${table} deleted`).toMatch(
        `Row ${rowKey} of table ${table} is missing (deleted outside simwatch)`,
      );

      // A new key (and new values for the columns that must be unique).
      const extraKey: Row =
        table === 'agreements'
          ? { id: 1000, ref: 'another-ref' }
          : table === 'agreement_actions'
            ? { id: 1000, number: 99 }
            : columns.length === 1
              ? { id: 1000 }
              : table === 'agreement_members'
                ? { username: 'intruder' }
                : { [columns[1] ?? '']: 99 };
      const added = await verifyTampered(db, key, async (trx) => {
        await trx
          .insertInto(table as never)
          .values({ ...row, ...extraKey })
          .execute();
      });
      const addedKey = columns.map((column) => String({ ...row, ...extraKey }[column])).join('/');
      expect(added && !added.ok && added.problem, `${table} added`).toMatch(
        `Row ${addedKey} of table ${table} is not in the record (added outside simwatch)`,
      );
    }
    // Every tampering was rolled back: the register verifies again.
    expect(await verifyLedger(db, key)).toMatchObject({ ok: true });
  });

  it('catches a rewritten co-production event, against the signatures and a party’s saved checkpoints', async () => {
    const deps = register.deps();
    const key = await coproduce(deps);
    const db = deps.database.db;
    // The coalition saves the signed checkpoints it was shown (its witness copy).
    const saved = await listCheckpoints(db);
    const events = await readAllEvents(db);
    const versioned = events.find((event) => event.type === 'agreement.document-versioned');
    if (!versioned) throw new Error('Expected a versioned event');
    // Someone with the database but not the key rewrites the draft the parties wrote.
    await rewriteEvent(db, versioned.seq, (payload) => {
      const { versioned: v } = payload as { versioned: { version: Row } };
      return {
        versioned: { ...v, version: { ...v.version, content: 'Police in every care plan.\n' } },
      };
    });
    await db
      .updateTable('agreement_document_versions')
      .set({ content: 'Police in every care plan.\n' })
      .execute();
    const signed = await verifyLedger(db, key);
    expect(signed.ok).toBe(false);
    // Even with the register's checkpoints deleted, the party's saved ones prove the rewrite.
    await db.deleteFrom('record_checkpoints').execute();
    const witnessed = await verifyLedger(db, key, {
      witness: { checkpoints: saved, source: 'the coalition’s saved checkpoints' },
    });
    expect(witnessed).toMatchObject({
      ok: false,
      seq: versioned.seq,
      problem: expect.stringMatching(
        new RegExp(`event ${versioned.seq} has been rewritten since it was signed`),
      ) as unknown,
    });
  });
});
