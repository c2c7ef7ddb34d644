import {
  agreedStatementBytes,
  bindingActionKinds,
  consentBytes,
  type AgreedStatement,
  type BindingActionKind,
  type ConsentStatement,
} from './consent-statement.js';

/** A statement a party may sign: consent to an action, or its own agreed-not-published words. */
export type SignableStatement =
  { kind: 'consent'; statement: ConsentStatement } | { kind: 'agreed'; statement: AgreedStatement };

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const hexHash = /^[0-9a-f]{64}$/;

/**
 * Reads JSON as a consent statement or an agreed statement, exactly: any other shape (a missing
 * field, an extra one, a wrong type) is refused with what was wrong, so a party never signs bytes
 * it did not mean to.
 */
export function readSignableStatement(json: unknown): SignableStatement | { problem: string } {
  if (!isObject(json)) return { problem: 'it is not a JSON object' };
  const keys = Object.keys(json).sort().join(',');
  if (json.statement === 'simwatch co-production consent, version 1') {
    if (keys !== 'action,agreement,effectiveOn,statement,subjectHash')
      return {
        problem:
          'a consent statement has exactly statement, agreement, action, subjectHash and effectiveOn',
      };
    const { agreement, action, subjectHash, effectiveOn } = json;
    if (typeof agreement !== 'string' || agreement === '')
      return { problem: 'its "agreement" is not an agreement reference' };
    if (
      !isObject(action) ||
      Object.keys(action).sort().join(',') !== 'kind,number' ||
      !Number.isInteger(action.number) ||
      (action.number as number) < 1 ||
      !bindingActionKinds.includes(action.kind as BindingActionKind)
    )
      return {
        problem: `its "action" is not a number and a kind (${bindingActionKinds.join(', ')})`,
      };
    if (typeof subjectHash !== 'string' || !hexHash.test(subjectHash))
      return { problem: 'its "subjectHash" is not a SHA-256 hash in hex' };
    if (
      effectiveOn !== null &&
      (typeof effectiveOn !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(effectiveOn))
    )
      return { problem: 'its "effectiveOn" is neither null nor a date (YYYY-MM-DD)' };
    return { kind: 'consent', statement: json as unknown as ConsentStatement };
  }
  if (json.statement === 'simwatch co-production agreed-not-published, version 1') {
    if (keys !== 'action,agreement,statement,subjectHash,text')
      return {
        problem:
          'an agreed statement has exactly statement, agreement, action, subjectHash and text',
      };
    const { agreement, action, subjectHash, text } = json;
    if (typeof agreement !== 'string' || agreement === '')
      return { problem: 'its "agreement" is not an agreement reference' };
    if (!Number.isInteger(action) || (action as number) < 1)
      return { problem: 'its "action" is not an action number' };
    if (typeof subjectHash !== 'string' || !hexHash.test(subjectHash))
      return { problem: 'its "subjectHash" is not a SHA-256 hash in hex' };
    if (typeof text !== 'string' || text.trim() === '') return { problem: 'its "text" is empty' };
    return { kind: 'agreed', statement: json as unknown as AgreedStatement };
  }
  return {
    problem:
      'its "statement" is neither "simwatch co-production consent, version 1" nor "simwatch co-production agreed-not-published, version 1"',
  };
}

/** The bytes a party signs for the statement. */
export function signableBytes(signable: SignableStatement): Buffer {
  return signable.kind === 'consent'
    ? consentBytes(signable.statement)
    : agreedStatementBytes(signable.statement);
}
