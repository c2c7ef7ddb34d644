import { listCorrections, resolveCorrection } from '../../contributions/corrections-repository.js';
import {
  decideSubmission,
  findSubmission,
  listSubmissions,
} from '../../contributions/submissions-repository.js';
import { SimwatchError } from '../../errors.js';
import { editDocument } from '../../register/documents/edit-document.js';
import type { RouteModule } from '../route-module.js';
import { readFormFields, textField } from '../forms/form-fields.js';
import { doneNotice, doneUrl } from '../workspace/records/done-notice.js';
import { actorOf } from '../workspace/records/form-page.js';
import { contributionLimits } from './correction-form.js';

const access = { config: { access: 'reviewer' as const } };

/** Corrections and submissions from the public, for reviewers: read, resolve, accept or set aside. */
export const contributionReviewRoutes: RouteModule = (app, { deps }) => {
  const db = deps.database.db;

  app.get('/workspace/corrections', access, async (request, reply) =>
    reply.page('workspace/corrections.njk', {
      title: 'Reported errors',
      notice: noticeText(request.query),
      corrections: await listCorrections(db, { limit: 200 }),
    }),
  );

  app.post<{ Params: { id: string } }>(
    '/workspace/corrections/:id/resolve',
    access,
    async (request, reply) => {
      const note = textField(readFormFields(request.body), 'note').slice(
        0,
        contributionLimits.text,
      );
      if (note === '')
        return reply.page(
          'workspace/corrections.njk',
          {
            title: 'Reported errors',
            corrections: await listCorrections(db, { limit: 200 }),
            errors: [{ text: 'Enter a note on what was done', href: `#note-${request.params.id}` }],
            noteErrorFor: request.params.id,
          },
          400,
        );
      if (
        !(await resolveCorrection(
          db,
          request.params.id,
          { by: actorOf(request), note },
          deps.now(),
        ))
      )
        throw new SimwatchError('not_found', 'There is no open report at this address.');
      return reply.redirect(doneUrl('/workspace/corrections', 'correction-resolved'), 303);
    },
  );

  app.get('/workspace/submissions', access, async (request, reply) =>
    reply.page('workspace/submissions.njk', {
      title: 'Documents and tips from the public',
      notice: noticeText(request.query),
      submissions: await listSubmissions(db, { limit: 200 }),
    }),
  );

  app.post<{ Params: { id: string } }>(
    '/workspace/submissions/:id/decision',
    access,
    async (request, reply) => {
      const fields = readFormFields(request.body);
      const decision = textField(fields, 'decision');
      const submission = await findSubmission(db, request.params.id);
      if (
        !submission ||
        submission.state !== 'new' ||
        (decision !== 'accept' && decision !== 'set_aside')
      )
        throw new SimwatchError('not_found', 'There is no new submission at this address.');
      const actor = actorOf(request);
      const documentId = submission.upload?.documentId ?? null;
      if (decision === 'accept' && submission.kind === 'document' && documentId === null)
        throw new SimwatchError(
          'conflict',
          'This document has not been screened yet. Accept it once screening has finished.',
        );
      // Accepting a document publishes it, through the register's own correction of its details.
      if (decision === 'accept' && documentId !== null)
        await editDocument(
          deps,
          {
            documentId,
            public: true,
            reason: 'Sent in through the public form; accepted by a reviewer',
          },
          actor,
        );
      await decideSubmission(
        db,
        submission.id,
        { state: decision === 'accept' ? 'accepted' : 'set_aside', by: actor, note: null },
        deps.now(),
      );
      return reply.redirect(
        doneUrl(
          '/workspace/submissions',
          decision === 'accept' ? 'submission-accepted' : 'submission-set-aside',
        ),
        303,
      );
    },
  );
};

function noticeText(query: unknown): { text: string } | undefined {
  const text = doneNotice(query);
  return text === undefined ? undefined : { text };
}
