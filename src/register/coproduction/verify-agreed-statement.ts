import { verify } from 'node:crypto';

import { agreedStatementBytes } from '../../coproduction/consent-statement.js';
import type { Agreement, BindingAction, Party } from '../../coproduction/agreement.js';

/**
 * Whether `signature` (base64, its one canonical spelling) is the party's Ed25519 signature over
 * its agreed-not-published statement about a publish action: its own words, bound to the
 * agreement, the action and the version hash.
 */
export function verifyAgreedStatement(
  agreement: Pick<Agreement, 'ref'>,
  action: Pick<BindingAction, 'number' | 'subjectHash'>,
  text: string,
  signature: string,
  party: Pick<Party, 'publicKeyPem'>,
): boolean {
  const bytes = Buffer.from(signature, 'base64');
  if (bytes.length !== 64 || bytes.toString('base64') !== signature) return false;
  const message = agreedStatementBytes({
    statement: 'simwatch co-production agreed-not-published, version 1',
    agreement: agreement.ref,
    action: action.number,
    subjectHash: action.subjectHash,
    text,
  });
  try {
    return verify(null, message, party.publicKeyPem, bytes);
  } catch {
    return false;
  }
}
