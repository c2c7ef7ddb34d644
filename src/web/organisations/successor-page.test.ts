import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { redactExcerpt } from '../../redaction/redact-excerpt.js';
import { decideFinding } from '../../register/findings/findings-service.js';
import { listFindings } from '../../register/findings/triage-repository.js';
import { importOrganisations } from '../../register/organisations/organisations-service.js';
import { addTextDocument, northmoorPolicy } from '../../register/test-support/test-register.js';
import { northmoorTrust } from '../../test-support/northmoor-trust.js';
import { testDatabases } from '../../test-support/register-databases.js';
import { escapeLikeNunjucks } from '../test-support/escape-like-nunjucks.js';
import { createTestWebApp, testUsers, type TestWebApp } from '../test-support/web-test-app.js';

describe.each(testDatabases())(
  'the pages of a closed trust and its successor ($name)',
  (database) => {
    let web: TestWebApp;
    let excerpts: string[];

    beforeAll(async () => {
      web = await createTestWebApp({ database });
      await importOrganisations(
        web.deps,
        [
          { ...northmoorTrust, code: 'ZZT2', name: 'Westmoor Partnership NHS Trust' },
          {
            ...northmoorTrust,
            code: 'ZZP1',
            name: 'Oldmoor NHS Trust',
            closed: '2026-03-31',
            successorCodes: ['ZZT2'],
          },
        ],
        'tester',
      );
      const documentId = await addTextDocument(web.deps, northmoorPolicy, {
        organisationCodes: ['ZZP1'],
      });
      const findings = (await listFindings(web.deps.database.db)).filter(
        (finding) => finding.documentId === documentId && finding.label !== 'assurance',
      );
      for (const finding of findings)
        for (const reviewer of [testUsers.reviewer, testUsers.secondReviewer])
          await decideFinding(web.deps, {
            findingId: finding.id,
            reviewer: reviewer.username,
            decision: 'confirm',
          });
      excerpts = findings.map((finding) => redactExcerpt(finding.excerpt).text);
    }, 120_000);
    afterAll(() => web.cleanUp());

    it("shows the predecessor's confirmed evidence on the successor's page, labelled", async () => {
      expect(excerpts.length).toBeGreaterThan(0);
      const response = await web.client().get('/organisations/ZZT2');
      expect(response.statusCode).toBe(200);
      const html = response.body;
      for (const excerpt of excerpts) expect(html).toContain(escapeLikeNunjucks(excerpt));
      expect(html).toContain(
        'About Oldmoor NHS Trust (ZZP1), which became part of Westmoor Partnership NHS Trust on 1 April 2026.',
      );
      expect(html).toContain('Appears to be continuing');
      const why = /<h2 id="why">Why this status\?<\/h2>([\s\S]*?)<\/ul>/.exec(html)?.[1] ?? '';
      expect(why).toContain('about Oldmoor NHS Trust (ZZP1), which closed on 2026-03-31');
      expect(html).toMatch(
        /<a href="\/organisations\/ZZP1">Oldmoor NHS Trust<\/a> \(ZZP1\): closed on 31 March 2026; its work passed to this organisation/,
      );
    });

    it("says on the closed trust's page that it closed, linking to its successor", async () => {
      const html = (await web.client().get('/organisations/ZZP1')).body;
      expect(html).toMatch(
        /This organisation closed on 31 March 2026\. Its work passed to <a href="\/organisations\/ZZT2">Westmoor Partnership NHS Trust<\/a>, whose page also shows the evidence about it\./,
      );
      for (const excerpt of excerpts) expect(html).toContain(escapeLikeNunjucks(excerpt));
      expect(html).not.toContain('which became part of');
    });
  },
);
