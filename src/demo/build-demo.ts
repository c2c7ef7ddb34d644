import { extname } from 'node:path';

import { createUser } from '../accounts/users-service.js';
import { SimwatchError } from '../errors.js';
import { recordAssurance } from '../register/assurances/assurances-service.js';
import { ingestDocument } from '../register/documents/ingest-document.js';
import { decideFinding } from '../register/findings/findings-service.js';
import { listFindings } from '../register/findings/triage-repository.js';
import { loadOrganisationFacts } from '../register/load-organisation-facts.js';
import {
  importOrganisations,
  linkOrganisations,
} from '../register/organisations/organisations-service.js';
import type { RegisterDeps } from '../register/register-deps.js';
import { createReview, recordReturn } from '../register/reviews/reviews-service.js';
import { computeNationalFigures, deriveStatus, type StatusCode } from '../register/status/index.js';
import { countEvents } from '../store/record-repository.js';
import { buildDemoAgreement, type DemoAgreementSummary } from './build-demo-agreement.js';
import { demoBanner, demoPlan, type DemoDocument, type DemoPlan } from './demo-plan.js';
import { renderDemoPdf } from './render-demo-pdf.js';

/** What building the demonstration register made. */
export interface DemoSummary {
  organisations: number;
  documents: number;
  pdfs: number;
  findings: number;
  /** Findings confirmed by two reviewers: the register's evidence. */
  confirmed: number;
  /** Confirmed evidence contradicting an assurance, counted per assurance and finding. */
  contradictions: number;
  /** How many organisations have each status. */
  statuses: Record<StatusCode, number>;
  /** The demonstration co-production agreement and its four stories. */
  agreement: DemoAgreementSummary;
}

/**
 * Builds the fictional demonstration register into an empty register: organisations and links, a
 * review with returns, documents (screened as they are ingested), assurances, and reviewers'
 * accounts (without passwords) and decisions. Refuses a register that holds anything, so demo data never mixes with real records.
 */
export async function buildDemo(
  deps: RegisterDeps,
  actor: string,
  options: { folder?: string } = {},
): Promise<DemoSummary> {
  const events = await countEvents(deps.database.db);
  if (events > 0)
    throw new SimwatchError(
      'conflict',
      `Cannot build the demonstration register: the register is not empty (${events} events recorded). Use an empty one, such as a new SIMWATCH_DATA_DIR folder`,
    );
  // First: its story ended months ago, and the record's times then run in order.
  const agreement = await buildDemoAgreement(deps, actor, options);
  const plan: DemoPlan = demoPlan;
  await importOrganisations(deps, plan.organisations, actor);
  for (const link of plan.links) await linkOrganisations(deps, link, actor);
  await createReview(deps, plan.review, actor);
  for (const each of plan.returns)
    await recordReturn(deps, { ...each, reviewName: plan.review.name }, actor);
  const documentIds = new Map<string, number>();
  for (const document of plan.documents) {
    const result = await ingestDocument(deps, {
      bytes: await renderDocument(document),
      fileName: document.fileName,
      title: document.title,
      organisationCodes: document.organisationCodes,
      docType: document.docType,
      documentDate: document.documentDate,
      source: document.source,
      obtained: document.obtained,
      actor,
    });
    documentIds.set(document.key, result.documentId);
  }
  const idOf = (key: string): number => {
    const id = documentIds.get(key);
    if (id === undefined)
      throw new SimwatchError('internal', `Cannot find demonstration document "${key}"`);
    return id;
  };
  for (const { sourceDocument, ...assurance } of plan.assurances)
    await recordAssurance(
      deps,
      {
        ...assurance,
        sourceDocumentId: sourceDocument === undefined ? null : idOf(sourceDocument),
      },
      actor,
    );
  // The reviewers are accounts, as every reviewer must be, with no password: nobody can sign in
  // as them until an administrator sets one, so the demonstration ships no known password.
  for (const reviewer of plan.reviewers)
    await createUser(deps, { ...reviewer, role: 'reviewer', password: null }, actor);
  await decideFindings(deps, plan, idOf);
  return { ...(await summarise(deps, plan)), agreement };
}

/** Records the planned decisions, each on the finding of its label whose excerpt has its words. */
async function decideFindings(
  deps: RegisterDeps,
  plan: DemoPlan,
  idOf: (key: string) => number,
): Promise<void> {
  const findings = await listFindings(deps.database.db);
  for (const planned of plan.decisions) {
    const documentId = idOf(planned.document);
    const finding = findings.find(
      (each) =>
        each.documentId === documentId &&
        each.label === planned.label &&
        each.excerpt.replace(/\s+/g, ' ').includes(planned.passage),
    );
    // Chosen by document, label and words, so a changed catalogue or model shows up here rather
    // than as decisions quietly landing on the wrong findings.
    if (!finding)
      throw new SimwatchError(
        'internal',
        `Cannot find a finding of ${planned.label} on "${planned.passage}" in demonstration ` +
          `document "${planned.document}": screening no longer reports it; update ` +
          'src/demo/demo-plan.ts for the current catalogue and model',
      );
    for (const decision of planned.decisions)
      await decideFinding(deps, { findingId: finding.id, ...decision });
  }
}

async function summarise(
  deps: RegisterDeps,
  plan: DemoPlan,
): Promise<Omit<DemoSummary, 'agreement'>> {
  const findings = await listFindings(deps.database.db);
  const facts = await loadOrganisationFacts(deps.database.db);
  return {
    organisations: facts.length,
    documents: plan.documents.length,
    pdfs: plan.documents.filter(isPdf).length,
    findings: findings.length,
    confirmed: findings.filter((finding) => finding.status === 'confirmed').length,
    contradictions: facts.reduce((sum, each) => sum + deriveStatus(each).contradictions.length, 0),
    statuses: computeNationalFigures(facts).byStatus,
  };
}

function isPdf(document: DemoDocument): boolean {
  return extname(document.fileName) === '.pdf';
}

/** The document's bytes in the format its file name says. */
async function renderDocument(document: DemoDocument): Promise<Uint8Array> {
  if (isPdf(document))
    return renderDemoPdf(document.pages, {
      title: document.title,
      date: document.documentDate,
      banner: demoBanner,
    });
  const extension = extname(document.fileName);
  const text =
    extension === '.html'
      ? toHtml(document)
      : extension === '.md'
        ? toMarkdown(document)
        : toPlainText(document);
  return new TextEncoder().encode(`${text}\n`);
}

function toPlainText(document: DemoDocument): string {
  const blocks = document.pages.flatMap((page) => [page.heading, ...page.paragraphs]);
  return [demoBanner, ...blocks].join('\n\n');
}

function toMarkdown(document: DemoDocument): string {
  const blocks = document.pages.flatMap((page, index) => [
    `${index === 0 ? '#' : '##'} ${page.heading}`,
    ...page.paragraphs,
  ]);
  return [`_${demoBanner}_`, ...blocks].join('\n\n');
}

function toHtml(document: DemoDocument): string {
  const blocks = document.pages.flatMap((page, index) => {
    const tag = index === 0 ? 'h1' : 'h2';
    return [
      `<${tag}>${escapeHtml(page.heading)}</${tag}>`,
      ...page.paragraphs.map((paragraph) => `<p>${escapeHtml(paragraph)}</p>`),
    ];
  });
  return [
    '<!doctype html>',
    '<html lang="en-GB">',
    `<head><meta charset="utf-8"><title>${escapeHtml(document.title)}</title></head>`,
    '<body>',
    `<p><em>${escapeHtml(demoBanner)}</em></p>`,
    ...blocks,
    '</body>',
    '</html>',
  ].join('\n');
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
