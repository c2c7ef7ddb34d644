import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { ingestDocument } from '../../../register/documents/ingest-document.js';
import { decideFinding } from '../../../register/findings/findings-service.js';
import { importOrganisations } from '../../../register/organisations/organisations-service.js';
import { labelPhrases } from '../../render/label-names.js';
import { findingTitle } from '../../render/finding-title.js';
import { testDatabases } from '../../../test-support/register-databases.js';
import { escapeLikeNunjucks } from '../../test-support/escape-like-nunjucks.js';
import {
  createTestWebApp,
  type TestClient,
  type TestWebApp,
} from '../../test-support/web-test-app.js';
import { northmoorTrust } from '../../../test-support/northmoor-trust.js';

/** Paragraphs that screening finds (each describes a practice), and one that it does not. */
const practices = [
  'Police officers attend the monthly high intensity panel to agree response plans for people who frequently contact emergency services.',
  'A named police officer attends every multidisciplinary care planning meeting for patients on the high intensity user list, and co-writes their care plans.',
  'The Trust and the Constabulary launched a Serenity Integrated Mentoring service this year for people who repeatedly call 999 in crisis.',
];
const ordinary =
  'The car park will be resurfaced in March, and staff should park at the leisure centre.';

function paper(title: string, paragraphs: readonly string[]): Uint8Array {
  return new TextEncoder().encode([title, ...paragraphs].join('\n\n'));
}

for (const database of testDatabases()) {
  describe(`a finding in the triage pages on ${database.name}`, () => {
    let web: TestWebApp;
    let vic: TestClient;
    let firstIds: number[];

    const findingsOf = (documentId: number) =>
      web.deps.database.db
        .selectFrom('findings')
        .select(['id', 'label', 'score', 'model_version', 'excerpt'])
        .where('document_id', '=', documentId)
        .where('label', '!=', 'assurance')
        .orderBy('id')
        .execute();

    beforeAll(async () => {
      web = await createTestWebApp({ database });
      vic = await web.signedIn('vic');
      await importOrganisations(web.deps, [northmoorTrust], 'tester');
      const { documentId } = await ingestDocument(web.deps, {
        bytes: paper('Board paper one', [...practices, ordinary]),
        fileName: 'board-paper-one.txt',
        organisationCodes: ['ZZT1'],
        docType: 'board_paper',
        actor: 'rita',
      });
      firstIds = (await findingsOf(documentId)).map((finding) => finding.id);
      if (firstIds.length === 0) throw new Error('Screening should find these practices');
    }, 120_000);
    afterAll(() => web.cleanUp());

    it('shows the passage near the top, before what screening made of it and the decision', async () => {
      const page = await (await web.signedIn('rita')).get(`/workspace/findings/${firstIds[0]}`);
      expect(page.statusCode).toBe(200);
      const passage = page.body.indexOf('<mark>');
      expect(passage).toBeGreaterThan(0);
      for (const later of ['id="screening"', 'id="similar"', 'id="review"', 'id="decide"'])
        expect(page.body.indexOf(later)).toBeGreaterThan(passage);
      const main = page.body.slice(page.body.indexOf('<main'));
      expect(main.indexOf('<mark>')).toBeLessThan(2_500);
    });

    it('words the score as the model’s estimate, with the stance, what proposed it and its reasons', async () => {
      const [row] = await web.deps.database.db
        .selectFrom('findings')
        .innerJoin('documents', 'documents.id', 'findings.document_id')
        .selectAll('findings')
        .select('documents.catalogue_version')
        .where('findings.id', '=', firstIds[0] ?? 0)
        .execute();
      if (!row) throw new Error('The finding should be in the register');
      const label = row.label as keyof typeof labelPhrases;
      const page = await vic.get(`/workspace/findings/${row.id}`);
      const title = findingTitle({ label, page: row.page_number });
      expect(page.body).toContain(`<h1>${title}</h1>`);
      expect(page.body).toContain(`<title>${title} – simwatch</title>`);
      expect(page.body).toContain(
        `The model’s estimate that this passage shows ${labelPhrases[label]}: ${Math.round(row.score * 100)}%.`,
      );
      expect(page.body).toContain('Describes a practice');
      for (const proposal of JSON.parse(row.proposed_by) as { id: string }[])
        expect(page.body).toContain(`<code>${proposal.id.replace(/^frame:/, '')}</code>`);
      for (const reason of JSON.parse(row.explanation) as string[])
        expect(page.body).toContain(escapeLikeNunjucks(reason));
      for (const reason of JSON.parse(row.against) as string[])
        expect(page.body).toContain(escapeLikeNunjucks(reason));
      expect(page.body).toContain(`Model ${row.model_version}, catalogue ${row.catalogue_version}`);
      expect(page.body).toMatch(/When the model was tested, it gave an estimate from \d+% to \d+%/);
    });

    it('names the nearest training passage, with an external link to its source, when no reviewed finding is like it', async () => {
      const page = await vic.get(`/workspace/findings/${firstIds[0]}`);
      expect(page.body).toContain('No finding that reviewers have settled is much like this one');
      expect(page.body).toMatch(/passage <strong>[^<]+<\/strong> \(\d+% similar\)/);
      expect(page.body).toMatch(/<a href="https?:\/\/[^"]+" rel="noopener noreferrer"/);
    });

    it('shows the essentials of each finding in the triage list', async () => {
      const list = await vic.get('/workspace/findings');
      expect(list.statusCode).toBe(200);
      expect(list.body).toMatch(
        /<strong>The model’s estimate: \d+%<\/strong> · Describes a practice/,
      );
      expect(list.body).toContain('Why it is a candidate');
      expect(list.body).toContain('Most similar');
      expect(list.body).toMatch(/Training passage [^:]+: /);
    });

    it('links a finding to the most similar one reviewers settled, saying how they decided', async () => {
      const [reviewedId] = firstIds;
      const [first] = await web.deps.database.db
        .selectFrom('findings')
        .select('excerpt')
        .where('id', '=', reviewedId ?? 0)
        .execute();
      for (const reviewer of ['rita', 'sam'])
        await decideFinding(web.deps, {
          findingId: reviewedId ?? 0,
          reviewer,
          decision: 'reject',
          reason: 'The passage describes a plan that was dropped.',
        });
      const { documentId } = await ingestDocument(web.deps, {
        bytes: paper('Board paper two', [first?.excerpt ?? '', ordinary]),
        fileName: 'board-paper-two.txt',
        organisationCodes: ['ZZT1'],
        docType: 'board_paper',
        actor: 'rita',
      });
      const reviewed = (await findingsOf(documentId)).find(
        (finding) => finding.excerpt === first?.excerpt,
      );
      if (!reviewed) throw new Error('The same passage should be found again');
      const page = await vic.get(`/workspace/findings/${reviewed.id}`);
      expect(page.body).toContain(
        `is <a href="/workspace/findings/${reviewedId}">finding ${reviewedId}</a> (more than 99% similar). <strong>Reviewers rejected it</strong>`,
      );
      expect(page.body).toContain('The passage describes a plan that was dropped.');
      const list = await vic.get('/workspace/findings');
      expect(list.body).toContain(
        `<a href="/workspace/findings/${reviewedId}">Finding ${reviewedId}</a>: reviewers rejected it (more than 99% similar)`,
      );
    });
  });
}
