import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { readAgreementFile, readPartyFile } from './agreement-file.js';

let folder: string;
beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'simwatch-agreement-file-'));
  await writeFile(join(folder, 'terms.md'), 'No publication without consent.\n');
  await writeFile(join(folder, 'a.pub.pem'), 'PUBLIC KEY A');
});
afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

const party = (name: string) =>
  `  - name: ${name}\n    publicKeyFile: a.pub.pem\n    members: [{ username: alex, mayAct: true }, sam]\n`;

async function read(yaml: string) {
  await writeFile(join(folder, 'agreement.yaml'), yaml);
  return readAgreementFile(join(folder, 'agreement.yaml'), 'agreement.yaml');
}

const header =
  'title: Policy\npurpose: Together\nprinciples: [Confidentiality]\ntermsFile: terms.md\n';

describe('an agreement file', () => {
  it('is read with its terms and keys from files beside it, and members who take part by default', async () => {
    const agreement = await read(`${header}parties:\n${party('NHS England')}${party('Coalition')}`);
    expect(agreement).toEqual({
      title: 'Policy',
      purpose: 'Together',
      principles: ['Confidentiality'],
      termsText: 'No publication without consent.\n',
      draftsOnDissolution: 'kept_confidential',
      parties: ['NHS England', 'Coalition'].map((name) => ({
        name,
        organisationCode: null,
        publicKeyPem: 'PUBLIC KEY A',
        members: [
          { username: 'alex', mayAct: true },
          { username: 'sam', mayAct: false },
        ],
      })),
    });
  });

  it('names what is missing or wrong, and where', async () => {
    await expect(read(`title: Policy\nparties: []\n`)).rejects.toThrow(
      'Cannot read "agreement.yaml": "principles" must be a list of texts',
    );
    await expect(read(`${header}draftsOnDissolution: burn\nparties: []\n`)).rejects.toThrow(
      'Cannot read "agreement.yaml": "draftsOnDissolution" is "burn", not one of kept_confidential, released_to_parties',
    );
    await expect(
      read(
        `${header}parties:\n  - name: Coalition\n    publicKeyFile: a.pub.pem\n    members: []\n`,
      ),
    ).rejects.toThrow(
      'Cannot read party 1 in "agreement.yaml" (Coalition): "members" must list at least one member',
    );
    await expect(
      read(`${header}parties:\n  - name: Coalition\n    members: [jo]\n`),
    ).rejects.toThrow(
      'Cannot read party 1 in "agreement.yaml" (Coalition): give "publicKey" or "publicKeyFile"',
    );
    await expect(read('title: [unclosed')).rejects.toThrow(
      'Cannot read "agreement.yaml": it is not YAML or JSON',
    );
  });

  it('reads a party file for a proposal to add a party', async () => {
    await writeFile(
      join(folder, 'party.json'),
      JSON.stringify({ name: 'Carers UK', publicKey: 'KEY', members: ['kim'] }),
    );
    expect(await readPartyFile(join(folder, 'party.json'), 'party.json')).toEqual({
      name: 'Carers UK',
      organisationCode: null,
      publicKeyPem: 'KEY',
      members: [{ username: 'kim', mayAct: false }],
    });
  });
});
