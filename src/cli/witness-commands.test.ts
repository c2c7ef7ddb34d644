import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { parseWitnessFile } from '../coproduction/witness/witness-file.js';
import { signCheckpoint } from '../record/checkpoint.js';
import { merkleRoot } from '../record/merkle-tree.js';
import { listCheckpoints, listLeafHashes } from '../register/ledger/record-reads.js';
import { loadSigningKey } from '../register/ledger/signing-key-file.js';
import { rewriteEvent } from '../register/ledger/test-support/rewrite-without-key.js';
import { importOrganisations } from '../register/organisations/organisations-service.js';
import { insertCheckpoint } from '../store/record-repository.js';
import { testDatabases } from '../test-support/register-databases.js';
import { createTestWebApp, type TestWebApp } from '../web/test-support/web-test-app.js';
import type { CliCommand } from './cli-command.js';
import { ledgerCommand } from './register/ledger-commands.js';
import { fakeTerminal } from './test-support/fake-terminal.js';
import { witnessCommand } from './witness-commands.js';

async function run(args: string[], cwd: string, command: CliCommand = witnessCommand) {
  const { terminal, out, err } = fakeTerminal({ noColor: true, env: registerEnv, cwd });
  const status = await command.run(args, terminal);
  return { status, stdout: out(), stderr: err() };
}

// Where "simwatch ledger" finds the test's register.
let registerEnv: NodeJS.ProcessEnv = {};
let organisations = 0;
async function addOrganisation(web: TestWebApp) {
  organisations += 1;
  await importOrganisations(
    web.deps,
    [
      {
        code: `ZZ-W${organisations}`,
        name: `Witness Test Trust ${organisations} (fictional)`,
        kind: 'mental_health_trust',
        region: null,
        formerNames: [],
        sourceUrl: null,
      },
    ],
    'test',
  );
}

for (const database of testDatabases()) {
  describe(`simwatch witness against a real server (${database.name})`, () => {
    let web: TestWebApp;
    let server: string;
    let folder: string;
    beforeAll(async () => {
      web = await createTestWebApp({ database });
      await addOrganisation(web);
      server = await web.app.listen({ port: 0, host: '127.0.0.1' });
      folder = await mkdtemp(join(tmpdir(), 'simwatch-witness-'));
      const config = web.deps.config;
      registerEnv = {
        SIMWATCH_DATA_DIR: config.dataDir,
        ...(config.databaseUrl ? { DATABASE_URL: config.databaseUrl } : {}),
      };
    });
    afterAll(async () => {
      await web.cleanUp();
      await rm(folder, { recursive: true, force: true });
    });

    it('saves checkpoints as the record grows, and finds an honest append consistent', async () => {
      const first = await run(['save', '--server', server, '--out', 'party.json'], folder);
      expect(first.stderr).toBe('');
      expect(first.status).toBe(0);
      expect(first.stdout).toMatch(/^Saved the checkpoint of \d+ events .* which keeps 1\n$/);
      await addOrganisation(web);
      const second = await run(['save', '--server', server, '--out', 'party.json'], folder);
      expect(second.status).toBe(0);
      expect(second.stdout).toContain(
        'consistent: the history you saw is a prefix of the record now',
      );
      expect(second.stdout).toContain('which keeps 2');
      await addOrganisation(web);
      const check = await run(['check', 'party.json'], folder);
      expect(check.status).toBe(0);
      expect(check.stdout).toMatch(
        /^consistent: the history you saw is a prefix of the record now\nChecked 2 saved/,
      );
      const verify = await run(['verify', '--against', 'party.json'], folder, ledgerCommand);
      expect(verify.stdout).toMatch(/^The record is intact/);
    });

    it('proves a rewrite re-signed with the same key, naming the saved checkpoint', async () => {
      const file = join(folder, 'party.json');
      const saved = parseWitnessFile(await readFile(file, 'utf8'));
      const [older, newer] = saved.checkpoints;
      if (!older || !newer) throw new Error('the first test saves two checkpoints');
      // A dishonest operator: alters an event the party saw, and re-signs every checkpoint.
      const db = web.deps.database.db;
      await rewriteEvent(db, newer.treeSize, (payload) => ({ ...(payload as object), x: 1 }));
      const key = await loadSigningKey(web.deps.config.signingKeyPath, { create: false });
      const leaves = await listLeafHashes(db);
      const sizes = (await listCheckpoints(db)).map((each) => each.treeSize);
      await db.deleteFrom('record_checkpoints').execute();
      for (const treeSize of sizes)
        await insertCheckpoint(
          db,
          signCheckpoint(
            {
              treeSize,
              rootHash: merkleRoot(leaves, { treeSize }),
              time: new Date().toISOString(),
            },
            key.privateKeyPem,
          ),
        );

      const check = await run(['check', 'party.json'], folder);
      expect(check.status).toBe(1);
      expect(check.stdout).toContain(
        `rewritten: the record contradicts the checkpoint you saved of ${newer.treeSize} events (root ${newer.rootHash}`,
      );
      expect(check.stdout).toContain('the same key signed a different root');
      expect(check.stdout).toContain('Keep this as proof');
      const verify = await run(['verify', '--against', 'party.json'], folder, ledgerCommand);
      expect(verify.status).toBe(1);
      expect(verify.stdout).toContain(`of "party.json" (${newer.treeSize} events`);
      // The older checkpoint came before the altered event, so the record still bears it out.
      expect(check.stdout).not.toContain(`checkpoint of ${older.treeSize} events:`);

      const save = await run(['save', '--server', server, '--out', 'party.json'], folder);
      expect(save.status).toBe(1);
      expect(parseWitnessFile(await readFile(file, 'utf8'))).toEqual(saved);
    });

    it('serves the key, the latest checkpoint, proofs and a witness file to start from', async () => {
      const key = await loadSigningKey(web.deps.config.signingKeyPath, { create: false });
      const pem = await fetch(`${server}/record/key.pem`);
      expect(await pem.text()).toBe(key.publicKeyPem);
      const checkpoints = (await (await fetch(`${server}/record/checkpoints.json`)).json()) as {
        keyId: string;
        latest: { treeSize: number };
      };
      expect(checkpoints.keyId).toBe(key.keyId);
      const bad = await fetch(`${server}/record/consistency.json?from=99999&to=1`);
      expect(bad.status).toBe(400);
      expect(await bad.json()).toEqual({
        error: {
          code: 'invalid_input',
          message: `Cannot prove consistency from 99999 to 1 events: the record holds ${checkpoints.latest.treeSize}, and "from" must not be more than "to"`,
        },
      });
      const download = await fetch(`${server}/record/witness.json`);
      expect(download.headers.get('content-disposition')).toBe(
        'attachment; filename="simwatch-witness.json"',
      );
      const started = parseWitnessFile(await download.text());
      expect(started.keyId).toBe(key.keyId);
      expect(started.checkpoints.map((each) => each.treeSize)).toEqual([
        checkpoints.latest.treeSize,
      ]);
    });
  });
}
