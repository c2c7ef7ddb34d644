import { createHash } from 'node:crypto';
import { readdir } from 'node:fs/promises';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { testDatabases } from '../../../test-support/register-databases.js';
import {
  createTestWebApp,
  type TestClient,
  type TestWebApp,
} from '../../test-support/web-test-app.js';

const mb = 1024 * 1024;
const fields = {
  docType: 'board_paper',
  organisations: 'DEMO-T01',
  source: 'FOI 2024/17',
  obtained: 'FOI request',
  public: 'yes',
};

/** `count` chunks of the same megabyte, so that the sender holds one megabyte, not the file. */
function* megabytes(count: number, first: Buffer, rest: Buffer = first) {
  for (let index = 0; index < count; index++) yield index === 0 ? first : rest;
}

/** The largest growth of memory while `run` runs, sampled every few milliseconds. */
async function peakMemoryGrowth<T>(run: () => Promise<T>) {
  const start = process.memoryUsage();
  let rss = 0;
  let arrayBuffers = 0;
  const sample = () => {
    const now = process.memoryUsage();
    rss = Math.max(rss, now.rss - start.rss);
    arrayBuffers = Math.max(arrayBuffers, now.arrayBuffers - start.arrayBuffers);
  };
  const timer = setInterval(sample, 5);
  try {
    const result = await run();
    sample();
    return { result, rss, arrayBuffers };
  } finally {
    clearInterval(timer);
  }
}

for (const database of testDatabases()) {
  describe(`uploads streamed to the uploads folder, on ${database.name}`, () => {
    let web: TestWebApp;
    let rita: TestClient;
    let uploadsDir: string;
    const staged = () => readdir(uploadsDir).catch(() => []);

    beforeAll(async () => {
      web = await createTestWebApp({ demo: true, database, env: { SIMWATCH_MAX_UPLOAD: '101MB' } });
      rita = await web.signedIn('rita');
      uploadsDir = web.deps.config.web.uploadsDir;
    });
    afterAll(() => web.cleanUp());

    it('records a streamed file with the bytes that were sent', async () => {
      const line = Buffer.from('The crisis team reviewed the care plan with the patient.\n');
      const megabyte = Buffer.alloc(mb, line);
      const posted = await rita.postMultipartStream('/workspace/uploads', fields, {
        field: 'documents',
        name: 'notes.txt',
        chunks: megabytes(2, megabyte),
      });
      expect(posted.statusCode).toBe(303);
      await web.deps.uploadQueue.idle();
      const sha256 = createHash('sha256').update(megabyte).update(megabyte).digest('hex');
      const document = await web.deps.database.db
        .selectFrom('documents')
        .select(['byte_size'])
        .where('sha256', '=', sha256)
        .executeTakeFirst();
      expect(document).toEqual({ byte_size: 2 * mb });
      expect(await staged()).toEqual([]);
    });

    it('does not hold a 100 MB upload in memory, and removes it when the form refuses it', async () => {
      // A GIF's first bytes: the form refuses it once the whole file has arrived.
      const first = Buffer.alloc(mb, 7);
      first.set([0x47, 0x49, 0x46, 0x38]);
      const { result: posted, ...growth } = await peakMemoryGrowth(() =>
        rita.postMultipartStream('/workspace/uploads', fields, {
          field: 'documents',
          name: 'scan.gif',
          chunks: megabytes(100, first, Buffer.alloc(mb, 7)),
        }),
      );
      expect(posted.statusCode).toBe(400);
      expect(posted.body).toContain('it is a GIF image; save it as PNG, JPEG or TIFF');
      // Measured: 2 MB more array buffers, 10 MB more rss. Read whole into memory (part.toBuffer(),
      // as before), it took 106 MB more array buffers and 112 MB more rss.
      expect(growth.arrayBuffers).toBeLessThan(50 * mb);
      expect(await staged()).toEqual([]);
    }, 120_000);

    it('answers a file over the limit with the form’s own message, and keeps none of the request’s files', async () => {
      const posted = await rita.postMultipartStream('/workspace/uploads', fields, {
        field: 'documents',
        name: 'huge.txt',
        chunks: megabytes(102, Buffer.alloc(mb, 'a')),
      });
      expect(posted.statusCode).toBe(413);
      expect(posted.headers['content-type']).toContain('text/html');
      expect(posted.body).toContain('Each file must be smaller than');
      expect(await staged()).toEqual([]);
      expect(
        await web.deps.database.db
          .selectFrom('upload_jobs')
          .select('id')
          .where('file_name', '=', 'huge.txt')
          .execute(),
      ).toEqual([]);
    }, 120_000);

    it('removes the files of a form whose CSRF token is wrong', async () => {
      const posted = await rita.postMultipart('/workspace/uploads', { ...fields, _csrf: 'x' }, [
        { field: 'documents', name: 'notes.txt', bytes: Buffer.from('The crisis team met.') },
      ]);
      expect(posted.statusCode).toBe(403);
      expect(posted.body).toContain('This form has expired');
      expect(await staged()).toEqual([]);
    });

    it('writes nothing for someone not signed in', async () => {
      const posted = await web
        .client()
        .postMultipart('/workspace/uploads', fields, [
          { field: 'documents', name: 'notes.txt', bytes: Buffer.from('The crisis team met.') },
        ]);
      expect(posted.statusCode).toBe(401);
      expect(await staged()).toEqual([]);
    });
  });
}
