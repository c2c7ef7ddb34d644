import { randomUUID } from 'node:crypto';
import { readdir } from 'node:fs/promises';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { makeHeavyDocx, makeHeavyPdf } from '../../../pipeline/test-support/heavy-documents.js';
import { importOrganisations } from '../../../register/organisations/organisations-service.js';
import { testDatabases } from '../../../test-support/register-databases.js';
import { createTestWebApp, type TestWebApp } from '../../test-support/web-test-app.js';
import { stageUpload } from './stage-upload.js';
import {
  findUploadJob,
  insertUploadJob,
  type UploadJob,
} from '../../../uploads/upload-jobs-repository.js';
import { createUploadQueue } from '../../../uploads/upload-queue.js';

const details = {
  title: null,
  docType: 'board_paper' as const,
  organisationCodes: ['ZZ-T1'],
  documentDate: null,
  source: null,
  obtained: null,
  public: true,
};

// Made once for both databases. Decompression-heavy: every page draws one shared compressed
// stream of 8,000 strokes, so reading it takes tens of seconds here, while recording its 300 short
// pages takes little (a 20,000-page PDF's one transaction of 20,000 pages holds SQLite for
// seconds: a cost of the record's write path, not of screening).
const heavyPdf = makeHeavyPdf({
  pages: 300,
  strokes: 8_000,
  text: 'A police officer attends the monthly high intensity panel to agree response plans for each person on the caseload.',
});
const publicPaths = ['/', '/organisations'];
let heavyDocx: Promise<Uint8Array> | undefined;

/**
 * Screening happens in the document pipeline's worker: before, an upload was extracted and
 * screened on the web server's event loop (a 10,000-page PDF froze every request for about 100 s;
 * a 17 MB DOCX of 150 MB of XML ran the server out of heap, and it died again on restart).
 */
for (const database of testDatabases()) {
  describe(`uploads screened in the document pipeline, on ${database.name}`, () => {
    let web: TestWebApp;
    let base: string;

    beforeAll(async () => {
      // The memory cap a worker of `simwatch screen --jobs 3` gets, so the hostile DOCX hits it
      // sooner than at the pipeline's default (768 MB), which it also exceeds.
      web = await createTestWebApp({ database, pipeline: { memoryMb: 256 } });
      await importOrganisations(
        web.deps,
        [
          {
            code: 'ZZ-T1',
            name: 'Westbrook Mental Health NHS Trust (fictional)',
            kind: 'mental_health_trust',
            region: null,
            formerNames: [],
            sourceUrl: null,
          },
        ],
        'test',
      );
      base = await web.app.listen({ port: 0, host: '127.0.0.1' });
      // Compiles the pages' templates, as any server has done before its first upload.
      for (const path of publicPaths) await (await fetch(base + path)).arrayBuffer();
    });
    afterAll(() => web.cleanUp());

    /** Queues a staged upload as the upload form does, and wakes the queue. */
    async function upload(fileName: string, bytes: Uint8Array): Promise<string> {
      const id = randomUUID();
      const stagedPath = await stageUpload(web.deps.config.web.uploadsDir, bytes);
      await insertUploadJob(
        web.deps.database.db,
        { id, username: 'rita', fileName, stagedPath },
        details,
        new Date(),
      );
      web.deps.uploadQueue.wake();
      return id;
    }

    /** Times public pages over HTTP, one request after another, until the job ends. */
    async function timePublicPagesUntilEnd(id: string) {
      const times: number[] = [];
      let whileScreening = 0;
      for (;;) {
        const job = await findUploadJob(web.deps.database.db, id);
        if (!job || !['queued', 'screening'].includes(job.state))
          return { times, whileScreening, job };
        for (const path of publicPaths) {
          const started = performance.now();
          const response = await fetch(base + path);
          await response.arrayBuffer();
          times.push(performance.now() - started);
          expect(response.status).toBe(200);
        }
        if (job.state === 'screening') whileScreening += 1;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    }

    const percentile = (times: number[], share: number) =>
      [...times].sort((a, b) => a - b)[Math.floor((times.length - 1) * share)] ?? 0;

    it('answers public pages within 100 ms while a decompression-heavy PDF is screened', async () => {
      const id = await upload('heavy.pdf', heavyPdf);
      const { times, whileScreening, job } = await timePublicPagesUntilEnd(id);
      expect(job).toMatchObject({ state: 'done' });
      // Screening lasted long enough for the timings to mean something.
      expect(whileScreening).toBeGreaterThan(20);
      // Measured on this shared 2-CPU VM (load 12 to 17, the worker and this thread sharing the
      // CPUs): p95 50-110 ms, max 136-780 ms. On the event loop, every request made during the
      // read waited for all of it (20 s or more), so the median alone would fail.
      expect(percentile(times, 0.5)).toBeLessThan(100);
      expect(percentile(times, 0.9)).toBeLessThan(100);
      expect(Math.max(...times)).toBeLessThan(2_000);
      const document = await web.deps.database.db
        .selectFrom('documents')
        .select(['page_count'])
        .where('id', '=', job?.documentId ?? -1)
        .executeTakeFirstOrThrow();
      expect(document.page_count).toBe(300);
    }, 180_000);

    it('stays up and quarantines a hostile DOCX that exceeds the memory cap twice, for good', async () => {
      heavyDocx ??= makeHeavyDocx(150 * 1024 * 1024);
      const id = await upload('hostile.docx', await heavyDocx);
      const { times, job } = await timePublicPagesUntilEnd(id);
      // Measured: max 180 ms. On the event loop, the server ran out of heap and died.
      expect(times.length).toBeGreaterThan(10);
      expect(Math.max(...times)).toBeLessThan(2_000);
      expect(job).toMatchObject({
        state: 'quarantined',
        attempts: 2,
        stagedPath: null,
        documentId: null,
        message: expect.stringMatching(
          /^Screening this document needed too much memory twice\./,
        ) as string,
      });
      await web.deps.uploadQueue.idle();
      expect(await readdir(web.deps.config.web.uploadsDir)).toEqual([]);
      const page = await (await web.signedIn('rita')).get(`/workspace/uploads/${id}`);
      expect(page.body).toContain('Set aside: could not be screened');
      expect(page.body).toContain('needed too much memory twice');

      // A restarted server finds it quarantined and leaves it alone.
      const restarted = createUploadQueue({
        deps: web.deps,
        log: web.app.log,
      });
      restarted.wake();
      await restarted.idle();
      expect(await findUploadJob(web.deps.database.db, id)).toMatchObject({
        state: 'quarantined',
        attempts: 2,
        updatedAt: job?.updatedAt,
      } satisfies Partial<UploadJob>);
    }, 300_000);

    it('quarantines, on restart, a job that was being screened when the server stopped twice', async () => {
      const db = web.deps.database.db;
      const once = await upload('once.txt', new TextEncoder().encode('Stopped once.'));
      const twice = await upload('twice.txt', new TextEncoder().encode('Stopped twice.'));
      await web.deps.uploadQueue.idle();
      // As a server that died while screening them would leave them.
      for (const [id, attempts] of [
        [once, 1],
        [twice, 2],
      ] as const) {
        const stagedPath = await stageUpload(
          web.deps.config.web.uploadsDir,
          new TextEncoder().encode(`Again ${id}`),
        );
        await db
          .updateTable('upload_jobs')
          .set({ state: 'screening', attempts, staged_path: stagedPath, document_id: null })
          .where('id', '=', id)
          .execute();
      }
      const restarted = createUploadQueue({
        deps: web.deps,
        log: web.app.log,
      });
      restarted.wake();
      await restarted.idle();
      expect(await findUploadJob(db, once)).toMatchObject({ state: 'done', attempts: 2 });
      expect(await findUploadJob(db, twice)).toMatchObject({
        state: 'quarantined',
        attempts: 2,
        stagedPath: null,
        message: expect.stringMatching(
          /^The server stopped twice while screening this document\./,
        ) as string,
      });
      expect(await readdir(web.deps.config.web.uploadsDir)).toEqual([]);
    }, 120_000);
  });
}
