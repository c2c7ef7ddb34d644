import type { FastifyError, FastifyInstance } from 'fastify';

import { SimwatchError } from '../../errors.js';
import type { Agreement } from '../../coproduction/agreement.js';
import { readAgreementForMember } from '../../register/coproduction/read-for-member.js';
import type { RegisterDatabase } from '../../register/register-deps.js';
import { handleError } from '../render/error-pages.js';
import type { WebContext } from '../web-context.js';
import { partiesOf } from './agreement-view.js';

/**
 * The agreement, read for one of its members, with the parties they belong to: the register
 * refuses anyone else with its `forbidden` error, whose page says why.
 */
export async function agreementForMember(
  db: RegisterDatabase['db'],
  agreementId: number,
  username: string,
): Promise<{ agreement: Agreement; memberships: ReturnType<typeof partiesOf> }> {
  const { agreement } = await readAgreementForMember(db, agreementId, username);
  return { agreement, memberships: partiesOf(agreement, username) };
}

/**
 * Shows a refusal to someone who is not a member as a 403 page that says why and what to do;
 * every other error goes to the app's error pages. For the co-production routes only.
 */
export function refuseNonMembers(app: FastifyInstance, context: WebContext): void {
  app.setErrorHandler<FastifyError>((error, request, reply) => {
    if (error instanceof SimwatchError && error.code === 'forbidden')
      return reply.page(
        'pages/error.njk',
        {
          title: 'You are not a member of this agreement',
          message: `${error.message}. Its drafts, meetings and decisions are seen only by the members of its parties. If you should be one, ask a member of your party who may act for it to add you.`,
        },
        403,
      );
    return handleError(error, request, reply, context.config);
  });
}
