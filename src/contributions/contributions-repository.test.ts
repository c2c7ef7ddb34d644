import { describe, expect, it } from 'vitest';

import { useTestRegister } from '../register/test-support/test-register.js';
import { testDatabases } from '../test-support/register-databases.js';
import { insertCorrection, listCorrections, resolveCorrection } from './corrections-repository.js';
import {
  decideSubmission,
  findSubmission,
  insertSubmission,
  listSubmissions,
} from './submissions-repository.js';

const now = new Date('2026-11-20T10:00:00Z');

describe.each(testDatabases())('corrections and submissions ($name)', (database) => {
  const register = useTestRegister(database);

  it('lists open corrections first, and resolves one once with who and a note', async () => {
    const db = register.deps().database.db;
    const first = await insertCorrection(
      db,
      { page: '/a', problem: 'Wrong date', senderName: null, senderEmail: null },
      now,
    );
    await insertCorrection(
      db,
      { page: '/b', problem: 'Wrong name', senderName: 'Alex', senderEmail: 'a@example.org' },
      new Date('2026-11-21T10:00:00Z'),
    );
    expect(await resolveCorrection(db, first, { by: 'ana', note: 'Fixed' }, now)).toBe(true);
    expect(await resolveCorrection(db, first, { by: 'ben', note: 'Again' }, now)).toBe(false);
    const listed = await listCorrections(db, { limit: 10 });
    expect(listed.map((each) => [each.page, each.state])).toEqual([
      ['/b', 'open'],
      ['/a', 'resolved'],
    ]);
    expect(listed[1]).toMatchObject({ resolvedBy: 'ana', resolutionNote: 'Fixed' });
    expect(listed[0]).toMatchObject({ senderName: 'Alex', senderEmail: 'a@example.org' });
  });

  it('keeps tips, and decides a submission once', async () => {
    const db = register.deps().database.db;
    const id = await insertSubmission(
      db,
      {
        kind: 'tip',
        organisationCode: 'ZZT1',
        text: 'Ask for the minutes',
        url: null,
        uploadJobId: null,
      },
      now,
    );
    expect(await findSubmission(db, id)).toMatchObject({
      kind: 'tip',
      organisationCode: 'ZZT1',
      state: 'new',
      upload: null,
    });
    expect(await decideSubmission(db, id, { state: 'set_aside', by: 'ana', note: null }, now)).toBe(
      true,
    );
    expect(await decideSubmission(db, id, { state: 'accepted', by: 'ben', note: null }, now)).toBe(
      false,
    );
    expect(await listSubmissions(db, { limit: 5 })).toMatchObject([
      { state: 'set_aside', reviewedBy: 'ana' },
    ]);
  });
});
