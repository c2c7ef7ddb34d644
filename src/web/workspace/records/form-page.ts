import type { FastifyRequest } from 'fastify';

import { SimwatchError } from '../../../errors.js';
import { findOrganisationByCode } from '../../../register/organisations/organisations-repository.js';
import { featureNames, features } from '../../../register/status/index.js';
import type { RegisterDatabase } from '../../../register/register-deps.js';
import { doneNotice, queryText } from './done-notice.js';
import { fieldError, type FieldError } from '../../forms/form-errors.js';

/**
 * A register service's refusal (a value it rejects, something missing, a conflict) as an error on
 * the form's `field`; anything else is a fault and is thrown on to the error handler. The forms
 * check everything first, so this is reached only when the register changed in the meantime.
 */
export function serviceRefusal(error: unknown, field: string, href?: string): FieldError {
  if (
    error instanceof SimwatchError &&
    (error.code === 'invalid_input' || error.code === 'not_found' || error.code === 'conflict')
  )
    return fieldError(field, error.message, href);
  throw error;
}

/** The username of the signed-in account; the access check has made sure there is one. */
export function actorOf(request: FastifyRequest): string {
  if (!request.user) throw new SimwatchError('internal', 'Expected a signed-in account');
  return request.user.username;
}

/** The features of concern as radio or checkbox items. */
export const featureItems: readonly { value: string; text: string }[] = features.map((feature) => ({
  value: feature,
  text: featureNames[feature].charAt(0).toUpperCase() + featureNames[feature].slice(1),
}));

/** A success banner's content: a fixed message, and a link to the organisation it was about. */
export interface Notice {
  text: string;
  link?: { href: string; text: string };
}

/**
 * The success banner for a request's `done` parameter, with a link to the public page of the
 * organisation named by `org` when the register has it (its name comes from the register, never
 * from the address).
 */
export async function noticeOf(
  db: RegisterDatabase['db'],
  query: unknown,
): Promise<Notice | undefined> {
  const text = doneNotice(query);
  if (text === undefined) return undefined;
  const code = queryText(query, 'org');
  const organisation = code === '' ? undefined : await findOrganisationByCode(db, code);
  if (!organisation) return { text };
  return {
    text,
    link: {
      href: `/organisations/${encodeURIComponent(organisation.code)}`,
      text: `See the public page of ${organisation.name}`,
    },
  };
}
