import { randomUUID } from 'node:crypto';

import type { FastifyReply } from 'fastify';

import { insertSubmission } from '../../contributions/submissions-repository.js';
import { SimwatchError } from '../../errors.js';
import { detectType } from '../../extract/detect-type.js';
import { formatSize } from '../../extract/format-size.js';
import { publicSubmissionActor } from '../../register/documents/document.js';
import { listOrganisations } from '../../register/organisations/organisations-repository.js';
import { insertUploadJob } from '../../uploads/upload-jobs-repository.js';
import type { RouteModule } from '../route-module.js';
import { errorValues, fieldError, type FieldError } from '../forms/form-errors.js';
import { readFormFields, textField, type FormFields } from '../forms/form-fields.js';
import { cleanFileName } from '../workspace/uploads/stage-upload.js';
import {
  keepUploadedFile,
  readUploadedHead,
  uploadedFiles,
} from '../workspace/uploads/uploaded-files.js';
import { organisationPickerGroups } from '../forms/organisation-picker.js';
import { queryText } from '../workspace/records/done-notice.js';
import { publicFormLimit } from './public-form-limit.js';
import { parseSubmissionForm } from './submission-form.js';

/**
 * The public submission form: anyone may send a document (screened through the upload queue like
 * a reviewer's, its findings in the reviewers' queue, but held back from the public until a
 * reviewer accepts it) or a tip (for reviewers only).
 */
export const submissionRoutes: RouteModule = (app, { deps, config }) => {
  const db = deps.database.db;

  async function showForm(
    reply: FastifyReply,
    values: FormFields,
    options: { errors?: readonly FieldError[]; filesLost?: boolean } = {},
  ) {
    const errors = options.errors ?? [];
    return reply.page(
      'pages/submit.njk',
      {
        title: 'Send a document or a tip',
        values,
        filesLost: options.filesLost ?? false,
        maxUpload: formatSize(config.maxUploadBytes),
        organisationGroups: organisationPickerGroups(await listOrganisations(db), [
          textField(values, 'organisation'),
        ]),
        ...errorValues(errors),
      },
      errors.length > 0 ? 400 : 200,
    );
  }

  app.get('/submit', { config: { access: 'public', noStore: true } }, (request, reply) => {
    const sent = queryText(request.query, 'sent');
    if (sent === 'document' || sent === 'tip')
      return reply.page('pages/contribution-sent.njk', {
        title: `Thank you: your ${sent} has been sent`,
        heading: `Thank you: your ${sent} has been sent`,
        what: sent,
      });
    return showForm(reply, { organisation: queryText(request.query, 'org') });
  });

  app.post(
    '/submit',
    {
      config: { access: 'public', noStore: true, rateLimit: publicFormLimit('a document or tip') },
    },
    async (request, reply) => {
      const fields = readFormFields(request.body);
      const files = uploadedFiles(request, 'document');
      const organisations = await listOrganisations(db);
      const parsed = parseSubmissionForm(fields, {
        organisationCodes: organisations.map((organisation) => organisation.code),
        fileCount: files.length,
      });
      const filesLost = files.length > 0;
      if (!parsed.ok) return showForm(reply, fields, { errors: parsed.errors, filesLost });
      const input = parsed.value;
      const file = input.kind === 'document' ? files[0] : undefined;
      let uploadJobId: string | null = null;
      if (file && input.organisationCode !== null) {
        const problem = await contentProblem(file);
        if (problem !== undefined)
          return showForm(reply, fields, { errors: [fieldError('document', problem)], filesLost });
        uploadJobId = randomUUID();
        await insertUploadJob(
          db,
          {
            id: uploadJobId,
            username: publicSubmissionActor,
            fileName: cleanFileName(file.fileName),
            stagedPath: file.path,
          },
          {
            title: 'Document sent in through the public form',
            docType: 'other',
            organisationCodes: [input.organisationCode],
            documentDate: null,
            source: input.url,
            obtained: 'Sent in through the public form',
            // Held back until a reviewer accepts it, which makes it public.
            public: false,
          },
          deps.now(),
        );
        keepUploadedFile(request, file);
      }
      await insertSubmission(db, { ...input, uploadJobId }, deps.now());
      if (uploadJobId !== null) deps.uploadQueue.wake();
      return reply.redirect(`/submit?sent=${input.kind}`, 303);
    },
  );
};

/** Why simwatch cannot read a file, from its start, or undefined when it can (or may). */
async function contentProblem(file: Parameters<typeof readUploadedHead>[0]) {
  const head = await readUploadedHead(file);
  try {
    detectType(head.bytes, cleanFileName(file.fileName));
    return undefined;
  } catch (error) {
    if (!(error instanceof SimwatchError)) throw error;
    if (error.code === 'empty_file' && !head.whole) return undefined;
    return `${error.message.replace(/^Cannot read /, 'We cannot read ')}. Send a PDF, Word (DOCX), email, web page or text file`;
  }
}
