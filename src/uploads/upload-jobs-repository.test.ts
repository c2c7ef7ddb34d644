import { describe, expect, it } from 'vitest';

import { useTestRegister } from '../register/test-support/test-register.js';
import { testDatabases } from '../test-support/register-databases.js';
import {
  claimNextUploadJob,
  findUploadJob,
  finishUploadJob,
  insertUploadJob,
  listStagedUploadJobs,
  listUploadJobs,
  queueStagedUploadJobs,
  recoverInterruptedUploads,
  requeueUploadJob,
  type UploadDetails,
} from './upload-jobs-repository.js';

const details: UploadDetails = {
  title: 'Crisis pathway',
  docType: 'policy',
  organisationCodes: ['ZZT1', 'ZZT2'],
  documentDate: '2025-06-01',
  source: 'FOI 12',
  obtained: null,
  public: false,
};

const at = (minute: number) => new Date(Date.UTC(2026, 10, 20, 10, minute));

for (const database of testDatabases()) {
  describe(`upload jobs repository on ${database.name}`, () => {
    const register = useTestRegister(database);
    const db = () => register.deps().database.db;

    async function upload(id: string, minute: number, username = 'ana') {
      const job = { id, username, fileName: `${id}.pdf`, stagedPath: `uploads/${id}` };
      await insertUploadJob(db(), job, details, at(minute));
    }

    it('findUploadJob() reads an upload as it was queued, or undefined', async () => {
      await upload('job-a', 1);
      expect(await findUploadJob(db(), 'job-a')).toEqual({
        id: 'job-a',
        username: 'ana',
        fileName: 'job-a.pdf',
        stagedPath: 'uploads/job-a',
        details,
        state: 'queued',
        message: null,
        documentId: null,
        findings: null,
        // Read with its document's count of pages not read: none, as it has no document yet.
        unreadPages: null,
        attempts: 0,
        createdAt: at(1).toISOString(),
        updatedAt: at(1).toISOString(),
      });
      expect(await findUploadJob(db(), 'job-b')).toBeUndefined();
    });

    it("listUploadJobs() lists one person's uploads, newest first, at most the limit", async () => {
      await upload('job-b', 1);
      await upload('job-c', 2);
      await upload('job-a', 2);
      await upload('job-d', 3, 'ben');
      const ids = async (limit: number) =>
        (await listUploadJobs(db(), 'ana', { limit })).map((job) => job.id);
      expect(await ids(10)).toEqual(['job-a', 'job-c', 'job-b']);
      expect(await ids(2)).toEqual(['job-a', 'job-c']);
      expect(await listUploadJobs(db(), 'nobody', { limit: 10 })).toEqual([]);
    });

    it('claimNextUploadJob() takes the oldest waiting upload once, counting the attempt', async () => {
      await upload('job-b', 2);
      await upload('job-a', 1);
      expect(await claimNextUploadJob(db(), at(5))).toMatchObject({
        id: 'job-a',
        state: 'screening',
        attempts: 1,
        updatedAt: at(5).toISOString(),
      });
      expect(await findUploadJob(db(), 'job-a')).toMatchObject({ state: 'screening', attempts: 1 });
      expect((await claimNextUploadJob(db(), at(6)))?.id).toBe('job-b');
      expect(await claimNextUploadJob(db(), at(7))).toBeUndefined();
    });

    it('requeueUploadJob() and finishUploadJob() move an upload on, the second clearing its file', async () => {
      await upload('job-a', 1);
      await claimNextUploadJob(db(), at(2));
      await requeueUploadJob(db(), 'job-a', at(3));
      expect(await findUploadJob(db(), 'job-a')).toMatchObject({ state: 'queued', attempts: 1 });
      expect(await claimNextUploadJob(db(), at(4))).toMatchObject({ id: 'job-a', attempts: 2 });
      await finishUploadJob(
        db(),
        'job-a',
        { state: 'done', message: null, documentId: 7, findings: 3 },
        at(5),
      );
      expect(await findUploadJob(db(), 'job-a')).toMatchObject({
        state: 'done',
        stagedPath: null,
        documentId: 7,
        findings: 3,
        updatedAt: at(5).toISOString(),
      });
      // Only an upload being screened goes back in the queue.
      await requeueUploadJob(db(), 'job-a', at(6));
      expect((await findUploadJob(db(), 'job-a'))?.state).toBe('done');
    });

    it('recoverInterruptedUploads() requeues interrupted uploads and quarantines those tried too often', async () => {
      await upload('job-a', 1);
      await upload('job-b', 2);
      await upload('job-c', 3);
      await claimNextUploadJob(db(), at(4));
      await requeueUploadJob(db(), 'job-a', at(5));
      await claimNextUploadJob(db(), at(6));
      await claimNextUploadJob(db(), at(7));
      // job-a was taken twice, job-b once; job-c still waits.
      const message = 'This file stopped the server twice';
      const quarantined = await recoverInterruptedUploads(db(), at(8), { maxAttempts: 2, message });
      expect(quarantined).toMatchObject([
        { id: 'job-a', state: 'quarantined', message, attempts: 2 },
      ]);
      expect(await findUploadJob(db(), 'job-a')).toMatchObject({
        state: 'quarantined',
        stagedPath: null,
        message,
      });
      expect(await findUploadJob(db(), 'job-b')).toMatchObject({ state: 'queued', attempts: 1 });
      expect((await findUploadJob(db(), 'job-c'))?.state).toBe('queued');
    });

    it('a staged upload waits out of the queue until queueStagedUploadJobs() gives it its title and date', async () => {
      const staged = { state: 'staged' } as const;
      for (const [id, minute] of [
        ['job-a', 1],
        ['job-b', 2],
      ] as const)
        await insertUploadJob(
          db(),
          { id, username: 'ana', fileName: `${id}.pdf`, stagedPath: `uploads/${id}` },
          { ...details, title: null, documentDate: null },
          at(minute),
          staged,
        );
      await upload('job-c', 3, 'ben');
      expect(await claimNextUploadJob(db(), at(4))).toMatchObject({ id: 'job-c' });

      // In the order asked for; someone else's or an unknown id is left out.
      const listed = await listStagedUploadJobs(db(), 'ana', ['job-b', 'job-a', 'job-c', 'nope']);
      expect(listed.map((job) => [job.id, job.state])).toEqual([
        ['job-b', 'staged'],
        ['job-a', 'staged'],
      ]);
      expect(await listStagedUploadJobs(db(), 'ben', ['job-a'])).toEqual([]);

      const given = [
        { id: 'job-a', title: 'Board minutes', documentDate: '2024-03-15' },
        { id: 'job-b', title: 'Crisis protocol', documentDate: null },
      ];
      expect(await queueStagedUploadJobs(db(), given, at(5))).toBe(true);
      expect(await findUploadJob(db(), 'job-a')).toMatchObject({
        state: 'queued',
        details: { ...details, title: 'Board minutes', documentDate: '2024-03-15' },
        updatedAt: at(5).toISOString(),
      });
      expect(await claimNextUploadJob(db(), at(6))).toMatchObject({ id: 'job-a' });
      expect(await listStagedUploadJobs(db(), 'ana', ['job-a', 'job-b'])).toEqual([]);
    });

    it('queueStagedUploadJobs() changes nothing when one of the uploads is no longer staged', async () => {
      await insertUploadJob(
        db(),
        { id: 'job-a', username: 'ana', fileName: 'a.pdf', stagedPath: 'uploads/a' },
        details,
        at(1),
        { state: 'staged' },
      );
      await upload('job-b', 2);
      const given = [
        { id: 'job-a', title: 'A', documentDate: null },
        { id: 'job-b', title: 'B', documentDate: null },
      ];
      expect(await queueStagedUploadJobs(db(), given, at(3))).toBe(false);
      expect(await findUploadJob(db(), 'job-a')).toMatchObject({ state: 'staged', details });
    });
  });
}
