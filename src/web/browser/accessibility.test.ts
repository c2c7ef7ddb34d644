import { rm } from 'node:fs/promises';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';

import {
  findAxeViolations,
  launchBrowser,
  phoneViewport,
  signIn,
  startTestServer,
  watchForPageErrors,
  type TestServer,
} from '../test-support/browser.js';
import { ingestDocument } from '../../register/documents/ingest-document.js';
import {
  findLatestOpenDataPublication,
  publishOpenData,
} from '../../register/open-data/publish-open-data.js';
import { testUsers } from '../test-support/web-test-app.js';

/** A page to check: where it is, who looks at it, and what to do first (send a form empty...). */
interface PageCheck {
  name: string;
  path: string | ((server: TestServer) => Promise<string>);
  as?: keyof typeof testUsers;
  prepare?: (page: Page) => Promise<void>;
}

/** Sends the page's main form as it is, to see it with its errors. */
async function sendMainForm(page: Page): Promise<void> {
  await Promise.all([
    page.waitForLoadState('load'),
    page
      .locator('main form[method="post"] button.nhsuk-button:not(.nhsuk-password-input__toggle)')
      .first()
      .click(),
  ]);
  await page.waitForSelector('.nhsuk-error-summary');
}

async function pendingFinding(server: TestServer): Promise<string> {
  const row = await server.deps.database.db
    .selectFrom('findings')
    .select('id')
    .where('status', '=', 'pending')
    .orderBy('id')
    .executeTakeFirstOrThrow();
  return `/workspace/findings/${row.id}`;
}

async function publicDocument(server: TestServer): Promise<string> {
  const row = await server.deps.database.db
    .selectFrom('findings')
    .select('document_id')
    .where('status', '=', 'confirmed')
    .orderBy('id')
    .executeTakeFirstOrThrow();
  return `/documents/${row.document_id}`;
}

/** The open data page once the zip of all of it is published, with its SHA-256. */
async function publishedOpenData(server: TestServer): Promise<string> {
  if ((await findLatestOpenDataPublication(server.deps.database.db)) === undefined)
    await publishOpenData(
      server.deps,
      { baseUrl: server.deps.config.web.publicUrl, publicKeyPem: null },
      'tester',
    );
  return '/open-data';
}

/** A public document whose stored original has been deleted, so its download explains why. */
async function missingOriginal(server: TestServer): Promise<string> {
  const { documentId } = await ingestDocument(server.deps, {
    bytes: new TextEncoder().encode('Minutes: the panel met and agreed its plans.'),
    fileName: 'minutes.txt',
    organisationCodes: ['DEMO-T01'],
    docType: 'board_paper',
    actor: 'test',
  });
  const row = await server.deps.database.db
    .selectFrom('documents')
    .select('sha256')
    .where('id', '=', documentId)
    .executeTakeFirstOrThrow();
  await rm(server.deps.blobs.pathOf(row.sha256), { force: true });
  return `/documents/${documentId}/original`;
}

/** The second part of a document too long for one page (ingested once, for every viewport). */
async function longDocumentPart(server: TestServer): Promise<string> {
  const title = 'A long ward diary';
  const existing = await server.deps.database.db
    .selectFrom('documents')
    .select('id')
    .where('title', '=', title)
    .executeTakeFirst();
  const id =
    existing?.id ??
    (
      await ingestDocument(server.deps, {
        bytes: new TextEncoder().encode(
          Array.from(
            { length: 3_000 },
            (_, index) => `Line ${String(index)} of the diary: the routine went as planned.`,
          ).join('\n'),
        ),
        fileName: 'long-ward-diary.txt',
        title,
        organisationCodes: ['DEMO-T01'],
        docType: 'correspondence',
        public: true,
        actor: 'test',
      })
    ).documentId;
  return `/documents/${String(id)}?part=2`;
}

/** An upload of the reviewer's in the given state, made directly in the database. */
function uploadIn(state: 'screening' | 'done') {
  return async (server: TestServer): Promise<string> => {
    const time = new Date().toISOString();
    const id = `accessibility-${state}`;
    await server.deps.database.db
      .insertInto('upload_jobs')
      .values({
        id,
        username: testUsers.reviewer.username,
        file_name: 'board-papers.pdf',
        staged_path: null,
        details: '{}',
        state,
        message: null,
        document_id: state === 'done' ? 1 : null,
        findings: state === 'done' ? 3 : null,
        created_at: time,
        updated_at: time,
      })
      // Each viewport asks for the same page.
      .onConflict((conflict) => conflict.column('id').doNothing())
      .execute();
    return `/workspace/uploads/${id}`;
  };
}

const pages: PageCheck[] = [
  { name: 'home', path: '/' },
  { name: 'organisations', path: '/organisations' },
  { name: 'organisations, filtered', path: '/organisations?kind=mental_health_trust&sort=status' },
  { name: 'an organisation', path: '/organisations/DEMO-T01' },
  { name: 'a document', path: publicDocument },
  { name: 'a long document, part 2', path: longDocumentPart },
  { name: 'an original that is missing', path: missingOriginal },
  { name: 'search', path: '/search' },
  { name: 'search results', path: '/search?q=police' },
  { name: 'search with an error', path: `/search?q=${'x'.repeat(300)}` },
  { name: 'method', path: '/method' },
  { name: 'open data', path: '/open-data' },
  { name: 'open data, with its zip published', path: publishedOpenData },
  { name: 'open data dictionary', path: '/open-data/dictionary' },
  { name: 'FOI requests', path: '/foi' },
  { name: 'overdue FOI requests', path: '/foi/overdue' },
  { name: 'FOI requests in the workspace', path: '/workspace/foi', as: 'reviewer' },
  { name: 'new FOI request', path: '/workspace/foi/new', as: 'reviewer' },
  {
    name: 'new FOI request with errors',
    path: '/workspace/foi/new',
    as: 'reviewer',
    prepare: sendMainForm,
  },
  { name: 'sign-in', path: '/sign-in' },
  { name: 'sign-in with errors', path: '/sign-in', prepare: sendMainForm },
  { name: 'page not found', path: '/no-such-page' },
  { name: 'workspace', path: '/workspace', as: 'reviewer' },
  { name: 'upload', path: '/workspace/uploads', as: 'reviewer' },
  { name: 'upload with errors', path: '/workspace/uploads', as: 'reviewer', prepare: sendMainForm },
  { name: 'an upload being screened', path: uploadIn('screening'), as: 'reviewer' },
  { name: 'an upload screened', path: uploadIn('done'), as: 'reviewer' },
  { name: 'triage queue', path: '/workspace/findings', as: 'reviewer' },
  { name: 'a finding to triage', path: pendingFinding, as: 'reviewer' },
  { name: 'a finding to triage, as a viewer', path: pendingFinding, as: 'viewer' },
  { name: 'the screening model', path: '/workspace/model', as: 'viewer' },
  {
    name: 'the screening model, for an administrator',
    path: '/workspace/model',
    as: 'administrator',
  },
  {
    name: 'training the model with no corpus set up',
    path: '/workspace/model',
    as: 'administrator',
    prepare: async (page) => {
      // The page offers no training without a corpus: send the form as a stale page would.
      await page.evaluate(`{
        const form = document.createElement('form');
        form.method = 'post';
        form.action = '/workspace/model/training';
        form.append(document.querySelector('input[name="_csrf"]').cloneNode());
        document.body.append(form);
        form.submit();
      }`);
      await page.waitForSelector('.nhsuk-error-summary');
    },
  },
  { name: 'new assurance', path: '/workspace/assurances/new?org=DEMO-T06', as: 'reviewer' },
  {
    name: 'new assurance with errors',
    path: '/workspace/assurances/new',
    as: 'reviewer',
    prepare: sendMainForm,
  },
  {
    name: 'new review with errors',
    path: '/workspace/reviews/new',
    as: 'reviewer',
    prepare: sendMainForm,
  },
  { name: 'new return', path: '/workspace/returns/new', as: 'reviewer' },
  {
    name: 'new return with errors',
    path: '/workspace/returns/new',
    as: 'reviewer',
    prepare: sendMainForm,
  },
  { name: 'organisations to edit', path: '/workspace/organisations', as: 'reviewer' },
  {
    name: 'new organisation with errors',
    path: '/workspace/organisations/new',
    as: 'reviewer',
    prepare: sendMainForm,
  },
  { name: 'edit an organisation', path: '/workspace/organisations/DEMO-T01/edit', as: 'reviewer' },
  { name: 'correct a document', path: '/workspace/documents/1', as: 'reviewer' },
  {
    name: 'correct a document with errors',
    path: '/workspace/documents/1',
    as: 'reviewer',
    prepare: sendMainForm,
  },
  { name: 'accounts', path: '/workspace/accounts', as: 'administrator' },
  {
    name: 'new account with errors',
    path: '/workspace/accounts/new',
    as: 'administrator',
    prepare: sendMainForm,
  },
  { name: 'edit an account', path: '/workspace/accounts/vic/edit', as: 'administrator' },
  {
    name: 'change password with errors',
    path: '/workspace/password',
    as: 'viewer',
    prepare: sendMainForm,
  },
  { name: 'no permission', path: '/workspace/uploads', as: 'viewer' },
];

const viewports = [
  { name: 'desktop', size: { width: 1280, height: 900 } },
  { name: 'phone', size: phoneViewport },
];

describe('every page passes axe-core (WCAG 2.2 A and AA), runs no blocked script and fits a phone', () => {
  let server: TestServer;
  let browser: Browser;
  const signedIn = new Map<string, BrowserContextOptions['storageState']>();
  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
    for (const role of ['reviewer', 'administrator', 'viewer'] as const) {
      const context = await browser.newContext();
      await signIn(await context.newPage(), server.baseUrl, testUsers[role].username);
      signedIn.set(role, await context.storageState());
      await context.close();
    }
  });
  afterAll(async () => {
    await browser.close();
    await server.cleanUp();
  });

  for (const check of pages)
    for (const viewport of viewports)
      it(`${check.name} (${viewport.name}${check.as ? `, as ${check.as}` : ''})`, async () => {
        const context = await browser.newContext({
          viewport: viewport.size,
          ...(check.as ? { storageState: signedIn.get(check.as) } : {}),
        });
        const page = await context.newPage();
        try {
          const errors = watchForPageErrors(page);
          const path = typeof check.path === 'string' ? check.path : await check.path(server);
          await page.goto(`${server.baseUrl}${path}`);
          if (check.prepare) await check.prepare(page);
          expect(await findAxeViolations(page)).toEqual([]);
          // Error pages answer with an error status, which the browser reports; nothing else may.
          expect(errors.filter((error) => !/status of (4\d\d)/.test(error))).toEqual([]);
          if (viewport.name === 'phone') {
            const overflow = await page.evaluate(
              'document.documentElement.scrollWidth - document.documentElement.clientWidth',
            );
            expect(overflow, 'the page scrolls sideways at phone width').toBeLessThanOrEqual(0);
          }
        } finally {
          await context.close();
        }
      });
});
