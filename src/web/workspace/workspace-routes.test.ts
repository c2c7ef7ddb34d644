import { randomBytes } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import { relative } from 'node:path';

import PDFDocument from 'pdfkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { loadOrganisationFacts } from '../../register/load-organisation-facts.js';
import { testDatabases } from '../../test-support/register-databases.js';
import { publicDir } from '../render/template-environment.js';
import { stageUpload } from './uploads/stage-upload.js';
import { insertUploadJob } from '../../uploads/upload-jobs-repository.js';
import { createUploadQueue } from '../../uploads/upload-queue.js';
import {
  createTestWebApp,
  type TestClient,
  type TestWebApp,
} from '../test-support/web-test-app.js';

/** A small PDF with a real text layer that screening finds things in. */
function makeScreeningPdf(): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A4', margin: 56, info: { CreationDate: new Date(0) } });
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => {
      resolve(new Uint8Array(Buffer.concat(chunks)));
    });
    doc.on('error', reject);
    doc.fontSize(11);
    doc.text('Board paper: the high intensity service, reviewed for the upload test.');
    doc.moveDown();
    doc.text(
      'The Trust and the Constabulary launched a Serenity Integrated Mentoring service this year.',
    );
    doc.moveDown();
    doc.text(
      'A police officer joins the community mental health team and attends care planning meetings for each service user.',
    );
    doc.moveDown();
    doc.text(
      'Where a service user continues to call 999, the SIM officer may consider a Criminal Behaviour Order.',
    );
    doc.moveDown();
    // A passage the model finds with room to spare, whatever it makes of the others.
    doc.text(
      'The police officer seconded to the crisis team co-produces the care and response plan of each high intensity user with the care coordinator.',
    );
    doc.end();
  });
}

/** The upload form's fields with the names the browser sends (see src/web/browser/upload-form). */
const uploadFields = {
  docType: 'board_paper',
  organisations: 'DEMO-T01',
  'documentDate[day]': '4',
  'documentDate[month]': '2',
  'documentDate[year]': '2024',
  source: 'FOI 2024/17',
  obtained: 'FOI request',
  public: 'yes',
};

for (const database of testDatabases()) {
  describe(`the reviewer workspace on ${database.name}`, () => {
    let web: TestWebApp;
    let rita: TestClient;
    let sam: TestClient;
    let vic: TestClient;

    beforeAll(async () => {
      web = await createTestWebApp({ demo: true, database });
      [rita, sam, vic] = await Promise.all([
        web.signedIn('rita'),
        web.signedIn('sam'),
        web.signedIn('vic'),
      ]);
    });
    afterAll(() => web.cleanUp());

    async function pendingFindingIds(): Promise<number[]> {
      const rows = await web.deps.database.db
        .selectFrom('findings')
        .select('id')
        .where('status', '=', 'pending')
        .where((eb) =>
          eb.not(
            eb.exists(
              eb.selectFrom('decisions').select('id').whereRef('finding_id', '=', 'findings.id'),
            ),
          ),
        )
        .orderBy('id', 'desc')
        .execute();
      return rows.map((row) => row.id);
    }

    it('screens an uploaded PDF in the background and puts its findings in the triage queue', async () => {
      const pdf = await makeScreeningPdf();
      const posted = await rita.postMultipart('/workspace/uploads', uploadFields, [
        {
          field: 'documents',
          name: 'high-intensity-service.pdf',
          bytes: pdf,
          type: 'application/pdf',
        },
      ]);
      expect(posted.statusCode).toBe(303);
      const jobUrl = posted.headers.location as string;
      expect(jobUrl).toMatch(/^\/workspace\/uploads\/[0-9a-f-]{36}$/);

      await web.deps.uploadQueue.idle();
      const status = await rita.get(`${jobUrl}/status.json`);
      expect(status.statusCode).toBe(200);
      const job = status.json<{
        state: string;
        documentId: number;
        findings: number;
        findingsUrl: string;
      }>();
      expect(job.state).toBe('done');
      expect(job.findings).toBeGreaterThan(0);
      expect(job.findingsUrl).toBe(`/workspace/findings?document=${job.documentId}`);

      const document = await web.deps.database.db
        .selectFrom('documents')
        .selectAll()
        .where('id', '=', job.documentId)
        .executeTakeFirstOrThrow();
      expect(document).toMatchObject({
        added_by: 'rita',
        doc_type: 'board_paper',
        document_date: '2024-02-04',
        source: 'FOI 2024/17',
        file_name: 'high-intensity-service.pdf',
      });

      const page = await rita.get(jobUrl);
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain(
        `Screened: ${job.findings} ${job.findings === 1 ? 'finding' : 'findings'} to review`,
      );
      expect(page.body).toContain(`href="/workspace/findings?document=${job.documentId}"`);
      expect(page.body).not.toContain('Check again');

      const triage = await vic.get(job.findingsUrl);
      expect(triage.statusCode).toBe(200);
      expect(triage.body).toContain(`Showing findings 1 to ${job.findings} of ${job.findings}`);
      // The passage once, with the words that made it a candidate marked.
      expect(triage.body).toMatch(
        /class="simwatch-excerpt-context simwatch-matched-passage">[^]*?<mark>police officer<\/mark> seconded to the crisis team/,
      );
      expect(triage.body).toContain('Needs confirmation by 2 different reviewers; 0 of 2 so far');
    });

    it('deletes staged uploads once screened, and keeps them outside the served folders', async () => {
      const uploadsDir = web.deps.config.web.uploadsDir;
      expect(relative(publicDir, uploadsDir).startsWith('..')).toBe(true);
      expect(uploadsDir.startsWith(web.deps.config.dataDir)).toBe(true);
      const posted = await rita.postMultipart('/workspace/uploads', uploadFields, [
        {
          field: 'documents',
          name: 'one.txt',
          bytes: new TextEncoder().encode('A note about rotas.'),
        },
        {
          field: 'documents',
          name: 'two.txt',
          bytes: new TextEncoder().encode('A note about parking.'),
        },
      ]);
      // Several files wait, out of the queue, for their own titles and dates.
      expect(posted.statusCode).toBe(303);
      const detailsUrl = posted.headers.location as string;
      expect(detailsUrl).toMatch(
        /^\/workspace\/uploads\/details\?job=[0-9a-f-]{36}&job=[0-9a-f-]{36}$/,
      );
      await web.deps.uploadQueue.idle();
      expect((await readdir(uploadsDir)).length).toBe(2);
      const details = await rita.get(detailsUrl);
      expect(details.statusCode).toBe(200);
      expect(details.body).toMatch(/name="title-1"[^>]*value="one"/);
      expect(details.body).toMatch(/name="title-2"[^>]*value="two"/);
      expect((await sam.get(detailsUrl)).statusCode).toBe(404);
      const added = await rita.post('/workspace/uploads/details', {
        job: new URL(detailsUrl, 'http://localhost').searchParams.getAll('job'),
        'title-1': 'Rota note',
        'title-2': 'Parking note',
      });
      expect(added.statusCode).toBe(303);
      expect(added.headers.location).toBe('/workspace/uploads#your-uploads');
      expect((await rita.get(detailsUrl)).statusCode).toBe(404);
      await web.deps.uploadQueue.idle();
      expect(await readdir(uploadsDir)).toEqual([]);
      const jobs = await web.deps.database.db.selectFrom('upload_jobs').selectAll().execute();
      expect(jobs.every((job) => job.staged_path === null && job.state === 'done')).toBe(true);
      const list = await rita.get('/workspace/uploads');
      expect(list.body).toContain('one.txt');
      expect(list.body).toContain('two.txt');
    });

    it('reports a document already in the register as done, changing nothing', async () => {
      const bytes = new TextEncoder().encode('The same words, uploaded twice.');
      const first = await rita.postMultipart('/workspace/uploads', uploadFields, [
        { field: 'documents', name: 'first.txt', bytes },
      ]);
      await web.deps.uploadQueue.idle();
      const second = await sam.postMultipart('/workspace/uploads', uploadFields, [
        { field: 'documents', name: 'again.txt', bytes },
      ]);
      await web.deps.uploadQueue.idle();
      const firstJob = (await rita.get(`${first.headers.location as string}/status.json`)).json<{
        documentId: number;
      }>();
      const secondJob = (await sam.get(`${second.headers.location as string}/status.json`)).json<{
        state: string;
        documentId: number;
        message: string;
      }>();
      expect(secondJob.state).toBe('done');
      expect(secondJob.documentId).toBe(firstJob.documentId);
      expect(secondJob.message).toMatch(/already in the register/);
    });

    it('marks an upload failed, with the reason, when its document cannot be read', async () => {
      const broken = new TextEncoder().encode(
        '%PDF-1.7\n1 0 obj << /Type /Catalog >>\nnot really a PDF',
      );
      const posted = await rita.postMultipart('/workspace/uploads', uploadFields, [
        { field: 'documents', name: 'broken.pdf', bytes: broken },
      ]);
      expect(posted.statusCode).toBe(303);
      await web.deps.uploadQueue.idle();
      const job = (await rita.get(`${posted.headers.location as string}/status.json`)).json<{
        state: string;
        message: string;
        documentId: number | null;
      }>();
      expect(job).toMatchObject({ state: 'failed', documentId: null });
      expect(job.message).toMatch(/^Cannot read "broken\.pdf": /);
      const page = await rita.get(posted.headers.location as string);
      expect(page.body).toContain('Could not be screened');
      expect(await readdir(web.deps.config.web.uploadsDir)).toEqual([]);
    });

    it('screens uploads left waiting or half-screened when the server stopped', async () => {
      const db = web.deps.database.db;
      const uploadsDir = web.deps.config.web.uploadsDir;
      const details = {
        title: 'Left over',
        docType: 'policy' as const,
        organisationCodes: ['DEMO-T02'],
        documentDate: null,
        source: null,
        obtained: null,
        public: false,
      };
      for (const [id, text] of [
        ['00000000-0000-4000-8000-000000000001', 'Left screening when the server stopped.'],
        ['00000000-0000-4000-8000-000000000002', 'Left waiting when the server stopped.'],
      ] as const) {
        const stagedPath = await stageUpload(uploadsDir, new TextEncoder().encode(text));
        await insertUploadJob(
          db,
          { id, username: 'sam', fileName: `${id}.txt`, stagedPath },
          details,
          new Date(),
        );
      }
      await db
        .updateTable('upload_jobs')
        .set({ state: 'screening' })
        .where('id', '=', '00000000-0000-4000-8000-000000000001')
        .execute();
      const restarted = createUploadQueue({
        deps: web.deps,
        log: web.app.log,
      });
      restarted.wake();
      await restarted.idle();
      const jobs = await db
        .selectFrom('upload_jobs')
        .select(['state', 'staged_path', 'document_id'])
        .where('id', 'like', '00000000-0000-4000-8000-%')
        .execute();
      expect(jobs).toHaveLength(2);
      for (const job of jobs) {
        expect(job).toMatchObject({ state: 'done', staged_path: null });
        const document = await db
          .selectFrom('documents')
          .select(['title', 'public', 'added_by'])
          .where('id', '=', job.document_id ?? -1)
          .executeTakeFirstOrThrow();
        expect(document).toEqual({ title: 'Left over', public: 0, added_by: 'sam' });
      }
      expect(await readdir(uploadsDir)).toEqual([]);
    });

    it('shows an upload only to its uploader and administrators', async () => {
      const posted = await rita.postMultipart('/workspace/uploads', uploadFields, [
        { field: 'documents', name: 'private.txt', bytes: new TextEncoder().encode('Rita only.') },
      ]);
      const jobUrl = posted.headers.location as string;
      await web.deps.uploadQueue.idle();
      expect((await sam.get(jobUrl)).statusCode).toBe(404);
      expect((await sam.get(`${jobUrl}/status.json`)).statusCode).toBe(404);
      expect((await (await web.signedIn('ada')).get(jobUrl)).statusCode).toBe(200);
      expect((await vic.get(jobUrl)).statusCode).toBe(403);
    });

    it('refuses files whose content is not a document, naming each file', async () => {
      const bytes = randomBytes(2048);
      bytes[0] = 0;
      const posted = await rita.postMultipart('/workspace/uploads', uploadFields, [
        { field: 'documents', name: 'minutes.pdf', bytes, type: 'application/pdf' },
        { field: 'documents', name: 'data.bin', bytes },
        {
          field: 'documents',
          name: 'photo.gif',
          bytes: Buffer.concat([Buffer.from([0x47, 0x49, 0x46, 0x38]), bytes]),
        },
      ]);
      expect(posted.statusCode).toBe(400);
      expect(posted.body).toContain('There is a problem');
      for (const text of [
        '&quot;minutes.pdf&quot;: the name says PDF but the content is not a PDF',
        '&quot;data.bin&quot;: the content is not a format simwatch can read',
        '&quot;photo.gif&quot;: it is a GIF image; save it as PNG, JPEG or TIFF to have it read by OCR',
      ])
        expect(posted.body).toContain(text);
      expect(posted.body).toContain('href="#documents"');
      expect(await readdir(web.deps.config.web.uploadsDir).catch(() => [])).toEqual([]);
      const jobs = await web.deps.database.db
        .selectFrom('upload_jobs')
        .select('file_name')
        .where('file_name', 'in', ['minutes.pdf', 'data.bin', 'photo.png'])
        .execute();
      expect(jobs).toEqual([]);
    });

    it('shows the form again with its mistakes and the choices made', async () => {
      const posted = await rita.postMultipart(
        '/workspace/uploads',
        { ...uploadFields, docType: '', public: '', title: 'Two at once' },
        [
          { field: 'documents', name: 'a.txt', bytes: new TextEncoder().encode('First.') },
          { field: 'documents', name: 'b.txt', bytes: new TextEncoder().encode('Second.') },
        ],
      );
      expect(posted.statusCode).toBe(400);
      for (const text of [
        'Choose the type of document',
        'Leave the title empty when you upload more than one document',
        'Choose whether anyone may download the original',
        'Choose your files again',
      ])
        expect(posted.body).toContain(text);
      expect(posted.body).toMatch(/<option value="DEMO-T01" selected>/);
      expect(posted.body).toContain('value="FOI 2024/17"');
    });

    it('names the box of a date that does not exist and keeps what was typed', async () => {
      const posted = await rita.postMultipart(
        '/workspace/uploads',
        { ...uploadFields, 'documentDate[day]': '31', 'documentDate[month]': '2' },
        [{ field: 'documents', name: 'a.txt', bytes: new TextEncoder().encode('First.') }],
      );
      expect(posted.statusCode).toBe(400);
      expect(posted.body).toContain('href="#documentDate-day"');
      expect(posted.body.match(/The document&#39;s date must be a real date/g)).toHaveLength(2);
      expect(posted.body).toMatch(/name="documentDate\[day\]"[^>]*value="31"/);
      expect(posted.body).toMatch(/name="documentDate\[month\]"[^>]*value="2"/);
    });

    it('gives each upload limit its own message', async () => {
      const note = (name: string) => ({
        field: 'documents',
        name,
        bytes: new TextEncoder().encode(`A note called ${name}.`),
      });
      const manyFiles = await rita.postMultipart(
        '/workspace/uploads',
        uploadFields,
        Array.from({ length: 21 }, (_, index) => note(`note-${index}.txt`)),
      );
      expect(manyFiles.statusCode).toBe(413);
      expect(manyFiles.body).toContain('Too many files');
      expect(manyFiles.body).toContain('Upload 20 files or fewer at a time');
      expect(manyFiles.body).not.toContain('too large');

      const codes = (count: number) => Array.from({ length: count }, (_, index) => `ORG-${index}`);
      // 22 organisations are within the limit: the form itself answers about unknown codes.
      const some = await rita.postMultipart(
        '/workspace/uploads',
        { ...uploadFields, organisations: codes(22) },
        [note('some.txt')],
      );
      expect(some.statusCode).toBe(400);
      expect(some.body).toContain('Choose organisations from the list');
      const tooMany = await rita.postMultipart(
        '/workspace/uploads',
        { ...uploadFields, organisations: codes(230) },
        [note('many.txt')],
      );
      expect(tooMany.statusCode).toBe(413);
      expect(tooMany.body).toContain('Choose 200 organisations or fewer for one upload');
      expect(tooMany.body).not.toContain('too large');
    });

    it('lets two different reviewers confirm a finding, which makes it evidence of the organisation', async () => {
      const [findingId] = await pendingFindingIds();
      if (findingId === undefined) throw new Error('The demo should have pending findings');
      const page = await rita.get(`/workspace/findings/${findingId}`);
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('data-triage-confirm');

      const first = await rita.post(`/workspace/findings/${findingId}/decision`, {
        decision: 'confirm',
      });
      expect(first.statusCode).toBe(303);
      expect(first.headers.location).toMatch(
        new RegExp(`^/workspace/findings/\\d+\\?decided=${findingId}$`),
      );
      const afterFirst = await rita.get(`/workspace/findings/${findingId}`);
      expect(afterFirst.body).toContain(
        'Needs confirmation by 2 different reviewers; 1 of 2 so far (by rita)',
      );
      const next = await rita.get(first.headers.location as string);
      expect(next.body).toContain(`Your decision on finding ${findingId} is recorded`);

      const second = await sam.post(`/workspace/findings/${findingId}/decision`, {
        decision: 'confirm',
      });
      expect(second.statusCode).toBe(303);
      const finding = await web.deps.database.db
        .selectFrom('findings')
        .innerJoin(
          'document_organisations',
          'document_organisations.document_id',
          'findings.document_id',
        )
        .innerJoin('organisations', 'organisations.id', 'document_organisations.organisation_id')
        .select(['findings.status', 'organisations.code'])
        .where('findings.id', '=', findingId)
        .executeTakeFirstOrThrow();
      expect(finding.status).toBe('confirmed');
      const [facts] = await loadOrganisationFacts(web.deps.database.db, finding.code);
      expect(facts?.evidence.map((evidence) => evidence.findingId)).toContain(findingId);
      const confirmed = await vic.get(`/workspace/findings/${findingId}`);
      expect(confirmed.body).toContain('Confirmed by 2 different reviewers (rita and sam)');
    });

    it('refuses the same reviewer confirming a finding twice', async () => {
      const [, findingId] = await pendingFindingIds();
      await rita.post(`/workspace/findings/${findingId}/decision`, { decision: 'confirm' });
      const again = await rita.post(`/workspace/findings/${findingId}/decision`, {
        decision: 'confirm',
      });
      expect(again.statusCode).toBe(409);
      expect(again.body).toContain('You have already confirmed this finding');
      expect(again.body).toContain('id="decision-error"');
      expect(again.body).toContain('href="#decision"');
    });

    it('needs a reason to reject a finding', async () => {
      const [, , findingId] = await pendingFindingIds();
      const without = await rita.post(`/workspace/findings/${findingId}/decision`, {
        decision: 'reject',
        reason: '  ',
      });
      expect(without.statusCode).toBe(400);
      expect(without.body).toContain('id="reason-error"');
      expect(without.body).not.toContain('id="decision-error"');
      expect(without.body.match(/Enter why you are rejecting this finding/g)).toHaveLength(2);
      const withReason = await rita.post(`/workspace/findings/${findingId}/decision`, {
        decision: 'reject',
        reason: 'The passage criticises the model.',
      });
      expect(withReason.statusCode).toBe(303);
      const page = await vic.get(`/workspace/findings/${findingId}`);
      expect(page.body).toContain('In discussion');
      expect(page.body).toContain('The passage criticises the model.');
      const queue = await vic.get('/workspace/findings?status=in_discussion');
      expect(queue.body).toContain(`href="/workspace/findings/${findingId}"`);
    });

    it('lets a viewer read the triage queue but not decide', async () => {
      const [findingId] = await pendingFindingIds();
      const page = await vic.get(`/workspace/findings/${findingId}`);
      expect(page.statusCode).toBe(200);
      expect(page.body).not.toContain('data-triage-confirm');
      const posted = await vic.post(`/workspace/findings/${findingId}/decision`, {
        decision: 'confirm',
      });
      expect(posted.statusCode).toBe(403);
      expect((await vic.get('/workspace/uploads')).statusCode).toBe(403);
    });

    it('shows the finding counts and links on the dashboard', async () => {
      const counts = await web.deps.database.db.selectFrom('findings').select('status').execute();
      const pending = counts.filter((row) => row.status === 'pending').length;
      const page = await rita.get('/workspace');
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain(`<span class="simwatch-count">${pending}</span>`);
      for (const href of [
        '/workspace/findings',
        '/workspace/uploads',
        '/workspace/assurances/new',
        '/workspace/password',
      ])
        expect(page.body).toContain(`href="${href}"`);
      expect(page.body).not.toContain('href="/workspace/accounts"');
      expect((await (await web.signedIn('ada')).get('/workspace')).body).toContain(
        'href="/workspace/accounts"',
      );
    });

    it('filters the queue by organisation and label, and pages it', async () => {
      const all = await vic.get('/workspace/findings?status=all');
      expect(all.body).toMatch(/Showing findings 1 to 20 of \d+/);
      expect(all.body).toContain('href="/workspace/findings?status=all&amp;page=2"');
      // The organisation and label with the most findings in the demonstration register.
      const busiest = await web.deps.database.db
        .selectFrom('findings')
        .innerJoin(
          'document_organisations',
          'document_organisations.document_id',
          'findings.document_id',
        )
        .innerJoin('organisations', 'organisations.id', 'document_organisations.organisation_id')
        .select((eb) => ['organisations.code', 'findings.label', eb.fn.countAll().as('n')])
        .groupBy(['organisations.code', 'findings.label'])
        .orderBy('n', 'desc')
        .orderBy('organisations.code')
        .orderBy('findings.label')
        .limit(1)
        .executeTakeFirstOrThrow();
      const filtered = await vic.get(
        `/workspace/findings?status=all&organisation=${busiest.code}&label=${busiest.label}`,
      );
      expect(filtered.statusCode).toBe(200);
      const rows = await web.deps.database.db
        .selectFrom('findings')
        .innerJoin(
          'document_organisations',
          'document_organisations.document_id',
          'findings.document_id',
        )
        .innerJoin('organisations', 'organisations.id', 'document_organisations.organisation_id')
        .select('findings.id')
        .where('organisations.code', '=', busiest.code)
        .where('findings.label', '=', busiest.label)
        .orderBy('findings.document_id')
        .orderBy('findings.id')
        .execute();
      expect(rows.length).toBeGreaterThan(0);
      const shown = [
        ...filtered.body.matchAll(/href="\/workspace\/findings\/(\d+)" data-triage-link>/g),
      ].map((match) => Number(match[1]));
      expect(shown.sort()).toEqual(
        rows
          .map((row) => row.id)
          .slice(0, 20)
          .sort(),
      );
    });

    it('shows every demo finding with its excerpt found in its page text', async () => {
      const page = await vic.get('/workspace/findings?status=all&document=1');
      expect(page.statusCode).toBe(200);
      const findings = await web.deps.database.db
        .selectFrom('findings')
        .innerJoin('document_pages', (join) =>
          join
            .onRef('document_pages.document_id', '=', 'findings.document_id')
            .onRef('document_pages.page_number', '=', 'findings.page_number'),
        )
        .select([
          'findings.excerpt',
          'findings.start_offset',
          'findings.end_offset',
          'document_pages.text',
        ])
        .execute();
      expect(findings.length).toBeGreaterThan(0);
      for (const finding of findings)
        expect(finding.text.slice(finding.start_offset, finding.end_offset)).toBe(finding.excerpt);
      expect(page.body).not.toContain('The page text could not be found');
    });
  });
}

describe('an upload larger than the limit', () => {
  let web: TestWebApp;
  beforeAll(async () => {
    web = await createTestWebApp({ env: { SIMWATCH_MAX_UPLOAD: '1KB' } });
  });
  afterAll(() => web.cleanUp());

  it('gets a clear page saying the file is too large', async () => {
    const rita = await web.signedIn('rita');
    const posted = await rita.postMultipart('/workspace/uploads', uploadFields, [
      {
        field: 'documents',
        name: 'big.txt',
        bytes: new TextEncoder().encode('word '.repeat(1000)),
      },
    ]);
    expect(posted.statusCode).toBe(413);
    expect(posted.body).toContain('The file is too large');
    expect(posted.headers['content-type']).toMatch(/text\/html/);
    expect(await readdir(web.deps.config.web.uploadsDir).catch(() => [])).toEqual([]);
  });

  it("tells a body too large for any form in the upload limit's own words", async () => {
    const rita = await web.signedIn('rita');
    // Over the 1 MB every url-encoded form may send, whatever the upload limit.
    const posted = await rita.post('/workspace/findings/1/decision', {
      reason: 'x'.repeat(1_100_000),
    });
    expect(posted.statusCode).toBe(413);
    expect(posted.body).toContain('The file is too large');
    expect(posted.body).toContain('Each file must be smaller than 1 KB');
  });

  it('states the limit on the upload form', async () => {
    const rita = await web.signedIn('rita');
    const page = await rita.get('/workspace/uploads');
    expect(page.body).toContain('Each file must be smaller than 1 KB');
  });
});
