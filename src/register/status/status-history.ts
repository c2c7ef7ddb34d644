import { deriveStatus } from './derive-status.js';
import { isoDay } from './iso-day.js';
import { statusLabels, type StatusCode, type StatusReason } from './organisation-status.js';
import type { OrganisationFacts } from './register-facts.js';

/** A change of status: from what, to what, on which day, and the reasons it rests on. */
export interface StatusChange {
  /** The day of the records that changed it (ISO), or null for records with no date. */
  date: string | null;
  from: StatusCode;
  fromLabel: string;
  to: StatusCode;
  toLabel: string;
  /** The new status's reasons that cite records of that day (all its reasons if none do). */
  because: StatusReason[];
}

/**
 * An organisation's status history, oldest first: the status rules run over the records dated up
 * to each day on which a record is dated (a return on the day it was sent, or the review closed
 * when it was not; an assurance on the day it was given; evidence on its document's date), with
 * one entry each time the status changes. Before any record it is "Not yet reviewed". Records
 * with no date come last: if they change the status, a final change with no date says so. The
 * history ends at the status the organisation has now.
 */
export function deriveStatusHistory(facts: OrganisationFacts): StatusChange[] {
  const dated = {
    returns: facts.returns.map((ret) => ({
      fact: ret,
      date: isoDay(ret.respondedOn) ?? isoDay(ret.reviewClosesOn),
    })),
    assurances: facts.assurances.map((assurance) => ({
      fact: assurance,
      date: isoDay(assurance.givenOn),
    })),
    evidence: facts.evidence.map((evidence) => ({
      fact: evidence,
      date: isoDay(evidence.documentDate),
    })),
  };
  const all = [...dated.returns, ...dated.assurances, ...dated.evidence];
  const days = [...new Set(all.flatMap(({ date }) => (date === null ? [] : [date])))].sort();
  const changes: StatusChange[] = [];
  let current: StatusCode = 'not_yet_reviewed';
  const step = (date: string | null, known: OrganisationFacts, sourcesOfDay: Set<string>) => {
    const status = deriveStatus(known);
    if (status.status === current) return;
    const ofDay = status.reasons.filter(
      (reason) => reason.source && sourcesOfDay.has(`${reason.source.kind}:${reason.source.id}`),
    );
    changes.push({
      date,
      from: current,
      fromLabel: statusLabels[current],
      to: status.status,
      toLabel: status.label,
      because: ofDay.length > 0 ? ofDay : status.reasons,
    });
    current = status.status;
  };
  const upTo = (day: string | null) => {
    const within = (date: string | null) => day === null || (date !== null && date <= day);
    return {
      ...facts,
      returns: dated.returns.filter(({ date }) => within(date)).map(({ fact }) => fact),
      assurances: dated.assurances.filter(({ date }) => within(date)).map(({ fact }) => fact),
      evidence: dated.evidence.filter(({ date }) => within(date)).map(({ fact }) => fact),
    };
  };
  const sourcesOn = (day: string | null) =>
    new Set([
      ...dated.returns.filter(({ date }) => date === day).map(({ fact }) => `return:${fact.id}`),
      ...dated.assurances
        .filter(({ date }) => date === day)
        .map(({ fact }) => `assurance:${fact.id}`),
      ...dated.evidence
        .filter(({ date }) => date === day)
        .map(({ fact }) => `evidence:${fact.findingId}`),
    ]);
  for (const day of days) step(day, upTo(day), sourcesOn(day));
  if (all.some(({ date }) => date === null)) step(null, upTo(null), sourcesOn(null));
  return changes;
}
