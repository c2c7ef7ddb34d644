import { describe, expect, it } from 'vitest';

import { findReuse, type ReuseSource } from './find-reuse.js';

const records =
  'The trust will not share a person’s records with the police unless the person has given informed consent or a court has ordered it.';
const coordinator =
  'Every person on the high intensity caseload will have a named care coordinator who agrees the plan with them in writing.';
const keyWorker =
  'Every person on the high intensity caseload will have a named key worker who agrees the plan with them in writing.';
const disputes =
  'Disputes between the parties go to the joint panel, where the coalition and the trust each hold an equal vote.';
const panel = 'The panel meets every month and publishes its decisions within a week.';
const restrictions =
  'Any restriction placed on a person’s access to services must be reviewed within fourteen days by someone independent of the team.';
const drafts = 'The coalition will be given every draft at the same time as the trust’s own staff.';
const training =
  'Staff will receive training on trauma-informed practice, designed and delivered together with people who have used the service.';

const version = (versionNumber: number, paragraphs: string[], published = false): ReuseSource => ({
  documentId: 7,
  documentTitle: 'Crisis response policy',
  versionNumber,
  content: `# Crisis response policy\n\nNothing here is final.\n\n${paragraphs.join('\n\n')}\n`,
  published,
});

const sources = [
  version(1, [records, coordinator, `${disputes} ${panel}`, drafts]),
  version(2, [records, keyWorker, `${disputes} ${panel}`, restrictions, drafts]),
  version(3, [records, keyWorker, `${disputes} ${panel}`, `- ${drafts}`, `- ${training}`], true),
];

const letter = [
  'Dear colleagues,',
  '',
  'Nothing here is final. We are writing to set out our own position on the future of the service, after a long year of discussion.',
  '',
  'The trust will not share a person’s records with the police unless a court has ordered it. Restrictions on a person’s access to services must be reviewed within fourteen days by an independent person.',
  '',
  'Disputes go to a joint panel where each party holds an equal vote, which meets every month and publishes its decisions within a week.',
  '',
  'We remain committed to working with local partners across the region to improve outcomes for everyone we serve.',
  '',
  'Each person will have a named key worker who agrees the plan with them in writing.',
  '',
  'Yours sincerely,',
].join('\n');

const versionsOf = (report: ReturnType<typeof findReuse>[number] | undefined) =>
  report?.versions.map((found) => found.versionNumber);

describe('findReuse()', () => {
  it('reports a letter’s reused and altered passages with the versions they came from, and nothing else', () => {
    const reports = findReuse(letter, sources);
    expect(reports.map((report) => report.outside.text)).toEqual([
      'The trust will not share a person’s records with the police unless a court has ordered it.',
      'Restrictions on a person’s access to services must be reviewed within fourteen days by an independent person.',
      'Disputes go to a joint panel where each party holds an equal vote, which meets every month and publishes its decisions within a week.',
      'Each person will have a named key worker who agrees the plan with them in writing.',
    ]);
    const [cut, changed, merged, adapted] = reports;
    // Words cut from a passage kept from version 1 to version 3.
    expect(cut?.draft).toBe(records);
    expect(cut?.verbatim).toBe(false);
    expect(versionsOf(cut)).toEqual([1, 2, 3]);
    // Words changed in a passage that only version 2 had.
    expect(changed?.draft).toBe(restrictions);
    expect(versionsOf(changed)).toEqual([2]);
    expect(changed?.published).toBe(false);
    // Two sentences merged into one.
    expect(merged?.draft).toBe(`${disputes} ${panel}`);
    expect(versionsOf(merged)).toEqual([1, 2, 3]);
    // A word changed: the wording of versions 2 and 3, not version 1's.
    expect(adapted?.draft).toBe(keyWorker);
    expect(versionsOf(adapted)).toEqual([2, 3]);
    expect(adapted?.published).toBe(true);
    for (const report of reports) {
      expect(report.similarity).toBeGreaterThanOrEqual(0.65);
      expect(report.similarity).toBeLessThan(1);
      expect(letter.slice(report.outside.start, report.outside.end)).toBe(report.outside.text);
      expect(report.versions[0]).toMatchObject({
        documentId: 7,
        documentTitle: 'Crisis response policy',
      });
    }
  });

  it('reports a passage copied word for word with similarity 1', () => {
    const [report, ...others] = findReuse(`Dear all,\n\n${training}\n\nBest wishes.`, sources);
    expect(others).toEqual([]);
    expect(report).toMatchObject({
      draft: training,
      similarity: 1,
      verbatim: true,
      published: true,
    });
    expect(versionsOf(report)).toEqual([3]);
  });

  it('reports one sentence split into two as reuse', () => {
    const reports = findReuse(
      'Every person on the high intensity caseload will have a named care coordinator. The coordinator agrees the plan with them in writing.',
      sources,
    );
    expect(reports).toHaveLength(1);
    expect(reports[0]?.draft).toBe(coordinator);
    expect(versionsOf(reports[0])).toEqual([1]);
  });

  it('reports nothing for a text that shares only its subject and common phrases with the drafts', () => {
    const own = [
      'Nothing here is final.',
      'The trust has published its annual report on the crisis service and its staff.',
      'Police officers attended fewer mental health calls this year than last year, the report says.',
      'People who have used the service will be invited to a meeting in the spring.',
    ].join(' ');
    expect(findReuse(own, sources)).toEqual([]);
    expect(findReuse('', sources)).toEqual([]);
    expect(findReuse(letter, [])).toEqual([]);
  });
});
