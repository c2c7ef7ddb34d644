import { generateKeyPairSync, sign } from 'node:crypto';

import { describe, expect, it } from 'vitest';

import type { Publication } from './agreement.js';
import {
  agreedStatementBytes,
  hashText,
  readPartyPublicKey,
  signConsent,
  type ConsentStatement,
} from './consent-statement.js';
import { publicationBundle, verifyPublicationBundle } from './publication-bundle.js';

const keys = () =>
  generateKeyPairSync('ed25519', {
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    publicKeyEncoding: { type: 'spki', format: 'pem' },
  });

const nhs = keys();
const coalition = keys();
const outsider = keys();
const ref = '6f1c2a3e-0000-4000-8000-000000000001';
const text = '# Policy on SIM-type practices\n\nPeople are not punished for being unwell.\n';

function consentTo(subjectHash: string, kind: 'publish' | 'public_statement'): ConsentStatement {
  return {
    statement: 'simwatch co-production consent, version 1',
    agreement: ref,
    action: { number: 4, kind },
    subjectHash,
    effectiveOn: kind === 'publish' ? '2027-01-15' : null,
  };
}

function signatures(statement: ConsentStatement): Publication['signatures'] {
  return [
    { partyId: 1, partyName: 'NHS England', pair: nhs },
    { partyId: 2, partyName: 'Coalition for Safe Care', pair: coalition },
  ].map(({ partyId, partyName, pair }) => ({
    partyId,
    partyName,
    keyId: readPartyPublicKey(pair.publicKey).keyId,
    publicKeyPem: pair.publicKey,
    signature: signConsent(statement, pair.privateKey),
    givenAt: '2027-01-10T10:00:00.000Z',
  }));
}

function published(): Publication {
  const subjectHash = hashText(text);
  return {
    id: 1,
    agreementId: 1,
    agreementRef: ref,
    agreementTitle: 'National policy on SIM-type practices',
    kind: 'version',
    actionId: 7,
    actionNumber: 4,
    documentTitle: 'Policy',
    versionNumber: 3,
    subjectHash,
    effectiveOn: '2027-01-15',
    text,
    statement: null,
    signatures: signatures(consentTo(subjectHash, 'publish')),
    publishedAt: '2027-01-15T09:00:00.000Z',
    publishedBy: 'alex',
  };
}

function agreedNotPublished(statementText: string, signedText = statementText): Publication {
  const subjectHash = hashText(text);
  const bytes = agreedStatementBytes({
    statement: 'simwatch co-production agreed-not-published, version 1',
    agreement: ref,
    action: 4,
    subjectHash,
    text: signedText,
  });
  return {
    ...published(),
    kind: 'agreed_not_published',
    text: null,
    statement: {
      partyId: 2,
      partyName: 'Coalition for Safe Care',
      text: statementText,
      signature: sign(null, bytes, coalition.privateKey).toString('base64'),
    },
  };
}

/** The bundle as JSON that someone could have edited, and the problems the verifier names. */
function problemsOf(edit: (bundle: ReturnType<typeof bundleJson>) => void): string[] {
  const bundle = bundleJson();
  edit(bundle);
  const verdict = verifyPublicationBundle(bundle);
  return verdict.ok ? [] : verdict.problems;
}

/** The bundle's signature at `index` (throws if the test set it up wrongly). */
function signatureAt(bundle: ReturnType<typeof bundleJson>, index: number) {
  const signature = bundle.signatures[index];
  if (!signature) throw new Error(`No signature ${index}`);
  return signature;
}

function bundleJson() {
  return JSON.parse(JSON.stringify(publicationBundle(published()))) as ReturnType<
    typeof publicationBundle
  >;
}

describe('a publication bundle', () => {
  it('verifies offline when the text, hash, keys and every party’s signature agree', () => {
    const verdict = verifyPublicationBundle(
      JSON.parse(JSON.stringify(publicationBundle(published()))),
    );
    expect(verdict).toEqual({
      ok: true,
      summary: expect.objectContaining({
        kind: 'version',
        agreementRef: ref,
        actionNumber: 4,
        versionNumber: 3,
        effectiveOn: '2027-01-15',
        subjectHash: hashText(text),
        parties: [
          { name: 'NHS England', keyId: readPartyPublicKey(nhs.publicKey).keyId },
          { name: 'Coalition for Safe Care', keyId: readPartyPublicKey(coalition.publicKey).keyId },
        ],
      }) as unknown,
    });
  });

  it('catches one character of the text altered', () => {
    const problems = problemsOf((b) => {
      b.text = (b.text ?? '').replace('not punished', 'now punished');
    });
    expect(problems).toEqual([
      expect.stringContaining('The text does not match the hash the parties signed'),
    ]);
  });

  it('catches the hash altered, since no party signed it', () => {
    const problems = problemsOf((b) => {
      b.subjectHash = `${b.subjectHash.slice(0, -1)}${b.subjectHash.endsWith('0') ? '1' : '0'}`;
    });
    expect(problems).toContain(
      problems.find((p) => p.startsWith('The text does not match the hash')),
    );
    expect(problems.filter((p) => p.includes('signature does not verify'))).toHaveLength(2);
  });

  it('catches a signature altered, naming its party', () => {
    const problems = problemsOf((b) => {
      const signature = Buffer.from(signatureAt(b, 1).signature, 'base64');
      signature.writeUInt8(signature.readUInt8(10) ^ 1, 10);
      signatureAt(b, 1).signature = signature.toString('base64');
    });
    expect(problems).toEqual([
      expect.stringMatching(/^Coalition for Safe Care's signature does not verify with its key/),
    ]);
  });

  it('catches a key replaced, by its key id and by its signature', () => {
    const problems = problemsOf((b) => {
      signatureAt(b, 0).publicKeyPem = outsider.publicKey;
    });
    expect(problems).toEqual([
      expect.stringMatching(/^NHS England's key id [0-9a-f]{16} is not its key's/),
      expect.stringMatching(/^NHS England's signature does not verify/),
    ]);
  });

  it('catches a key that is not a key at all', () => {
    const problems = problemsOf((b) => {
      signatureAt(b, 0).publicKeyPem = 'not a key';
    });
    expect(problems).toEqual([expect.stringMatching(/^NHS England's public key cannot be read/)]);
  });

  it('catches the agreed date altered', () => {
    const problems = problemsOf((b) => {
      b.effectiveOn = '2027-01-16';
    });
    expect(problems).toHaveLength(2);
    expect(problems.every((p) => p.includes('date 2027-01-16'))).toBe(true);
  });

  it('catches a party dropped: one signature is not a joint publication', () => {
    const problems = problemsOf((b) => {
      b.signatures.pop();
    });
    expect(problems).toEqual([
      'Only 1 distinct party signed: a joint publication needs at least two',
    ]);
  });

  it('catches one party signing twice in place of the other', () => {
    const problems = problemsOf((b) => {
      b.signatures[1] = { ...signatureAt(b, 0) };
    });
    expect(problems).toContain(
      'Only 1 distinct party signed: a joint publication needs at least two',
    );
  });

  it('says what is wrong with something that is not a bundle', () => {
    expect(verifyPublicationBundle([])).toEqual({
      ok: false,
      problems: ['The bundle is not a JSON object'],
    });
    expect(verifyPublicationBundle({ format: 'other' })).toEqual({
      ok: false,
      problems: ['The bundle\'s format is "other", not "simwatch publication, version 1"'],
    });
    const noSignatures = { ...bundleJson(), signatures: 'none' };
    expect(verifyPublicationBundle(noSignatures)).toMatchObject({
      ok: false,
      problems: [expect.stringContaining('"signatures"')],
    });
  });

  it('verifies a public statement published with every party’s consent', () => {
    const statementText = 'The parties will publish the policy in January.\n';
    const subjectHash = hashText(statementText);
    const publication: Publication = {
      ...published(),
      kind: 'public_statement',
      documentTitle: null,
      versionNumber: null,
      effectiveOn: null,
      subjectHash,
      text: statementText,
      signatures: signatures(consentTo(subjectHash, 'public_statement')),
    };
    expect(verifyPublicationBundle(publicationBundle(publication)).ok).toBe(true);
  });
});

describe('an agreed-not-published bundle', () => {
  const words = 'Version 3 was agreed by both parties for publication on 15 January 2027.';

  it('verifies with the consent signatures as proof and the party’s own signed words', () => {
    const bundle = publicationBundle(agreedNotPublished(words));
    expect(bundle.text).toBeNull();
    const verdict = verifyPublicationBundle(JSON.parse(JSON.stringify(bundle)));
    expect(verdict).toMatchObject({
      ok: true,
      summary: { statementBy: 'Coalition for Safe Care' },
    });
  });

  it('catches the party’s words altered after signing', () => {
    const verdict = verifyPublicationBundle(
      publicationBundle(agreedNotPublished(`${words} They were unable to agree.`, words)),
    );
    expect(verdict).toEqual({
      ok: false,
      problems: [
        "Coalition for Safe Care's statement signature does not verify with its key over the statement's text, agreement, action and hash",
      ],
    });
  });

  it('catches a statement by a party that did not consent', () => {
    const bundle = publicationBundle(agreedNotPublished(words));
    if (bundle.statement) bundle.statement = { ...bundle.statement, partyName: 'Someone else' };
    const verdict = verifyPublicationBundle(bundle);
    expect(verdict).toMatchObject({
      ok: false,
      problems: [
        expect.stringMatching(
          /^The statement is by Someone else .* not one of the consenting parties/,
        ),
      ],
    });
  });

  it('catches the version text slipped into it', () => {
    const bundle = publicationBundle(agreedNotPublished(words));
    bundle.text = text;
    expect(verifyPublicationBundle(bundle)).toEqual({
      ok: false,
      problems: ['An agreed-not-published statement carries the version text, which it must not'],
    });
  });
});
