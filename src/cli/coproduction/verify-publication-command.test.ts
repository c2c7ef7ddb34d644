import { generateKeyPairSync } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import {
  hashText,
  readPartyPublicKey,
  signConsent,
  type ConsentStatement,
} from '../../coproduction/consent-statement.js';
import { publicationBundle } from '../../coproduction/publication-bundle.js';
import { runCli } from '../test-support/run-cli.js';

let work: string;
const cli = (...args: string[]) => runCli(args, { cwd: work });

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'simwatch-verify-'));
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

const text = '# Policy on SIM-type practices\n\nPeople are not punished for being unwell.\n';
const ref = '6f1c2a3e-0000-4000-8000-000000000001';

function bundle() {
  const statement: ConsentStatement = {
    statement: 'simwatch co-production consent, version 1',
    agreement: ref,
    action: { number: 4, kind: 'publish' },
    subjectHash: hashText(text),
    effectiveOn: '2027-01-15',
  };
  const signatures = ['NHS England', 'Coalition for Safe Care'].map((partyName, index) => {
    const pair = generateKeyPairSync('ed25519', {
      privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
      publicKeyEncoding: { type: 'spki', format: 'pem' },
    });
    return {
      partyId: index + 1,
      partyName,
      keyId: readPartyPublicKey(pair.publicKey).keyId,
      publicKeyPem: pair.publicKey,
      signature: signConsent(statement, pair.privateKey),
      givenAt: '2027-01-10T10:00:00.000Z',
    };
  });
  return publicationBundle({
    id: 1,
    agreementId: 1,
    agreementRef: ref,
    agreementTitle: 'National policy on SIM-type practices',
    kind: 'version',
    actionId: 7,
    actionNumber: 4,
    documentTitle: 'Policy',
    versionNumber: 3,
    subjectHash: statement.subjectHash,
    effectiveOn: '2027-01-15',
    text,
    statement: null,
    signatures,
    publishedAt: '2027-01-15T09:00:00.000Z',
    publishedBy: 'alex',
  });
}

describe('simwatch verify-publication', () => {
  it('exits 0 with a plain summary when the bundle verifies', async () => {
    await writeFile(join(work, 'good.json'), JSON.stringify(bundle()));
    const run = await cli('verify-publication', 'good.json');
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('"good.json" verifies.');
    expect(run.stdout).toContain('Policy, version 3, published on the agreed date 2027-01-15');
    expect(run.stdout).toContain(`Hash: ${hashText(text)}`);
    expect(run.stdout).toMatch(/- NHS England \(key [0-9a-f]{16}\)\n {2}- Coalition for Safe Care/);
  });

  it('exits 1 naming every problem when the bundle was altered', async () => {
    const altered = bundle();
    altered.text = text.replace('not punished', 'now punished');
    altered.signatures.pop();
    await writeFile(join(work, 'altered.json'), JSON.stringify(altered));
    const run = await cli('verify-publication', 'altered.json');
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('"altered.json" does NOT verify:');
    expect(run.stdout).toContain('- The text does not match the hash the parties signed');
    expect(run.stdout).toContain(
      '- Only 1 distinct party signed: a joint publication needs at least two',
    );
    const asJson = await cli('verify-publication', 'altered.json', '--json');
    expect(asJson.status).toBe(1);
    expect(JSON.parse(asJson.stdout)).toMatchObject({
      ok: false,
      problems: [expect.any(String), expect.any(String)],
    });
  });

  it('gives the verdict as JSON', async () => {
    await writeFile(join(work, 'json.json'), JSON.stringify(bundle()));
    const run = await cli('verify-publication', 'json.json', '--json');
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ ok: true, summary: { versionNumber: 3 } });
  });

  it('says when the file is missing or not JSON', async () => {
    await writeFile(join(work, 'prose.txt'), 'It was agreed.');
    const prose = await cli('verify-publication', 'prose.txt');
    expect(prose.status).toBe(2);
    expect(prose.stderr).toContain('Cannot verify "prose.txt": it is not JSON');
    const none = await cli('verify-publication');
    expect(none.status).toBe(2);
    expect(none.stderr).toContain('Cannot run simwatch verify-publication: give one bundle file');
  });
});
