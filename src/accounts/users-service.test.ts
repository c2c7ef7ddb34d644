import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { createAppDeps, type AppDeps } from '../app/create-app-deps.js';
import type { Config } from '../config/load-config.js';
import type { SigningKey } from '../record/checkpoint.js';
import { loadSigningKey } from '../register/ledger/signing-key-file.js';
import { replayRecord } from '../register/ledger/replay-record.js';
import { verifyLedger } from '../register/ledger/verify-ledger.js';
import { createDatabase } from '../store/create-database.js';
import { readAllEvents } from '../store/record-repository.js';
import { testDatabases } from '../test-support/register-databases.js';
import { authenticate, createUser, findUser, setPassword, updateUser } from './users-service.js';

const password = 'marmalade orbit canal whistle';
const newPassword = 'lantern quarry velvet spoon';

for (const database of testDatabases()) {
  describe(`accounts in the record, on ${database.name}`, () => {
    let config: Config;
    let cleanUp: () => Promise<void>;
    let deps: AppDeps;
    let key: SigningKey;

    beforeEach(async () => {
      const created = await database.create();
      config = created.config;
      cleanUp = created.cleanUp;
      deps = await createAppDeps(config, { screening: false });
      key = await loadSigningKey(config.signingKeyPath, { create: true });
      await createUser(
        deps,
        { username: 'Ada', displayName: 'Ada Admin', role: 'administrator', password },
        'setup',
      );
      await createUser(
        deps,
        { username: 'rita', displayName: 'Rita Reviewer', role: 'reviewer', password },
        'ada',
      );
    });

    afterEach(async () => {
      await deps.close();
      await cleanUp();
    });

    const db = () => deps.database.db;

    it('records creating, changing, disabling and setting passwords as signed events without any password or hash', async () => {
      await updateUser(deps, 'rita', { role: 'viewer' }, 'ada');
      await updateUser(deps, 'rita', { disabled: true }, 'ada');
      await updateUser(deps, 'rita', { disabled: false }, 'ada');
      await setPassword(deps, 'rita', newPassword, 'ada');
      await setPassword(deps, 'ada', newPassword, 'ada');
      const events = await readAllEvents(db());
      expect(events.map((event) => [event.type, event.actor])).toEqual([
        ['account.created', 'setup'],
        ['account.created', 'ada'],
        ['account.changed', 'ada'],
        ['account.changed', 'ada'],
        ['account.changed', 'ada'],
        ['account.password-set', 'ada'],
        ['account.password-set', 'ada'],
      ]);
      expect(events[0]?.payload).toMatchObject({
        account: { username: 'ada', role: 'administrator', disabled: false },
      });
      expect(events[2]?.payload).toMatchObject({
        change: { username: 'rita', role: { from: 'reviewer', to: 'viewer' } },
      });
      expect(events[3]?.payload).toMatchObject({
        change: { username: 'rita', disabled: { from: false, to: true } },
      });
      expect(events[5]?.payload).toMatchObject({ password: { username: 'rita', reset: true } });
      expect(events[6]?.payload).toMatchObject({ password: { username: 'ada', reset: false } });
      const hashes = await db().selectFrom('users').select('password_hash').execute();
      const recorded = JSON.stringify(events);
      for (const { password_hash: hash } of hashes) expect(recorded).not.toContain(hash);
      expect(recorded).not.toContain(password);
      expect(recorded).not.toContain(newPassword);
      expect(await authenticate(db(), 'rita', newPassword)).toMatchObject({ role: 'viewer' });
      expect(await verifyLedger(db(), key)).toMatchObject({
        ok: true,
        events: 7,
        notInRecord: ['web_sessions', 'upload_jobs'],
      });
    });

    it('fails verification when an account is edited, added or deleted outside simwatch', async () => {
      await sql`update users set role = 'administrator' where username = 'rita'`.execute(db());
      expect(await verifyLedger(db(), key)).toMatchObject({
        ok: false,
        problem:
          'Row rita of table users does not match the record (altered outside simwatch); event 2 wrote it',
        seq: 2,
      });
      await sql`update users set role = 'reviewer' where username = 'rita'`.execute(db());
      await sql`update users set disabled = 1 where username = 'rita'`.execute(db());
      expect(await verifyLedger(db(), key)).toMatchObject({ ok: false, seq: 2 });
      await sql`update users set disabled = 0 where username = 'rita'`.execute(db());
      await sql`insert into users (username, display_name, role, password_hash, disabled, created_at, created_by)
        values ('mallory', 'Mallory', 'administrator', 'x', 0, '2026-01-01', 'ada')`.execute(db());
      expect(await verifyLedger(db(), key)).toMatchObject({
        ok: false,
        problem: 'Row mallory of table users is not in the record (added outside simwatch)',
      });
      await sql`delete from users where username in ('mallory', 'rita')`.execute(db());
      expect(await verifyLedger(db(), key)).toMatchObject({
        ok: false,
        problem: 'Row rita of table users is missing (deleted outside simwatch); event 2 wrote it',
      });
    });

    it('does not mind a password hash changed outside the record, which the record does not hold', async () => {
      await sql`update users set password_hash = 'scrypt$other' where username = 'rita'`.execute(
        db(),
      );
      expect(await verifyLedger(db(), key)).toMatchObject({ ok: true });
    });

    it('replays into accounts that cannot sign in until a password is set', async () => {
      const replayed = await createDatabase({
        ...config,
        sqlitePath: ':memory:',
        databaseUrl: undefined,
      });
      try {
        await replayRecord(replayed.db, await readAllEvents(db()));
        expect(await findUser(replayed.db, 'ada')).toMatchObject({ role: 'administrator' });
        expect(await authenticate(replayed.db, 'ada', password)).toBeUndefined();
        const rebuilt = { ...deps, database: replayed, signRecord: undefined };
        await setPassword(rebuilt, 'ada', newPassword, 'ada');
        expect(await authenticate(replayed.db, 'ada', newPassword)).toMatchObject({
          username: 'ada',
        });
      } finally {
        await replayed.db.destroy();
      }
    });
  });
}
