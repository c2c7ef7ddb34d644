import { execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { createAppDeps } from '../../app/create-app-deps.js';
import { loadConfig } from '../../config/load-config.js';
import { createReview } from '../../register/reviews/reviews-service.js';
import { retitle, rewriteEvent } from '../../register/ledger/test-support/rewrite-without-key.js';
import { testDatabases } from '../../test-support/register-databases.js';
import { runCli } from '../test-support/run-cli.js';
import { useCliRegister } from '../test-support/use-cli-register.js';

const fixtures = fileURLToPath(new URL('./test-fixtures/', import.meta.url));
const bin = fileURLToPath(new URL('../../../bin/simwatch.js', import.meta.url));

const featureText = (n: number) =>
  [
    `Board paper ${n}`,
    '',
    'A police officer attends the monthly high intensity panel to agree response plans for each person on the caseload.',
    '',
    `Actions from meeting ${n} were reviewed; all were closed.`,
  ].join('\n');

for (const database of testDatabases()) {
  describe(`simwatch register commands on ${database.name}`, () => {
    const register = useCliRegister(database);
    const { cli } = register;

    it('takes a document from ingest to confirmed evidence, status, figures and export', async () => {
      await writeFile(join(register.work(), 'paper.txt'), featureText(1));
      const ingest = await cli(
        'ingest',
        'paper.txt',
        '--org',
        'ZZ-T1',
        '--type',
        'board_paper',
        '--date',
        '2024-05-01',
        '--json',
      );
      expect(ingest.status).toBe(0);
      expect(JSON.parse(ingest.stdout)).toMatchObject({ duplicate: false, error: null });
      const findings = JSON.parse((await cli('findings', 'list', '--json')).stdout) as {
        id: number;
        label: string;
      }[];
      const police = findings.find((finding) => finding.label === 'police_in_care');
      expect(police).toBeDefined();
      const id = String(police?.id);
      const stranger = await cli('findings', 'confirm', id, '--reviewer', 'Zed');
      expect(stranger.status).not.toBe(0);
      expect(stranger.stderr).toMatch(/"Zed": there is no account/);
      expect(stranger.stderr).toMatch(
        /--reviewer USERNAME.*simwatch user add USERNAME --role reviewer/,
      );
      for (const name of ['ana', 'ben', 'cai'])
        expect((await cli('user', 'add', name, '--role', 'reviewer')).status).toBe(0);
      expect((await cli('findings', 'confirm', id, '--reviewer', 'Ana')).stdout).toMatch(
        /now pending/,
      );
      // Ana and ana are one account, so one reviewer.
      const again = await cli('findings', 'confirm', id, '--reviewer', 'ana');
      expect(again.status).toBe(2);
      expect(again.stderr).toMatch(/ana has already confirmed it/);
      expect((await cli('findings', 'confirm', id, '--reviewer', 'Ben')).stdout).toMatch(
        /now confirmed/,
      );
      const reject = await cli('findings', 'reject', id, '--reviewer', 'Cai');
      expect(reject.stderr).toMatch(/the reason for rejecting it is missing \(--reason TEXT\)/);

      const why = await cli('status', 'ZZ-T1', '--why');
      expect(why.stdout).toMatch(/Appears to be continuing/);
      expect(why.stdout).toMatch(/\[evidence \d+\]/);
      const figures = JSON.parse((await cli('figures', '--json')).stdout) as { usedModel: number };
      expect(figures.usedModel).toBe(1);

      expect((await cli('export', '--format', 'csv', '--out', 'open-data')).status).toBe(0);
      const evidence = await readFile(join(register.work(), 'open-data', 'evidence.csv'), 'utf8');
      expect(evidence.split('\r\n')[0]).toBe(
        '\uFEFFfinding_id,finding_url,organisation_code,organisation_name,document_id,document_url,document_title,document_date,page,feature,indicator,excerpt,items_redacted,score,model_version',
      );
      expect(evidence).toContain('ZZ-T1');
      const published = await cli('export', '--format', 'zip', '--out', 'zip');
      expect(published.status, published.stderr).toBe(0);
      const zip = await readFile(join(register.work(), 'zip', 'open-data.zip'));
      expect(published.stdout).toContain(
        `SHA-256 ${createHash('sha256').update(zip).digest('hex')}`,
      );
      expect(published.stdout).toMatch(/recorded in event \d+/);
      expect((await cli('ledger', 'verify')).stdout).toMatch(/intact/);
    });

    it('exports a bundle that verifies offline, and fails it when an event is edited', async () => {
      await writeFile(join(register.work(), 'paper.txt'), featureText(2));
      await cli('ingest', 'paper.txt', '--org', 'ZZ-T1');
      expect((await cli('ledger', 'export', '--out', 'bundle.json')).status).toBe(0);
      const offline = await runCli(
        ['ledger', 'verify', '--bundle', join(register.work(), 'bundle.json')],
        {
          env: { SIMWATCH_DATA_DIR: join(register.work(), 'nowhere') },
        },
      );
      expect(offline.stdout).toMatch(/intact: 2 events/);
      const bundle = JSON.parse(await readFile(join(register.work(), 'bundle.json'), 'utf8')) as {
        events: { actor: string }[];
      };
      const second = bundle.events[1];
      if (second) second.actor = 'mallory';
      await writeFile(join(register.work(), 'bundle.json'), JSON.stringify(bundle));
      const tampered = await runCli([
        'ledger',
        'verify',
        '--bundle',
        join(register.work(), 'bundle.json'),
      ]);
      expect(tampered.status).toBe(1);
      expect(tampered.stdout).toMatch(/event 2 has been altered/i);
    });

    it('catches events rewritten without the key, alone and against the published checkpoints', async () => {
      for (const n of [3, 4]) {
        await writeFile(join(register.work(), `paper-${n}.txt`), featureText(n));
        expect((await cli('ingest', `paper-${n}.txt`, '--org', 'ZZ-T1')).status).toBe(0);
      }
      // The witnesses: the open data as CSV and JSON, and a bundle.
      expect((await cli('export', '--format', 'csv', '--out', 'published')).status).toBe(0);
      expect((await cli('export', '--format', 'json', '--out', 'published')).status).toBe(0);
      expect((await cli('ledger', 'export', '--out', 'bundle.json')).status).toBe(0);
      for (const witness of [
        'published/checkpoints.csv',
        'published/checkpoints.json',
        'bundle.json',
      ]) {
        const verify = await cli('ledger', 'verify', '--against', witness);
        expect(verify.stdout).toMatch(
          /^The record is intact: 3 events, 3 signed checkpoints, root [0-9a-f]{64}; 2 stored files match their recorded SHA-256; all 3 witnessed checkpoints match$/m,
        );
        expect(verify.stdout).toMatch(
          /^Not checked, because the record does not hold them: signed-in sessions \(table web_sessions\), /m,
        );
      }

      const deps = await createAppDeps(loadConfig(register.env()));
      try {
        await rewriteEvent(deps.database.db, 2, retitle);
        await deps.database.db
          .updateTable('documents')
          .set({ title: 'Nothing to see here' })
          .where('id', '=', 1)
          .execute();
        await deps.database.db
          .deleteFrom('record_checkpoints')
          .where('tree_size', '>', 1)
          .execute();
      } finally {
        await deps.close();
      }
      const alone = await cli('ledger', 'verify');
      expect(alone.status).toBe(1);
      expect(alone.stdout).toMatch(
        /^The record FAILED verification: Events 2 to 3 are not covered by a signed checkpoint \(the last signed checkpoint covers 1 event\)/,
      );
      const against = await cli(
        'ledger',
        'verify',
        '--against',
        'published/checkpoints.csv',
        '--json',
      );
      expect(against.status).toBe(1);
      expect(JSON.parse(against.stdout)).toMatchObject({
        ok: false,
        seq: 2,
        problem: expect.stringMatching(
          /^Checkpoint 2 of "published\/checkpoints.csv" \(2 events, signed [^)]+\) does not match the record: event 2 has been rewritten since it was signed$/,
        ) as unknown,
      });
      // Nor will simwatch sign over the rewrite when told what was published.
      const sign = await cli('ledger', 'sign', '--against', 'published/checkpoints.json');
      expect(sign.status).not.toBe(0);
      expect(sign.stderr).toMatch(
        /Cannot sign the record: Checkpoint 2 of "published\/checkpoints.json"/,
      );
      await writeFile(
        join(register.work(), 'empty.csv'),
        'tree_size,root_hash,time,key_id,signature\r\n',
      );
      const empty = await cli('ledger', 'verify', '--against', 'empty.csv');
      expect(empty.status).toBe(2);
      expect(empty.stderr).toMatch(/Cannot verify against "empty.csv": it holds no checkpoints/);
      const missing = await cli('ledger', 'verify', '--against', 'nowhere.csv');
      expect(missing.status).not.toBe(0);
      expect(missing.stderr).toMatch(/Cannot read the checkpoints "nowhere.csv"/);
    });

    it('names a stored original that was altered or deleted', async () => {
      await writeFile(join(register.work(), 'paper.txt'), featureText(5));
      expect((await cli('ingest', 'paper.txt', '--org', 'ZZ-T1')).status).toBe(0);
      const deps = await createAppDeps(loadConfig(register.env()));
      const row = await deps.database.db
        .selectFrom('documents')
        .select('sha256')
        .executeTakeFirstOrThrow();
      const path = deps.blobs.pathOf(row.sha256);
      await deps.close();
      await chmod(path, 0o644);
      await writeFile(path, featureText(6));
      const altered = await cli('ledger', 'verify');
      expect(altered.status).toBe(1);
      expect(altered.stdout).toContain(
        `1 stored file is not as the record says: the original of document 1 ("paper") has been altered: its bytes no longer match the SHA-256 ${row.sha256} recorded in event 2`,
      );
      await rm(path);
      expect((await cli('ledger', 'verify')).stdout).toContain(
        `the original of document 1 ("paper") is missing from the document store (SHA-256 ${row.sha256} recorded in event 2)`,
      );
    });

    it('refuses bad input with clear messages and exit status 2', async () => {
      const unknown = await cli(
        'assurance',
        'add',
        '--org',
        'NOPE',
        '--date',
        '2024-01-01',
        '--given-by',
        'CEO',
        '--scope',
        'never_used',
        '--text',
        'Never.',
        '--source',
        'FOI 1',
      );
      expect(unknown.status).toBe(2);
      expect(unknown.stderr).toMatch(/Cannot find organisation "NOPE"/);
      const noSource = await cli(
        'assurance',
        'add',
        '--org',
        'ZZ-T1',
        '--date',
        '2024-01-01',
        '--given-by',
        'CEO',
        '--scope',
        'never_used',
        '--text',
        'Never.',
      );
      expect(noSource.stderr).toMatch(/without a source/);
      const future = await cli(
        'assurance',
        'add',
        '--org',
        'ZZ-T1',
        '--date',
        '2999-01-01',
        '--given-by',
        'CEO',
        '--scope',
        'never_used',
        '--text',
        'Never.',
        '--source',
        'FOI 1',
      );
      expect(future.stderr).toMatch(/in the future/);
      const badDate = await cli(
        'return',
        'add',
        '--review',
        'R',
        '--org',
        'ZZ-T1',
        '--responded',
        '--responded-on',
        '31/01/2024',
      );
      expect(badDate.stderr).toMatch(/YYYY-MM-DD/);
      expect((await cli('ledger', 'verify')).status).toBe(0);
    });

    it('loses no event when two processes write at once', async () => {
      for (const n of [10, 11, 12, 13, 14, 15])
        await writeFile(join(register.work(), `batch-${n}.txt`), featureText(n));
      const [a, b] = await Promise.all([
        cli('ingest', 'batch-10.txt', 'batch-11.txt', 'batch-12.txt', '--org', 'ZZ-T2'),
        cli('ingest', 'batch-13.txt', 'batch-14.txt', 'batch-15.txt', '--org', 'ZZ-T2'),
      ]);
      expect([a.status, b.status, a.stderr + b.stderr]).toEqual([0, 0, '']);
      const deps = await createAppDeps(loadConfig(register.env()));
      try {
        const events = await deps.database.db
          .selectFrom('record_events')
          .select((eb) => [eb.fn.countAll<number>().as('count'), eb.fn.max('seq').as('last')])
          .executeTakeFirstOrThrow();
        // One import and six documents: seven events, numbered without a gap.
        expect([String(events.count), String(events.last)]).toEqual(['7', '7']);
      } finally {
        await deps.close();
      }
      expect((await cli('ledger', 'verify')).status).toBe(0);
    });

    it('signs changes left unsigned (a process stopped between a change and its signing)', async () => {
      const deps = await createAppDeps(loadConfig(register.env()));
      try {
        // Deps without the signer stand for a process stopped right after its change committed.
        await createReview({ ...deps, signRecord: undefined }, { name: 'Unsigned review' }, 'test');
        await createReview({ ...deps, signRecord: undefined }, { name: 'Unsigned too' }, 'test');
      } finally {
        await deps.close();
      }
      const unsigned = await cli('ledger', 'verify');
      expect(unsigned.status).toBe(1);
      expect(unsigned.stdout).toMatch(/Events \d+ to \d+ are not covered by a signed checkpoint/);
      expect(unsigned.stdout).toMatch(/then run "simwatch ledger sign"/);
      expect((await cli('ledger', 'sign')).stdout).toMatch(/^Signed a checkpoint of \d+ events/);
      expect((await cli('ledger', 'sign')).stdout).toMatch(/^Nothing to sign/);
      expect((await cli('ledger', 'verify')).status).toBe(0);
    });

    it('keeps every document whole or absent when the process is killed mid-batch', async () => {
      const files: string[] = [];
      for (let n = 20; n < 60; n += 1) {
        files.push(`kill-${n}.txt`);
        await writeFile(join(register.work(), `kill-${n}.txt`), featureText(n));
      }
      const child = spawn(process.execPath, [bin, 'ingest', ...files, '--org', 'ZZ-T2'], {
        cwd: register.work(),
        env: { ...process.env, ...register.env() },
      });
      const closed = once(child, 'close');
      let seen = 0;
      child.stdout.on('data', (chunk: Buffer) => {
        seen += chunk
          .toString()
          .split('\n')
          .filter((line) => line.includes('document')).length;
        if (seen >= 3) child.kill('SIGKILL');
      });
      await closed;
      // Each document is signed as it is recorded: the register verifies whole after the kill
      // (unless it came between a document's commit and its signing: then only that is unsigned).
      const afterKill = await cli('ledger', 'verify');
      if (afterKill.status !== 0) {
        expect(afterKill.stdout).toMatch(
          /Events \d+ to \d+ are not covered by a signed checkpoint/,
        );
        expect((await cli('ledger', 'sign')).status).toBe(0);
      }
      expect((await cli('ledger', 'verify')).status).toBe(0);
      const deps = await createAppDeps(loadConfig(register.env()));
      try {
        const documents = await deps.database.db
          .selectFrom('documents')
          .select((eb) => [
            'id',
            eb
              .selectFrom('document_pages')
              .select((inner) => inner.fn.countAll<number>().as('n'))
              .whereRef('document_pages.document_id', '=', 'documents.id')
              .as('pages'),
            eb
              .selectFrom('findings')
              .select((inner) => inner.fn.countAll<number>().as('n'))
              .whereRef('findings.document_id', '=', 'documents.id')
              .as('findings'),
          ])
          .execute();
        expect(documents.length).toBeGreaterThan(0);
        expect(documents.length).toBeLessThan(files.length);
        for (const document of documents) {
          expect(Number(document.pages)).toBe(1);
          expect(Number(document.findings)).toBeGreaterThan(0);
        }
      } finally {
        await deps.close();
      }
    });
  });
}

describe('tampering with the SQLite file', () => {
  let dir: string;
  let env: NodeJS.ProcessEnv;
  const cli = (...args: string[]) => runCli(args, { env, cwd: dir });
  const sqlite = (statement: string) =>
    execFileSync('sqlite3', [join(dir, 'data', 'simwatch.db'), statement]);

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'simwatch-tamper-'));
    env = { SIMWATCH_DATA_DIR: join(dir, 'data'), DATABASE_URL: '', SIMWATCH_ACTOR: 'tester' };
    await cli('org', 'import', join(fixtures, 'organisations.csv'));
    for (const n of [1, 2, 3]) {
      await writeFile(join(dir, `paper-${n}.txt`), featureText(n));
      await cli('ingest', `paper-${n}.txt`, '--org', 'ZZ-T1', '--date', '2024-05-01');
    }
    expect((await cli('ledger', 'verify')).status).toBe(0);
  });

  afterEach(() => rm(dir, { recursive: true, force: true }));

  it.each([
    [
      'an updated finding',
      "update findings set excerpt = 'nothing' where id = 1",
      /Row 1 of table findings does not match the record.*event 2/,
    ],
    [
      'a deleted finding',
      'delete from findings where id = (select max(id) from findings)',
      /table findings is missing.*event 4/,
    ],
    [
      'an added organisation',
      "insert into organisations (id, code, name, kind, region, former_names, source_url, created_seq) values (99, 'X', 'Fake', 'other', null, '[]', null, 1)",
      /Row 99 of table organisations is not in the record/,
    ],
    [
      'an updated event',
      "update record_events set actor = 'mallory' where seq = 3",
      /event 3 has been altered/i,
    ],
    ['a deleted event', 'delete from record_events where seq = 2', /event 2 is missing/i],
    [
      'two events swapped',
      'update record_events set seq = -seq where seq in (2, 3); update record_events set seq = case seq when -2 then 3 when -3 then 2 end where seq < 0',
      /event 2|event 3/,
    ],
    ['a deleted last event', 'delete from record_events where seq = 4', /truncated|event 4/],
  ])('fails verification and says where after %s', async (_, statement, message) => {
    sqlite(statement);
    const verify = await cli('ledger', 'verify');
    expect(verify.status).toBe(1);
    expect(verify.stdout).toMatch(message);
  });

  it('finishes a change, checkpoint included, when the reader of its output leaves early', async () => {
    const child = spawn(
      process.execPath,
      [bin, 'org', 'import', join(fixtures, 'organisations.csv'), '--kind', 'other'],
      {
        cwd: dir,
        env: { ...process.env, ...env },
      },
    );
    child.stdout.destroy();
    const [status] = (await once(child, 'close')) as [number];
    expect(status).toBe(0);
    const checkpoints = execFileSync('sqlite3', [
      join(dir, 'data', 'simwatch.db'),
      'select max(tree_size) from record_checkpoints',
    ]);
    expect(checkpoints.toString().trim()).toBe('5');
  });

  it('rebuilds identical tables from the record alone', async () => {
    expect((await cli('ledger', 'replay', '--to', 'replayed.db')).status).toBe(0);
    const dump = (file: string) =>
      ['organisations', 'documents', 'document_pages', 'findings', 'decisions']
        .map((table) =>
          execFileSync('sqlite3', [file, `select * from ${table} order by 1, 2`]).toString(),
        )
        .join('\n');
    expect(dump(join(dir, 'replayed.db'))).toBe(dump(join(dir, 'data', 'simwatch.db')));
    const verify = await runCli(['ledger', 'verify'], {
      env: { ...env, SIMWATCH_SQLITE_PATH: join(dir, 'replayed.db') },
      cwd: dir,
    });
    expect(verify.stdout).toMatch(/intact/);
  });
});
