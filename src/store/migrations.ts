import { sql, SqliteAdapter, type Kysely, type Migration, type MigrationProvider } from 'kysely';

import { appendEvent, lockRecord } from './record-repository.js';
import type { DatabaseSchema } from './schema.js';

/**
 * The register's schema, one migration per change, the same on SQLite and PostgreSQL. Column
 * types are the few both share: text, integer (ids, counts, 0/1) and double precision.
 */
export const migrations: Record<string, Migration> = {
  '2026-11-26-001-register': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('organisations')
        .addColumn('id', 'integer', (c) => c.primaryKey())
        .addColumn('code', 'text', (c) => c.notNull().unique())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('region', 'text')
        .addColumn('former_names', 'text', (c) => c.notNull())
        .addColumn('source_url', 'text')
        .addColumn('created_seq', 'integer', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('organisation_links')
        .addColumn('id', 'integer', (c) => c.primaryKey())
        .addColumn('organisation_id', 'integer', (c) => c.notNull().references('organisations.id'))
        .addColumn('linked_organisation_id', 'integer', (c) =>
          c.notNull().references('organisations.id'),
        )
        .addColumn('relation', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('documents')
        .addColumn('id', 'integer', (c) => c.primaryKey())
        .addColumn('sha256', 'text', (c) => c.notNull().unique())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('file_name', 'text')
        .addColumn('media_type', 'text', (c) => c.notNull())
        .addColumn('byte_size', 'integer', (c) => c.notNull())
        .addColumn('page_count', 'integer', (c) => c.notNull())
        .addColumn('doc_type', 'text', (c) => c.notNull())
        .addColumn('document_date', 'text')
        .addColumn('source', 'text')
        .addColumn('obtained', 'text')
        .addColumn('added_by', 'text', (c) => c.notNull())
        .addColumn('added_at', 'text', (c) => c.notNull())
        .addColumn('catalogue_version', 'text', (c) => c.notNull())
        .addColumn('public', 'integer', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('document_organisations')
        .addColumn('document_id', 'integer', (c) => c.notNull().references('documents.id'))
        .addColumn('organisation_id', 'integer', (c) => c.notNull().references('organisations.id'))
        .addPrimaryKeyConstraint('document_organisations_pk', ['document_id', 'organisation_id'])
        .execute();
      await db.schema
        .createTable('document_pages')
        .addColumn('document_id', 'integer', (c) => c.notNull().references('documents.id'))
        .addColumn('position', 'integer', (c) => c.notNull())
        .addColumn('page_number', 'integer')
        .addColumn('text', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('document_pages_pk', ['document_id', 'position'])
        .execute();
      await db.schema
        .createTable('findings')
        .addColumn('id', 'integer', (c) => c.primaryKey())
        .addColumn('document_id', 'integer', (c) => c.notNull().references('documents.id'))
        .addColumn('label', 'text', (c) => c.notNull())
        .addColumn('indicator', 'text', (c) => c.notNull())
        .addColumn('reason', 'text', (c) => c.notNull())
        .addColumn('excerpt', 'text', (c) => c.notNull())
        .addColumn('page_number', 'integer')
        .addColumn('start_offset', 'integer', (c) => c.notNull())
        .addColumn('end_offset', 'integer', (c) => c.notNull())
        .addColumn('score', 'double precision', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('findings_document')
        .on('findings')
        .column('document_id')
        .execute();
      await db.schema.createIndex('findings_status').on('findings').column('status').execute();
      await db.schema
        .createTable('decisions')
        .addColumn('id', 'integer', (c) => c.primaryKey())
        .addColumn('finding_id', 'integer', (c) => c.notNull().references('findings.id'))
        .addColumn('reviewer', 'text', (c) => c.notNull())
        .addColumn('decision', 'text', (c) => c.notNull())
        .addColumn('reason', 'text')
        .addColumn('decided_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('decisions_finding')
        .on('decisions')
        .column('finding_id')
        .execute();
      await db.schema
        .createTable('assurances')
        .addColumn('id', 'integer', (c) => c.primaryKey())
        .addColumn('organisation_id', 'integer', (c) => c.notNull().references('organisations.id'))
        .addColumn('given_on', 'text', (c) => c.notNull())
        .addColumn('given_by', 'text', (c) => c.notNull())
        .addColumn('scope', 'text', (c) => c.notNull())
        .addColumn('scope_date', 'text')
        .addColumn('feature', 'text')
        .addColumn('text', 'text', (c) => c.notNull())
        .addColumn('source_document_id', 'integer', (c) => c.references('documents.id'))
        .addColumn('source', 'text')
        .addColumn('recorded_by', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('reviews')
        .addColumn('id', 'integer', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull().unique())
        .addColumn('opened_on', 'text')
        .addColumn('closes_on', 'text')
        .addColumn('questions', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('review_returns')
        .addColumn('id', 'integer', (c) => c.primaryKey())
        .addColumn('review_id', 'integer', (c) => c.notNull().references('reviews.id'))
        .addColumn('organisation_id', 'integer', (c) => c.notNull().references('organisations.id'))
        .addColumn('responded', 'integer', (c) => c.notNull())
        .addColumn('responded_on', 'text')
        .addColumn('used_model', 'integer')
        .addColumn('used_from', 'text')
        .addColumn('used_until', 'text')
        .addColumn('continuing_features', 'text', (c) => c.notNull())
        .addColumn('notes', 'text')
        .addColumn('recorded_by', 'text', (c) => c.notNull())
        .addUniqueConstraint('review_returns_one_per_review', ['review_id', 'organisation_id'])
        .execute();
      await db.schema
        .createTable('record_events')
        .addColumn('seq', 'integer', (c) => c.primaryKey())
        .addColumn('time', 'text', (c) => c.notNull())
        .addColumn('actor', 'text', (c) => c.notNull())
        .addColumn('type', 'text', (c) => c.notNull())
        .addColumn('payload', 'text', (c) => c.notNull())
        .addColumn('prev_hash', 'text', (c) => c.notNull())
        .addColumn('hash', 'text', (c) => c.notNull())
        .addColumn('leaf_hash', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('record_checkpoints')
        .addColumn('tree_size', 'integer', (c) => c.primaryKey())
        .addColumn('root_hash', 'text', (c) => c.notNull())
        .addColumn('time', 'text', (c) => c.notNull())
        .addColumn('key_id', 'text', (c) => c.notNull())
        .addColumn('signature', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('record_head')
        .addColumn('id', 'integer', (c) => c.primaryKey())
        .addColumn('seq', 'integer', (c) => c.notNull())
        .addColumn('hash', 'text', (c) => c.notNull())
        .execute();
      await sql`insert into record_head (id, seq, hash) values (1, 0, ${'0'.repeat(64)})`.execute(
        db,
      );
    },
  },
  // Accounts, sessions and uploads belong to the web workspace, not to the register: they are
  // kept out of the public record (an account is personal data) and are never replayed.
  '2026-11-26-002-workspace': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('users')
        .addColumn('username', 'text', (c) => c.primaryKey())
        .addColumn('display_name', 'text', (c) => c.notNull())
        .addColumn('role', 'text', (c) => c.notNull())
        .addColumn('password_hash', 'text', (c) => c.notNull())
        .addColumn('disabled', 'integer', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('created_by', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('web_sessions')
        .addColumn('token_hash', 'text', (c) => c.primaryKey())
        .addColumn('username', 'text', (c) => c.notNull().references('users.username'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('web_sessions_username')
        .on('web_sessions')
        .column('username')
        .execute();
      await db.schema
        .createTable('upload_jobs')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('username', 'text', (c) => c.notNull())
        .addColumn('file_name', 'text', (c) => c.notNull())
        .addColumn('staged_path', 'text')
        /** JSON: what the reviewer gave (organisations, type, date, source...). */
        .addColumn('details', 'text', (c) => c.notNull())
        /** queued, screening, done or failed. */
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('message', 'text')
        .addColumn('document_id', 'integer')
        .addColumn('findings', 'integer')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('upload_jobs_state').on('upload_jobs').column('state').execute();
    },
  },
  // Full-text search over document pages. SQLite: an FTS5 index whose content stays in
  // document_pages (external content, read through a view), kept in step by triggers, so every
  // writer (live changes, `ledger replay`, the verifier's scratch copy) updates it without knowing
  // it exists. The index is not a state table: the verifier never compares it. Each page's key
  // in the index is document_id * 2^24 + position, so a search reads the document of a match from
  // the key alone; the expression index lets FTS5 fetch a page's text by that key for snippets.
  // PostgreSQL: a GIN index on the expression the search queries use. See src/search/.
  '2026-11-26-003-search': {
    async up(db: Kysely<unknown>) {
      if (!(db.getExecutor().adapter instanceof SqliteAdapter)) {
        await sql`create index document_pages_search on document_pages using gin (to_tsvector('english', text))`.execute(
          db,
        );
        return;
      }
      await sql`create index document_pages_search_key on document_pages ((document_id * 16777216 + position))`.execute(
        db,
      );
      await sql`create view document_pages_search_content as
        select document_id * 16777216 + position as search_key, text from document_pages`.execute(
        db,
      );
      await sql`create virtual table document_pages_search using fts5(text,
        content = 'document_pages_search_content', content_rowid = 'search_key',
        tokenize = 'porter unicode61 remove_diacritics 2')`.execute(db);
      await sql`create trigger document_pages_search_insert after insert on document_pages begin
        insert into document_pages_search (rowid, text)
          values (new.document_id * 16777216 + new.position, new.text);
      end`.execute(db);
      await sql`create trigger document_pages_search_delete after delete on document_pages begin
        insert into document_pages_search (document_pages_search, rowid, text)
          values ('delete', old.document_id * 16777216 + old.position, old.text);
      end`.execute(db);
      await sql`create trigger document_pages_search_update after update on document_pages begin
        insert into document_pages_search (document_pages_search, rowid, text)
          values ('delete', old.document_id * 16777216 + old.position, old.text);
        insert into document_pages_search (rowid, text)
          values (new.document_id * 16777216 + new.position, new.text);
      end`.execute(db);
      // Pages written before this migration.
      await sql`insert into document_pages_search (document_pages_search) values ('rebuild')`.execute(
        db,
      );
    },
  },
  // The learned screening model: what it made of each finding, the model that judged each
  // document, and the models a register has activated. Findings and documents recorded before
  // get the values that replaying their events gives (see register/apply-event), so that
  // `ledger verify` still finds the tables and the record in step.
  '2026-12-07-004-learned-screening': {
    async up(db: Kysely<unknown>) {
      const findingColumns = [
        ['stance', 'text', 'practice'],
        ['proposed_by', 'text', '[]'],
        ['pages', 'text', '[]'],
        ['explanation', 'text', '[]'],
        ['against', 'text', '[]'],
      ] as const;
      // One column a statement: SQLite adds only one at a time.
      for (const [name, type, value] of findingColumns)
        await db.schema
          .alterTable('findings')
          .addColumn(name, type, (c) => c.notNull().defaultTo(value))
          .execute();
      await db.schema.alterTable('findings').addColumn('model_version', 'text').execute();
      await db.schema.alterTable('findings').addColumn('nearest', 'text').execute();
      await sql`update findings set stance = 'assurance' where label = 'assurance'`.execute(db);
      await sql`update findings set pages = '[' || coalesce(cast(page_number as text), 'null') || ']'`.execute(
        db,
      );
      await db.schema.alterTable('documents').addColumn('model_version', 'text').execute();
      await db.schema
        .createTable('screening_models')
        .addColumn('id', 'integer', (c) => c.primaryKey())
        .addColumn('version', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('catalogue_version', 'text', (c) => c.notNull())
        .addColumn('sha256', 'text', (c) => c.notNull())
        .addColumn('training_data', 'text', (c) => c.notNull())
        .addColumn('reviewed_findings', 'text', (c) => c.notNull())
        .addColumn('evaluation', 'text', (c) => c.notNull())
        .addColumn('previous_version', 'text', (c) => c.notNull())
        .addColumn('activated_at', 'text', (c) => c.notNull())
        .addColumn('activated_by', 'text', (c) => c.notNull())
        .execute();
    },
  },
  // How many times an upload has been taken for screening, so that one which stops the server or
  // exceeds the pipeline's limits twice is quarantined rather than taken again and again.
  '2026-12-07-005-upload-attempts': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .alterTable('upload_jobs')
        .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
        .execute();
    },
  },
  // Accounts became events of the record. A register made before has accounts the record never
  // saw: this records them once, as they stand, in one event (`accounts.adopted`, see
  // register/register-event), so `ledger verify` holds them to the record from now on. It runs
  // exactly once, as a migration, so rows forged later cannot be adopted the same way.
  '2026-12-14-006-accounts-in-record': {
    async up(db: Kysely<unknown>) {
      const register = db as Kysely<DatabaseSchema>;
      const users = await register.selectFrom('users').selectAll().orderBy('username').execute();
      if (users.length === 0) return;
      const dialect = db.getExecutor().adapter instanceof SqliteAdapter ? 'sqlite' : 'postgres';
      const record = async (trx: Kysely<DatabaseSchema>) => {
        await lockRecord(trx, dialect);
        await appendEvent(trx, {
          time: new Date().toISOString(),
          actor: 'simwatch',
          type: 'accounts.adopted',
          payload: {
            accounts: users.map((user) => ({
              username: user.username,
              displayName: user.display_name,
              role: user.role,
              disabled: user.disabled === 1,
              createdAt: user.created_at,
              createdBy: user.created_by,
            })),
          },
        });
      };
      // PostgreSQL runs each migration in a transaction; SQLite's are not, so this makes its own.
      if (register.isTransaction) await record(register);
      else await register.transaction().execute(record);
    },
  },
  // Organisations gained a lifecycle (opened, closed, successors) and the ICB they sit in, so that
  // closed and merged trusts can be kept with their history. Existing rows have none of these.
  '2026-12-15-007-organisation-lifecycle': {
    async up(db: Kysely<unknown>) {
      for (const column of ['icb_code', 'opened', 'closed'])
        await db.schema.alterTable('organisations').addColumn(column, 'text').execute();
      await db.schema
        .alterTable('organisations')
        .addColumn('successor_codes', 'text', (c) => c.notNull().defaultTo('[]'))
        .execute();
    },
  },
  // An assurance recorded from a confirmed finding names it, at most one assurance a finding.
  '2026-12-15-008-assurance-finding': {
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable('assurances').addColumn('finding_id', 'integer').execute();
      await db.schema
        .createIndex('assurances_finding_id')
        .on('assurances')
        .column('finding_id')
        .unique()
        .execute();
    },
  },
  // Reviewers at scale: the words that matched in each finding's passage (so pages can mark
  // them), and who a finding is assigned to, by whom and when (`findings.assigned` events).
  // Findings recorded before hold no words: they are shown with the whole passage marked.
  '2026-12-15-009-triage-at-scale': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .alterTable('findings')
        .addColumn('highlights', 'text', (c) => c.notNull().defaultTo('[]'))
        .execute();
      for (const name of ['assigned_to', 'assigned_by', 'assigned_at'])
        await db.schema.alterTable('findings').addColumn(name, 'text').execute();
    },
  },
  // Right of reply: an organisation's responses to the evidence about it, each answering one
  // finding, document, assurance or return of the organisation, with the documents it came with
  // (ingested as documents of the organisation) and, when it gives an assurance, that assurance.
  '2026-12-15-010-responses': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('responses')
        .addColumn('id', 'integer', (c) => c.primaryKey())
        .addColumn('organisation_id', 'integer', (c) => c.notNull().references('organisations.id'))
        .addColumn('responder_name', 'text', (c) => c.notNull())
        .addColumn('responder_role', 'text', (c) => c.notNull())
        .addColumn('received_on', 'text', (c) => c.notNull())
        .addColumn('text', 'text', (c) => c.notNull())
        /** finding, document, assurance or return. */
        .addColumn('answers_kind', 'text', (c) => c.notNull())
        .addColumn('answers_id', 'integer', (c) => c.notNull())
        .addColumn('assurance_id', 'integer', (c) => c.references('assurances.id'))
        .addColumn('recorded_by', 'text', (c) => c.notNull())
        .addColumn('recorded_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('responses_organisation')
        .on('responses')
        .column('organisation_id')
        .execute();
      await db.schema
        .createTable('response_documents')
        .addColumn('response_id', 'integer', (c) => c.notNull().references('responses.id'))
        .addColumn('document_id', 'integer', (c) => c.notNull().references('documents.id'))
        .addPrimaryKeyConstraint('response_documents_pk', ['response_id', 'document_id'])
        .execute();
    },
  },
  // What the public sends: corrections and submissions (documents and tips). They are for
  // reviewers only and may hold a sender's name and email, so the record (which is published)
  // never holds them, as it never holds sessions or queued uploads.
  '2026-12-15-011-public-contributions': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('corrections')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('page', 'text', (c) => c.notNull())
        .addColumn('problem', 'text', (c) => c.notNull())
        .addColumn('sender_name', 'text')
        .addColumn('sender_email', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        /** open or resolved. */
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('resolved_by', 'text')
        .addColumn('resolved_at', 'text')
        .addColumn('resolution_note', 'text')
        .execute();
      await db.schema
        .createTable('submissions')
        .addColumn('id', 'text', (c) => c.primaryKey())
        /** document or tip. */
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('organisation_code', 'text')
        .addColumn('text', 'text', (c) => c.notNull())
        .addColumn('url', 'text')
        .addColumn('upload_job_id', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        /** new, accepted or set_aside. */
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('reviewed_by', 'text')
        .addColumn('reviewed_at', 'text')
        .addColumn('review_note', 'text')
        .execute();
    },
  },
  // Co-production: agreements between parties, their joint documents, meetings, binding actions
  // with each party's signed consent, publications and every view or download of a draft. All
  // written by `agreement.*` events only, so `ledger verify` rebuilds and compares every row.
  '2026-12-15-012-coproduction': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('agreements')
        .addColumn('id', 'integer', (c) => c.primaryKey())
        .addColumn('ref', 'text', (c) => c.notNull().unique())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('purpose', 'text', (c) => c.notNull())
        /** JSON list of the principles. */
        .addColumn('principles', 'text', (c) => c.notNull())
        .addColumn('drafts_on_dissolution', 'text', (c) => c.notNull())
        /** awaiting_terms, active or dissolved. */
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('created_by', 'text', (c) => c.notNull())
        .addColumn('dissolved_at', 'text')
        .addColumn('dissolved_by', 'text')
        .addColumn('dissolved_party_id', 'integer')
        .addColumn('dissolution_reason', 'text')
        .execute();
      await db.schema
        .createTable('agreement_parties')
        .addColumn('id', 'integer', (c) => c.primaryKey())
        .addColumn('agreement_id', 'integer', (c) => c.notNull().references('agreements.id'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('organisation_code', 'text')
        .addColumn('public_key_pem', 'text', (c) => c.notNull())
        .addColumn('key_id', 'text', (c) => c.notNull())
        .addColumn('joined_at', 'text', (c) => c.notNull())
        .addColumn('left_at', 'text')
        .execute();
      await db.schema
        .createTable('agreement_members')
        .addColumn('party_id', 'integer', (c) => c.notNull().references('agreement_parties.id'))
        .addColumn('username', 'text', (c) => c.notNull())
        .addColumn('may_act', 'integer', (c) => c.notNull())
        .addColumn('added_at', 'text', (c) => c.notNull())
        .addColumn('removed_at', 'text')
        .addPrimaryKeyConstraint('agreement_members_pk', ['party_id', 'username'])
        .execute();
      await db.schema
        .createTable('agreement_terms')
        .addColumn('agreement_id', 'integer', (c) => c.notNull().references('agreements.id'))
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('text', 'text', (c) => c.notNull())
        .addColumn('hash', 'text', (c) => c.notNull())
        .addColumn('adopted_at', 'text')
        .addColumn('action_id', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('agreement_terms_pk', ['agreement_id', 'version'])
        .execute();
      await db.schema
        .createTable('agreement_documents')
        .addColumn('id', 'integer', (c) => c.primaryKey())
        .addColumn('agreement_id', 'integer', (c) => c.notNull().references('agreements.id'))
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('created_by', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('agreement_document_versions')
        .addColumn('document_id', 'integer', (c) =>
          c.notNull().references('agreement_documents.id'),
        )
        .addColumn('number', 'integer', (c) => c.notNull())
        .addColumn('content', 'text', (c) => c.notNull())
        .addColumn('hash', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('created_by', 'text', (c) => c.notNull())
        .addColumn('party_id', 'integer', (c) => c.notNull())
        .addColumn('note', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('agreement_document_versions_pk', ['document_id', 'number'])
        .execute();
      await db.schema
        .createTable('agreement_comments')
        .addColumn('id', 'integer', (c) => c.primaryKey())
        .addColumn('document_id', 'integer', (c) =>
          c.notNull().references('agreement_documents.id'),
        )
        .addColumn('version_number', 'integer', (c) => c.notNull())
        .addColumn('party_id', 'integer', (c) => c.notNull())
        .addColumn('author', 'text', (c) => c.notNull())
        .addColumn('anchor_exact', 'text', (c) => c.notNull())
        .addColumn('anchor_prefix', 'text', (c) => c.notNull())
        .addColumn('anchor_suffix', 'text', (c) => c.notNull())
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('agreement_meetings')
        .addColumn('id', 'integer', (c) => c.primaryKey())
        .addColumn('agreement_id', 'integer', (c) => c.notNull().references('agreements.id'))
        /** meeting or decision. */
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('held_on', 'text', (c) => c.notNull())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('summary', 'text', (c) => c.notNull())
        /** JSON list of party ids. */
        .addColumn('present_party_ids', 'text', (c) => c.notNull())
        /** JSON list of party ids. */
        .addColumn('told_party_ids', 'text', (c) => c.notNull())
        .addColumn('recorded_at', 'text', (c) => c.notNull())
        .addColumn('recorded_by', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('agreement_actions')
        .addColumn('id', 'integer', (c) => c.primaryKey())
        .addColumn('agreement_id', 'integer', (c) => c.notNull().references('agreements.id'))
        .addColumn('number', 'integer', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        /** JSON of the ActionSubject. */
        .addColumn('subject', 'text', (c) => c.notNull())
        .addColumn('subject_hash', 'text', (c) => c.notNull())
        .addColumn('effective_on', 'text')
        .addColumn('proposed_at', 'text', (c) => c.notNull())
        .addColumn('proposed_by', 'text', (c) => c.notNull())
        .addColumn('proposed_by_party_id', 'integer', (c) => c.notNull())
        .addColumn('carried_out_at', 'text')
        .addColumn('carried_out_by', 'text')
        .addUniqueConstraint('agreement_actions_number', ['agreement_id', 'number'])
        .execute();
      await db.schema
        .createTable('agreement_consents')
        .addColumn('id', 'integer', (c) => c.primaryKey())
        .addColumn('action_id', 'integer', (c) => c.notNull().references('agreement_actions.id'))
        .addColumn('party_id', 'integer', (c) => c.notNull())
        .addColumn('given_by', 'text', (c) => c.notNull())
        .addColumn('given_at', 'text', (c) => c.notNull())
        .addColumn('signature', 'text', (c) => c.notNull())
        .addColumn('withdrawn_at', 'text')
        .addColumn('withdrawn_by', 'text')
        .execute();
      await db.schema
        .createTable('agreement_publications')
        .addColumn('id', 'integer', (c) => c.primaryKey())
        .addColumn('agreement_id', 'integer', (c) => c.notNull().references('agreements.id'))
        /** version, public_statement or agreed_not_published. */
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('action_id', 'integer', (c) => c.notNull())
        .addColumn('document_id', 'integer')
        .addColumn('document_title', 'text')
        .addColumn('version_number', 'integer')
        .addColumn('subject_hash', 'text', (c) => c.notNull())
        .addColumn('effective_on', 'text')
        .addColumn('text', 'text')
        .addColumn('statement_party_id', 'integer')
        .addColumn('statement_text', 'text')
        .addColumn('statement_signature', 'text')
        /** JSON list of the signatures shown (PublicSignature). */
        .addColumn('signatures', 'text', (c) => c.notNull())
        .addColumn('published_at', 'text', (c) => c.notNull())
        .addColumn('published_by', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('agreement_access')
        .addColumn('id', 'integer', (c) => c.primaryKey())
        .addColumn('agreement_id', 'integer', (c) => c.notNull().references('agreements.id'))
        .addColumn('document_id', 'integer', (c) => c.notNull())
        .addColumn('version_number', 'integer', (c) => c.notNull())
        .addColumn('username', 'text', (c) => c.notNull())
        .addColumn('party_id', 'integer', (c) => c.notNull())
        /** view or download. */
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('at', 'text', (c) => c.notNull())
        .addColumn('mark_seed', 'text')
        .execute();
      for (const [table, column] of [
        ['agreement_parties', 'agreement_id'],
        ['agreement_documents', 'agreement_id'],
        ['agreement_comments', 'document_id'],
        ['agreement_meetings', 'agreement_id'],
        ['agreement_actions', 'agreement_id'],
        ['agreement_consents', 'action_id'],
        ['agreement_access', 'agreement_id'],
      ] as const)
        await db.schema.createIndex(`${table}_${column}`).on(table).column(column).execute();
    },
  },
  // Freedom of information: FOI contact addresses, batches, requests (Alaveteli-like states),
  // clarifications and replies, all written by `foi.*` events. And OCR: a page read from its
  // image records the engine and its confidence, so every page and finding can say so.
  '2026-12-16-013-foi-and-ocr': {
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable('document_pages').addColumn('ocr_engine', 'text').execute();
      await db.schema
        .alterTable('document_pages')
        .addColumn('ocr_confidence', 'double precision')
        .execute();
      // Pages that could not be read (no text layer and no OCR, OCR failed, damaged): a document
      // with any is never shown as clean. Null for documents recorded before this was counted.
      await db.schema.alterTable('documents').addColumn('unread_pages', 'integer').execute();
      await db.schema
        .createTable('foi_contacts')
        .addColumn('organisation_id', 'integer', (c) =>
          c.primaryKey().references('organisations.id'),
        )
        .addColumn('email', 'text', (c) => c.notNull())
        .addColumn('source', 'text')
        .addColumn('updated_by', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('foi_batches')
        .addColumn('id', 'integer', (c) => c.primaryKey())
        .addColumn('ref', 'text', (c) => c.notNull().unique())
        .addColumn('title', 'text', (c) => c.notNull())
        /** JSON: the BatchTarget. */
        .addColumn('target', 'text', (c) => c.notNull())
        .addColumn('subject', 'text', (c) => c.notNull())
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('created_by', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('foi_requests')
        .addColumn('id', 'integer', (c) => c.primaryKey())
        .addColumn('ref', 'text', (c) => c.notNull().unique())
        .addColumn('batch_id', 'integer', (c) => c.references('foi_batches.id'))
        .addColumn('organisation_id', 'integer', (c) => c.notNull().references('organisations.id'))
        .addColumn('subject', 'text', (c) => c.notNull())
        .addColumn('body', 'text', (c) => c.notNull())
        /** One of requestStates (src/foi/foi-request.ts). */
        .addColumn('state', 'text', (c) => c.notNull())
        /** JSON list of the exemptions cited. */
        .addColumn('exemptions', 'text', (c) => c.notNull())
        .addColumn('sent_on', 'text')
        /** email or export. */
        .addColumn('sent_via', 'text')
        .addColumn('message_id', 'text')
        .addColumn('received_on', 'text')
        .addColumn('responded_on', 'text')
        .addColumn('created_by', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('foi_clarifications')
        .addColumn('id', 'integer', (c) => c.primaryKey())
        .addColumn('request_id', 'integer', (c) => c.notNull().references('foi_requests.id'))
        .addColumn('asked_on', 'text', (c) => c.notNull())
        .addColumn('answered_on', 'text')
        .execute();
      await db.schema
        .createTable('foi_replies')
        .addColumn('id', 'integer', (c) => c.primaryKey())
        .addColumn('request_id', 'integer', (c) => c.notNull().references('foi_requests.id'))
        .addColumn('received_on', 'text', (c) => c.notNull())
        /** email, pdf, scan, zip or other. */
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('document_id', 'integer', (c) => c.references('documents.id'))
        .addColumn('note', 'text')
        .addColumn('recorded_by', 'text', (c) => c.notNull())
        .addColumn('recorded_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('foi_state_changes')
        .addColumn('id', 'integer', (c) => c.primaryKey())
        .addColumn('request_id', 'integer', (c) => c.notNull().references('foi_requests.id'))
        .addColumn('from_state', 'text', (c) => c.notNull())
        .addColumn('to_state', 'text', (c) => c.notNull())
        .addColumn('on_day', 'text', (c) => c.notNull())
        .addColumn('note', 'text')
        .addColumn('changed_by', 'text', (c) => c.notNull())
        .addColumn('changed_at', 'text', (c) => c.notNull())
        .execute();
      for (const [table, column] of [
        ['foi_requests', 'organisation_id'],
        ['foi_requests', 'batch_id'],
        ['foi_clarifications', 'request_id'],
        ['foi_replies', 'request_id'],
        ['foi_state_changes', 'request_id'],
      ] as const)
        await db.schema.createIndex(`${table}_${column}`).on(table).column(column).execute();
    },
  },
};

/** The migration that records the accounts of a register made before accounts were recorded. */
export const accountsMigration = '2026-12-14-006-accounts-in-record';

/** Hands Kysely's migrator the migrations above. */
export const migrationProvider: MigrationProvider = {
  getMigrations: () => Promise.resolve(migrations),
};
