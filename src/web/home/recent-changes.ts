import { findingStatus } from '../../register/findings/finding-status.js';
import type { RegisterDatabase } from '../../register/register-deps.js';
import {
  lookUpChanges,
  readChangeEvents,
  type ChangeEvent,
  type ChangeLookups,
} from '../../register/changes/change-events-repository.js';
import { describeLabel } from '../render/describe-label.js';

/** One change to the register, said in plain English, with where to read more. */
export interface RecentChange {
  /** When it was recorded (ISO time). */
  time: string;
  text: string;
  href: string | null;
}

/**
 * The latest changes to the register, newest first: organisations imported, documents added,
 * evidence confirmed, assurances and returns recorded, reviews opened. Decisions appear only as
 * the confirmation that made a finding evidence, and only while it still is: pending findings and
 * reviewers' names are never shown. A fixed number of queries however long the record is.
 */
export async function listRecentChanges(
  database: RegisterDatabase,
  limit = 10,
): Promise<RecentChange[]> {
  const events = await readChangeEvents(database, limit * 5);
  const lookups = await lookUpChanges(database, events);
  return describeRecentChanges(events, lookups).slice(0, limit);
}

/** Describes events in plain English, leaving out those that are not public evidence. */
export function describeRecentChanges(
  events: readonly ChangeEvent[],
  lookups: ChangeLookups,
): RecentChange[] {
  return events.flatMap((event) => {
    const described = describeEvent(event, lookups);
    return described ? [{ time: event.time, ...described }] : [];
  });
}

function describeEvent(
  event: ChangeEvent,
  lookups: ChangeLookups,
): { text: string; href: string | null } | undefined {
  const ref = event.ref;
  if (ref === null) return undefined;
  switch (event.type) {
    case 'organisations.imported': {
      const only =
        ref === 1 && event.detail ? lookups.organisationsByCode.get(event.detail) : undefined;
      if (only && event.detail)
        return {
          text: `Organisation added: ${only.name}`,
          href: `/organisations/${encodeURIComponent(event.detail)}`,
        };
      return { text: `${ref} organisations added to the register`, href: '/organisations' };
    }
    case 'document.ingested': {
      const document = lookups.documents.get(ref);
      return document && { text: `Document added: ${document.title}`, href: `/documents/${ref}` };
    }
    case 'finding.decided': {
      const finding = lookups.findings.get(ref);
      const decisionId = Number(event.detail);
      if (!finding || finding.status !== 'confirmed') return undefined;
      if (!confirmedBy(lookups.decisions.get(ref) ?? [], decisionId)) return undefined;
      return {
        text: `Evidence confirmed: ${describeLabel(finding.label)} in "${finding.documentTitle}"`,
        href: `/documents/${finding.documentId}#page-${finding.page ?? 1}`,
      };
    }
    case 'assurance.recorded': {
      const assurance = lookups.assurances.get(ref);
      return (
        assurance && {
          text: `Assurance recorded: ${assurance.organisationName}`,
          href: `/organisations/${encodeURIComponent(assurance.organisationCode)}#assurance-${ref}`,
        }
      );
    }
    case 'return.recorded': {
      const recorded = lookups.returns.get(ref);
      return (
        recorded && {
          text: recorded.responded
            ? `Return recorded: ${recorded.organisationName} responded to ${recorded.reviewName}`
            : `Return recorded: ${recorded.organisationName} did not respond to ${recorded.reviewName}`,
          href: `/organisations/${encodeURIComponent(recorded.organisationCode)}#return-${ref}`,
        }
      );
    }
    case 'review.created': {
      const review = lookups.reviews.get(ref);
      return review && { text: `Review opened: ${review.name}`, href: null };
    }
    default:
      return undefined;
  }
}

/** True when this decision is the one that made the finding confirmed (two reviewers). */
function confirmedBy(
  decisions: readonly { id: number; reviewer: string; decision: 'confirm' | 'reject' }[],
  decisionId: number,
): boolean {
  const index = decisions.findIndex((decision) => decision.id === decisionId);
  if (index < 0) return false;
  return (
    findingStatus(decisions.slice(0, index + 1)) === 'confirmed' &&
    findingStatus(decisions.slice(0, index)) !== 'confirmed'
  );
}
