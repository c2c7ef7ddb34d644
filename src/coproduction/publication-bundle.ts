import { verify } from 'node:crypto';

import type { Publication, PublicationKind } from './agreement.js';
import {
  agreedStatementBytes,
  hashText,
  readPartyPublicKey,
  verifyConsent,
  type BindingActionKind,
  type ConsentStatement,
} from './consent-statement.js';

/** The format string every publication bundle carries. */
export const publicationBundleFormat = 'simwatch publication, version 1';

/**
 * Everything needed to check a publication offline, with no access to the register: the text (or,
 * for an agreed-not-published statement, the party's own signed words), the hash every party
 * signed, and each party's signature with its public key.
 */
export interface PublicationBundle {
  format: typeof publicationBundleFormat;
  publication: { id: number; kind: PublicationKind; publishedAt: string; publishedBy: string };
  agreement: { ref: string; title: string };
  action: { number: number; kind: BindingActionKind };
  document: { title: string; versionNumber: number } | null;
  subjectHash: string;
  effectiveOn: string | null;
  text: string | null;
  statement: { partyName: string; keyId: string; text: string; signature: string } | null;
  signatures: {
    partyName: string;
    keyId: string;
    publicKeyPem: string;
    signature: string;
    givenAt: string;
  }[];
}

/** What a verified bundle says, in plain data. */
export interface PublicationSummary {
  kind: PublicationKind;
  agreementRef: string;
  agreementTitle: string;
  actionNumber: number;
  documentTitle: string | null;
  versionNumber: number | null;
  subjectHash: string;
  effectiveOn: string | null;
  publishedAt: string;
  parties: { name: string; keyId: string }[];
  statementBy: string | null;
}

export type BundleVerdict =
  { ok: true; summary: PublicationSummary } | { ok: false; problems: string[] };

/** The action kind whose consent a publication of this kind rests on. */
function actionKindOf(kind: PublicationKind): BindingActionKind {
  return kind === 'public_statement' ? 'public_statement' : 'publish';
}

/** The bundle a publication is published with (`/publications/:id.json`). */
export function publicationBundle(publication: Publication): PublicationBundle {
  const signer = publication.statement
    ? publication.signatures.find((s) => s.partyId === publication.statement?.partyId)
    : undefined;
  return {
    format: publicationBundleFormat,
    publication: {
      id: publication.id,
      kind: publication.kind,
      publishedAt: publication.publishedAt,
      publishedBy: publication.publishedBy,
    },
    agreement: { ref: publication.agreementRef, title: publication.agreementTitle },
    action: { number: publication.actionNumber, kind: actionKindOf(publication.kind) },
    document:
      publication.documentTitle !== null && publication.versionNumber !== null
        ? { title: publication.documentTitle, versionNumber: publication.versionNumber }
        : null,
    subjectHash: publication.subjectHash,
    effectiveOn: publication.effectiveOn,
    text: publication.text,
    statement: publication.statement
      ? {
          partyName: publication.statement.partyName,
          keyId: signer?.keyId ?? '',
          text: publication.statement.text,
          signature: publication.statement.signature,
        }
      : null,
    signatures: publication.signatures.map((s) => ({
      partyName: s.partyName,
      keyId: s.keyId,
      publicKeyPem: s.publicKeyPem,
      signature: s.signature,
      givenAt: s.givenAt,
    })),
  };
}

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isString = (value: unknown): value is string => typeof value === 'string';
const publicationKinds: readonly PublicationKind[] = [
  'version',
  'public_statement',
  'agreed_not_published',
];

/**
 * Checks a bundle offline and names every problem found: the text must hash to the signed hash,
 * each signature must verify with its key over the consent statement rebuilt from the bundle, each
 * key id must be its key's, at least two distinct parties must have signed, and an
 * agreed-not-published statement must be signed by the party that makes it.
 */
export function verifyPublicationBundle(json: unknown): BundleVerdict {
  const shape = readShape(json);
  if (typeof shape === 'string') return { ok: false, problems: [shape] };
  const bundle = shape;
  const problems: string[] = [];

  if (bundle.action.kind !== actionKindOf(bundle.publication.kind))
    problems.push(
      `The action kind "${bundle.action.kind}" does not fit a ${bundle.publication.kind} publication (it rests on a "${actionKindOf(bundle.publication.kind)}" action)`,
    );
  if (bundle.action.kind === 'publish' && !isDate(bundle.effectiveOn))
    problems.push('The publication has no agreed date (effectiveOn) though it publishes a version');
  if (bundle.action.kind === 'public_statement' && bundle.effectiveOn !== null)
    problems.push('A public statement has a date (effectiveOn), which its consent does not carry');
  if (!/^[0-9a-f]{64}$/.test(bundle.subjectHash))
    problems.push(`The hash "${bundle.subjectHash}" is not a SHA-256 hash in hex`);

  if (bundle.publication.kind === 'agreed_not_published') {
    if (bundle.text !== null)
      problems.push(
        'An agreed-not-published statement carries the version text, which it must not',
      );
  } else if (bundle.text === null) {
    problems.push('The published text is missing');
  } else if (hashText(bundle.text) !== bundle.subjectHash) {
    problems.push(
      `The text does not match the hash the parties signed: it hashes to ${hashText(bundle.text)}, not ${bundle.subjectHash}`,
    );
  }

  const statement: ConsentStatement = {
    statement: 'simwatch co-production consent, version 1',
    agreement: bundle.agreement.ref,
    action: { number: bundle.action.number, kind: bundle.action.kind },
    subjectHash: bundle.subjectHash,
    effectiveOn: bundle.effectiveOn,
  };
  bundle.signatures.forEach((s, index) => {
    const who = s.partyName || `Signature ${index + 1}`;
    let key: { publicKeyPem: string; keyId: string };
    try {
      key = readPartyPublicKey(s.publicKeyPem);
    } catch (error) {
      problems.push(`${who}'s public key cannot be read: ${(error as Error).message}`);
      return;
    }
    if (key.keyId !== s.keyId) {
      problems.push(`${who}'s key id ${s.keyId} is not its key's (which is ${key.keyId})`);
    }
    if (!verifyConsent(statement, s.signature, key.publicKeyPem)) {
      problems.push(
        `${who}'s signature does not verify with its key over action ${bundle.action.number}'s consent statement (agreement ${bundle.agreement.ref}, hash ${bundle.subjectHash}, date ${bundle.effectiveOn ?? 'none'})`,
      );
    }
  });

  const names = new Set(bundle.signatures.map((s) => s.partyName));
  const keyIds = new Set(bundle.signatures.map((s) => s.keyId));
  if (bundle.signatures.length < 2 || names.size < 2 || keyIds.size < 2)
    problems.push(
      `Only ${Math.min(names.size, keyIds.size)} distinct ${Math.min(names.size, keyIds.size) === 1 ? 'party' : 'parties'} signed: a joint publication needs at least two`,
    );
  if (names.size !== bundle.signatures.length || keyIds.size !== bundle.signatures.length)
    problems.push('The same party or key signs more than once');

  if (bundle.publication.kind === 'agreed_not_published') {
    if (bundle.statement === null) {
      problems.push('The agreed-not-published statement itself is missing');
    } else {
      problems.push(...statementProblems(bundle, bundle.statement));
    }
  } else if (bundle.statement !== null) {
    problems.push(`A ${bundle.publication.kind} publication carries a party statement`);
  }

  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    summary: {
      kind: bundle.publication.kind,
      agreementRef: bundle.agreement.ref,
      agreementTitle: bundle.agreement.title,
      actionNumber: bundle.action.number,
      documentTitle: bundle.document?.title ?? null,
      versionNumber: bundle.document?.versionNumber ?? null,
      subjectHash: bundle.subjectHash,
      effectiveOn: bundle.effectiveOn,
      publishedAt: bundle.publication.publishedAt,
      parties: bundle.signatures.map((s) => ({ name: s.partyName, keyId: s.keyId })),
      statementBy: bundle.statement?.partyName ?? null,
    },
  };
}

function statementProblems(
  bundle: PublicationBundle,
  statement: NonNullable<PublicationBundle['statement']>,
): string[] {
  const signer = bundle.signatures.find(
    (s) => s.partyName === statement.partyName && s.keyId === statement.keyId,
  );
  if (!signer)
    return [
      `The statement is by ${statement.partyName} (key ${statement.keyId}), which is not one of the consenting parties`,
    ];
  const bytes = agreedStatementBytes({
    statement: 'simwatch co-production agreed-not-published, version 1',
    agreement: bundle.agreement.ref,
    action: bundle.action.number,
    subjectHash: bundle.subjectHash,
    text: statement.text,
  });
  const signature = Buffer.from(statement.signature, 'base64');
  let ok = false;
  if (signature.length === 64 && signature.toString('base64') === statement.signature.trim()) {
    try {
      ok = verify(null, bytes, signer.publicKeyPem, signature);
    } catch {
      ok = false;
    }
  }
  return ok
    ? []
    : [
        `${statement.partyName}'s statement signature does not verify with its key over the statement's text, agreement, action and hash`,
      ];
}

const isDate = (value: unknown): boolean =>
  isString(value) && /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(value));

/** Reads the bundle's shape, or says in words what is missing or of the wrong type. */
function readShape(json: unknown): PublicationBundle | string {
  if (!isObject(json)) return 'The bundle is not a JSON object';
  if (json.format !== publicationBundleFormat)
    return `The bundle's format is ${JSON.stringify(json.format)}, not "${publicationBundleFormat}"`;
  const { publication, agreement, action, document, statement, signatures } = json;
  if (
    !isObject(publication) ||
    !publicationKinds.includes(publication.kind as PublicationKind) ||
    typeof publication.id !== 'number' ||
    !isString(publication.publishedAt) ||
    !isString(publication.publishedBy)
  )
    return 'The bundle has no valid "publication" (id, kind, publishedAt, publishedBy)';
  if (!isObject(agreement) || !isString(agreement.ref) || !isString(agreement.title))
    return 'The bundle has no valid "agreement" (ref and title)';
  if (
    !isObject(action) ||
    !Number.isInteger(action.number) ||
    !['publish', 'public_statement'].includes(action.kind as string)
  )
    return 'The bundle has no valid "action" (number, and kind publish or public_statement)';
  if (
    document !== null &&
    (!isObject(document) || !isString(document.title) || !Number.isInteger(document.versionNumber))
  )
    return 'The bundle\'s "document" is neither null nor a title and version number';
  if (!isString(json.subjectHash)) return 'The bundle has no "subjectHash"';
  if (json.effectiveOn !== null && !isString(json.effectiveOn))
    return 'The bundle\'s "effectiveOn" is neither null nor a date';
  if (json.text !== null && !isString(json.text))
    return 'The bundle\'s "text" is neither null nor a string';
  if (
    statement !== null &&
    (!isObject(statement) ||
      !isString(statement.partyName) ||
      !isString(statement.keyId) ||
      !isString(statement.text) ||
      !isString(statement.signature))
  )
    return 'The bundle\'s "statement" is neither null nor a party name, key id, text and signature';
  if (
    !Array.isArray(signatures) ||
    !signatures.every(
      (s) =>
        isObject(s) &&
        isString(s.partyName) &&
        isString(s.keyId) &&
        isString(s.publicKeyPem) &&
        isString(s.signature) &&
        isString(s.givenAt),
    )
  )
    return 'The bundle\'s "signatures" are not a list of party name, key id, public key, signature and date';
  return json as unknown as PublicationBundle;
}
