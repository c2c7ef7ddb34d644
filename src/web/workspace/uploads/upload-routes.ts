import { randomUUID } from 'node:crypto';

import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

import { SimwatchError } from '../../../errors.js';
import { detectType } from '../../../extract/detect-type.js';
import { formatSize } from '../../../extract/format-size.js';
import { documentKindNames, documentKinds } from '../../../register/documents/document.js';
import { listOrganisations } from '../../../register/organisations/organisations-repository.js';
import type { WebContext } from '../../web-context.js';
import { signedInUser } from '../signed-in-user.js';
import { cleanFileName } from './stage-upload.js';
import {
  keepUploadedFile,
  readUploadedHead,
  uploadedFiles,
  type UploadedFile,
} from './uploaded-files.js';
import {
  errorValues,
  errorsByField,
  type FieldError,
  type FormError,
} from '../../forms/form-errors.js';
import { batchDetailsValues, parseBatchDetailsForm } from './batch-details-form.js';
import { datePartsOf } from '../../forms/date-input.js';
import { listField, readFormFields, textField, type FormFields } from '../../forms/form-fields.js';
import { organisationPickerGroups } from '../../forms/organisation-picker.js';
import { checkUploadForm, type UploadFormValues } from './upload-form.js';
import {
  findUploadJob,
  insertUploadJob,
  listStagedUploadJobs,
  listUploadJobs,
  queueStagedUploadJobs,
  type UploadJob,
} from '../../../uploads/upload-jobs-repository.js';
import { uploadProgress } from './upload-progress.js';
import type { UploadQueue } from '../../../uploads/upload-queue.js';

const emptyValues: UploadFormValues = {
  title: '',
  docType: '',
  organisations: [],
  documentDate: { day: '', month: '', year: '' },
  source: '',
  obtained: '',
  public: '',
};

/** Uploading documents to be screened, and following their progress. Reviewers only. */
export function uploadRoutes(app: FastifyInstance, context: WebContext, queue: UploadQueue) {
  const { deps, config } = context;
  const db = deps.database.db;

  async function renderForm(
    request: FastifyRequest,
    reply: FastifyReply,
    form: { values: UploadFormValues; errors: FormError[]; filesLost: boolean },
    statusCode = 200,
  ) {
    const user = signedInUser(request);
    const [organisations, jobs] = await Promise.all([
      listOrganisations(db),
      listUploadJobs(db, user.username, { limit: 20 }),
    ]);
    return reply.page(
      'workspace/uploads.njk',
      {
        title: 'Upload documents',
        values: form.values,
        errors: form.errors,
        fieldErrors: errorsByField(form.errors),
        dateError: form.errors.find((error) => error.href.startsWith('#documentDate-'))?.text,
        filesLost: form.filesLost,
        maxUpload: formatSize(config.maxUploadBytes),
        docTypeItems: [
          { value: '', text: 'Choose a type' },
          ...documentKinds.map((kind) => ({
            value: kind,
            text: documentKindNames[kind],
            selected: kind === form.values.docType,
          })),
        ],
        organisationGroups: organisationPickerGroups(organisations, form.values.organisations),
        jobs: jobs.map(uploadProgress),
      },
      statusCode,
    );
  }

  app.get('/workspace/uploads', { config: { access: 'reviewer' } }, (request, reply) =>
    renderForm(request, reply, { values: emptyValues, errors: [], filesLost: false }),
  );

  app.post('/workspace/uploads', { config: { access: 'reviewer' } }, async (request, reply) => {
    const user = signedInUser(request);
    const files = uploadedFiles(request, 'documents');
    const values = readValues(request.body);
    const organisations = await listOrganisations(db);
    const checked = checkUploadForm(values, {
      fileCount: files.length,
      organisationCodes: new Set(organisations.map((organisation) => organisation.code)),
      today: deps.now(),
    });
    const errors = [...(await contentErrors(files)), ...checked.errors];
    if (errors.length > 0 || checked.details === undefined)
      return renderForm(request, reply, { values, errors, filesLost: files.length > 0 }, 400);
    // Several files get their own titles and dates in a second step before they are queued.
    const state = files.length > 1 ? 'staged' : 'queued';
    const ids: string[] = [];
    for (const file of files) {
      const id = randomUUID();
      await insertUploadJob(
        db,
        {
          id,
          username: user.username,
          fileName: cleanFileName(file.fileName),
          stagedPath: file.path,
        },
        checked.details,
        deps.now(),
        { state },
      );
      // The job owns the staged file now (the queue removes it once screened).
      keepUploadedFile(request, file);
      ids.push(id);
    }
    if (state === 'staged') return reply.redirect(batchDetailsUrl(ids), 303);
    queue.wake();
    return reply.redirect(`/workspace/uploads/${ids[0] ?? ''}`, 303);
  });

  async function showBatchDetails(
    reply: FastifyReply,
    jobs: readonly UploadJob[],
    form: { values: FormFields; errors: readonly FieldError[] },
  ) {
    return reply.page(
      'workspace/upload-details.njk',
      {
        title: 'Give each document its title and date',
        files: jobs.map((job, index) => ({ n: index + 1, id: job.id, fileName: job.fileName })),
        values: form.values,
        ...errorValues(form.errors),
      },
      form.errors.length > 0 ? 400 : 200,
    );
  }

  async function stagedJobs(request: FastifyRequest, ids: readonly string[]) {
    const wanted = ids.filter((id) => /^[0-9a-f-]{36}$/.test(id));
    const jobs = await listStagedUploadJobs(db, signedInUser(request).username, wanted);
    if (jobs.length === 0 || jobs.length !== ids.length)
      throw new SimwatchError(
        'not_found',
        'These uploads are not waiting for their details: they may have been added already.',
      );
    return jobs;
  }

  app.get(
    '/workspace/uploads/details',
    { config: { access: 'reviewer' } },
    async (request, reply) => {
      const jobs = await stagedJobs(request, listField(readFormFields(request.query), 'job'));
      return showBatchDetails(reply, jobs, {
        values: batchDetailsValues(jobs, deps.now()),
        errors: [],
      });
    },
  );

  app.post(
    '/workspace/uploads/details',
    { config: { access: 'reviewer' } },
    async (request, reply) => {
      const fields = readFormFields(request.body);
      const jobs = await stagedJobs(request, listField(fields, 'job'));
      const parsed = parseBatchDetailsForm(fields, { jobs, today: deps.now() });
      if (!parsed.ok)
        return showBatchDetails(reply, jobs, { values: fields, errors: parsed.errors });
      if (!(await queueStagedUploadJobs(db, parsed.value, deps.now())))
        throw new SimwatchError(
          'conflict',
          'These uploads were added to the register already, from another page.',
        );
      queue.wake();
      return reply.redirect('/workspace/uploads#your-uploads', 303);
    },
  );

  async function visibleJob(request: FastifyRequest) {
    const user = signedInUser(request);
    const { id } = request.params as { id: string };
    const job = /^[0-9a-f-]{36}$/.test(id) ? await findUploadJob(db, id) : undefined;
    // Someone else's upload is as good as missing: its existence is not theirs to know.
    if (!job || (job.username !== user.username && user.role !== 'administrator'))
      throw new SimwatchError('not_found', 'There is no upload at this address.');
    return job;
  }

  app.get('/workspace/uploads/:id', { config: { access: 'reviewer' } }, async (request, reply) => {
    const job = await visibleJob(request);
    return reply.page('workspace/upload.njk', {
      title: `Upload: ${job.fileName}`,
      job: uploadProgress(job),
    });
  });

  app.get(
    '/workspace/uploads/:id/status.json',
    { config: { access: 'reviewer' } },
    async (request, reply) => {
      const job = await visibleJob(request);
      return reply.header('cache-control', 'no-store').send(uploadProgress(job));
    },
  );
}

/** The second step of a batch upload, for the uploads with these ids. */
function batchDetailsUrl(ids: readonly string[]): string {
  return `/workspace/uploads/details?${ids.map((id) => `job=${id}`).join('&')}`;
}

function readValues(body: unknown): UploadFormValues {
  const fields = readFormFields(body);
  const text = (name: string) => textField(fields, name);
  return {
    title: text('title'),
    docType: text('docType'),
    organisations: listField(fields, 'organisations'),
    // The names the date input sends (see the `dateField` macro), as every form's date does.
    documentDate: datePartsOf(fields, 'documentDate'),
    source: text('source'),
    obtained: text('obtained'),
    public: text('public'),
  };
}

/**
 * Each file whose content simwatch cannot read, refused before it is queued. Only the start of a
 * large file is read here; the document pipeline reads all of it, and fails the job with the
 * reason if this check missed one.
 */
async function contentErrors(files: readonly UploadedFile[]): Promise<FormError[]> {
  const errors: FormError[][] = [];
  for (const file of files)
    errors.push(contentErrorsOf(file.fileName, await readUploadedHead(file)));
  return errors.flat();
}

function contentErrorsOf(fileName: string, head: { bytes: Buffer; whole: boolean }): FormError[] {
  const name = cleanFileName(fileName);
  try {
    detectType(head.bytes, name);
    return [];
  } catch (error) {
    if (!(error instanceof SimwatchError)) throw error;
    // Blank at the start says nothing of the rest.
    if (error.code === 'empty_file' && !head.whole) return [];
    const detail = error.message.replace(/^Cannot read /, '');
    const advice =
      error.code === 'encrypted'
        ? 'Remove the password and upload it again'
        : 'Upload a PDF, Word (DOCX), email, web page, text, ZIP or scanned image (PNG, JPEG, TIFF) file';
    return [{ text: `${detail}. ${advice}`, href: '#documents' }];
  }
}
