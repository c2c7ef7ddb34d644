import { redactExcerpt } from '../../redaction/redact-excerpt.js';
import { featureNames } from '../../register/status/feature-names.js';
import { isoDay } from '../../register/status/iso-day.js';
import type { ContradictionGroup } from '../../register/status/contradiction-groups.js';
import type { StatusReason } from '../../register/status/organisation-status.js';
import type {
  AssuranceFact,
  EvidenceFact,
  OrganisationFacts,
  ReturnFact,
} from '../../register/status/register-facts.js';
import { formatDate } from '../render/template-environment.js';
import { httpUrlOrNull } from '../render/http-url.js';

/** A link shown with a timeline entry or a reason. */
export interface PageLink {
  text: string;
  href: string;
}

/** One entry of an organisation's timeline: a return, an assurance, evidence or a contradiction. */
export interface TimelineEntry {
  kind: 'return' | 'assurance' | 'evidence' | 'contradiction';
  /** The entry's id on the page, for links such as `#assurance-3`. */
  anchor: string;
  /** ISO day, or null when the record has no date. */
  date: string | null;
  heading: string;
  lines: string[];
  /** Words quoted from the record (redacted), or null. */
  quote: string | null;
  /** Says how many personal details were removed from the quote, when any were. */
  quoteNote: string | null;
  links: PageLink[];
}

/** What the timeline knows beyond the status facts: findings' reasons and assurances' sources. */
export interface TimelineDetails {
  /** The reason each confirmed finding's indicator gives, by finding id. */
  reasons: ReadonlyMap<number, string>;
  /** Each assurance's source: its document's title, or the source as recorded. */
  assuranceSources: ReadonlyMap<number, { documentTitle: string | null; source: string | null }>;
}

const kindOrder: readonly TimelineEntry['kind'][] = [
  'contradiction',
  'evidence',
  'assurance',
  'return',
];

/**
 * An organisation's timeline, newest first (undated entries last): its returns, the assurances it
 * gave, the confirmed evidence about it and the contradictions between them. Quoted words (an
 * evidence excerpt, an assurance's text) are redacted before they are shown.
 */
export function buildTimeline(
  facts: OrganisationFacts,
  contradictions: readonly ContradictionGroup[],
  details: TimelineDetails,
): TimelineEntry[] {
  const entries = [
    ...facts.returns.map(returnEntry),
    ...facts.assurances.map((assurance) => assuranceEntry(assurance, details)),
    ...facts.evidence.map((evidence) => evidenceEntry(evidence, details, facts.organisation.name)),
    ...contradictions.map(contradictionEntry),
  ];
  return entries
    .map((entry, index) => ({ entry, index }))
    .sort(
      (a, b) =>
        compareDates(a.entry.date, b.entry.date) ||
        kindOrder.indexOf(a.entry.kind) - kindOrder.indexOf(b.entry.kind) ||
        b.index - a.index,
    )
    .map(({ entry }) => entry);
}

/** Where a reason for a status comes from, as a link: the return, assurance or document page. */
export function reasonSourceLink(reason: StatusReason, facts: OrganisationFacts): PageLink | null {
  const source = reason.source;
  if (!source) return null;
  switch (source.kind) {
    case 'return': {
      const found = facts.returns.find((each) => each.id === source.id);
      return found ? { text: `Return to ${found.reviewName}`, href: `#return-${found.id}` } : null;
    }
    case 'assurance': {
      const found = facts.assurances.find((each) => each.id === source.id);
      return found
        ? { text: `Assurance of ${formatDate(found.givenOn)}`, href: `#assurance-${found.id}` }
        : null;
    }
    case 'evidence': {
      const found = facts.evidence.find((each) => each.findingId === source.id);
      return found ? { text: evidenceSourceText(found), href: evidencePageHref(found) } : null;
    }
  }
}

/** The address of the page of a document where a confirmed finding is. */
export function evidencePageHref(evidence: { documentId: number; page: number | null }): string {
  return `/documents/${evidence.documentId}#page-${evidence.page ?? 1}`;
}

function evidenceSourceText(evidence: EvidenceFact): string {
  return `"${evidence.documentTitle}"${evidence.page === null ? '' : `, page ${evidence.page}`}`;
}

function returnEntry(ret: ReturnFact): TimelineEntry {
  const lines: string[] = [];
  if (!ret.responded) {
    lines.push(
      ret.reviewClosesOn
        ? `Did not respond. The review closed on ${formatDate(ret.reviewClosesOn)}.`
        : 'Did not respond.',
    );
  } else {
    lines.push(
      ret.respondedOn
        ? `Responded on ${formatDate(ret.respondedOn)}.`
        : 'Responded (no date given).',
    );
    if (ret.usedModel === true) {
      const from = ret.usedFrom ? ` from ${formatDate(ret.usedFrom)}` : '';
      const until = ret.usedUntil ? ` until ${formatDate(ret.usedUntil)}` : '';
      lines.push(`Said it used SIM or a SIM-type model${from}${until}.`);
    } else if (ret.usedModel === false) lines.push('Said it did not use SIM or a SIM-type model.');
    else lines.push('Did not say whether it used SIM or a SIM-type model.');
    if (ret.continuingFeatures.length > 0)
      lines.push(
        `Said these features continue: ${ret.continuingFeatures.map((feature) => featureNames[feature]).join('; ')}.`,
      );
  }
  return {
    kind: 'return',
    anchor: `return-${ret.id}`,
    date: isoDay(ret.respondedOn) ?? isoDay(ret.reviewClosesOn),
    heading: `Return to ${ret.reviewName}`,
    lines,
    quote: null,
    quoteNote: null,
    links: [],
  };
}

function assuranceEntry(assurance: AssuranceFact, details: TimelineDetails): TimelineEntry {
  const on = (date: string | null) => (date ? ` on ${formatDate(date)}` : '');
  const claim = {
    never_used: 'Said the scheme had never been used.',
    ended: `Said the scheme had ended${on(assurance.scopeDate)}.`,
    will_end: `Said the scheme would end${on(assurance.scopeDate)}.`,
    feature_not_used: `Said ${assurance.feature === null ? 'a feature of concern' : featureNames[assurance.feature]} was not used.`,
  }[assurance.scope];
  const source = details.assuranceSources.get(assurance.id);
  const lines = [claim];
  const links: PageLink[] = [];
  if (assurance.sourceDocumentId !== null)
    links.push({
      text: `Source: "${source?.documentTitle ?? `document ${assurance.sourceDocumentId}`}"`,
      href: `/documents/${assurance.sourceDocumentId}`,
    });
  else if (source?.source) {
    const url = httpUrlOrNull(source.source);
    if (url) links.push({ text: 'Source (opens the original website)', href: url });
    else lines.push(`Source: ${source.source}`);
  }
  return {
    kind: 'assurance',
    anchor: `assurance-${assurance.id}`,
    date: isoDay(assurance.givenOn),
    heading: `Assurance given by ${assurance.givenBy}`,
    lines,
    ...quoted(assurance.text),
    links,
  };
}

function evidenceEntry(
  evidence: EvidenceFact,
  details: TimelineDetails,
  successorName: string,
): TimelineEntry {
  const reason = details.reasons.get(evidence.findingId);
  const from = evidence.inheritedFrom;
  return {
    kind: 'evidence',
    anchor: `finding-${evidence.findingId}`,
    date: isoDay(evidence.documentDate),
    heading: `Confirmed evidence of ${featureNames[evidence.feature]}`,
    lines: [
      ...(from
        ? [
            `About ${from.name} (${from.code}), which became part of ${successorName} on ${formatDate(dayAfter(from.closed))}.`,
          ]
        : []),
      `In ${evidenceSourceText(evidence)}${evidence.documentDate ? '' : ' (the document has no date)'}.`,
      ...(reason ? [`Why it counts: ${reason}`] : []),
    ],
    ...quoted(evidence.excerpt),
    links: [{ text: `Read it in the document`, href: evidencePageHref(evidence) }],
  };
}

function contradictionEntry(contradiction: ContradictionGroup): TimelineEntry {
  const several = contradiction.findingIds.length > 1;
  return {
    kind: 'contradiction',
    anchor: `contradiction-${contradiction.assuranceId}-${contradiction.documentId}`,
    date: contradiction.evidenceDate,
    heading: 'Evidence contradicts an assurance',
    lines: [
      contradiction.explanation,
      `Features: ${contradiction.features.map((feature) => featureNames[feature]).join('; ')}.`,
    ],
    quote: null,
    quoteNote: null,
    links: [
      { text: 'The assurance', href: `#assurance-${contradiction.assuranceId}` },
      ...contradiction.findingIds.map((id, index) => ({
        text: several
          ? `The evidence (${String(index + 1)} of ${String(contradiction.findingIds.length)})`
          : 'The evidence',
        href: `#finding-${id}`,
      })),
    ],
  };
}

function quoted(text: string): { quote: string | null; quoteNote: string | null } {
  if (text.trim() === '') return { quote: null, quoteNote: null };
  const redaction = redactExcerpt(text);
  const removed = redaction.redacted.length;
  return {
    quote: redaction.text,
    quoteNote:
      removed === 0
        ? null
        : `${removed} personal ${removed === 1 ? 'detail has' : 'details have'} been removed from this quote.`,
  };
}

/** Newest first; a missing date sorts after every date. */
function compareDates(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? 1 : -1;
}

/** The day after an ISO date: a predecessor closed on one day and became part of its successor the next. */
function dayAfter(iso: string): string {
  const day = new Date(`${iso}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + 1);
  return day.toISOString().slice(0, 10);
}
