import type { FastifyRequest } from 'fastify';

import { SimwatchError } from '../../errors.js';
import { positiveInteger } from '../forms/positive-integer.js';

/** A numeric id from the address (`:name`), or a not-found error for anything else. */
export function idParam(request: FastifyRequest, name: string): number {
  const value = positiveInteger((request.params as Record<string, string | undefined>)[name]);
  if (value === undefined)
    throw new SimwatchError('not_found', 'Cannot find the page: no such number');
  return value;
}

/** The page of an agreement, and of its parts. */
export const agreementPath = (agreementId: number) => `/workspace/agreements/${agreementId}`;

/** The page of a joint document (its current version, or `version`). */
export function documentPath(agreementId: number, documentId: number, version?: number): string {
  const base = `${agreementPath(agreementId)}/documents/${documentId}`;
  return version === undefined ? base : `${base}/versions/${version}`;
}

/** The page of a binding action. */
export function actionPath(agreementId: number, actionId: number): string {
  return `${agreementPath(agreementId)}/actions/${actionId}`;
}

/**
 * The party a form acts for: the one chosen; else the one party the person may act for (the form
 * then has it as a hidden field); else their own party, so that the register's refusal says
 * they may not act for it. 0 when none of these, which the register refuses.
 */
export function chosenPartyId(
  chosen: string,
  memberships: readonly { party: { id: number }; mayAct: boolean }[],
): number {
  if (chosen !== '') return Number(chosen);
  const acting = memberships.filter((each) => each.mayAct);
  const candidates = acting.length > 0 ? acting : memberships;
  return candidates.length === 1 ? (candidates[0]?.party.id ?? 0) : 0;
}
