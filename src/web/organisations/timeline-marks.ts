import { featureNames } from '../../register/status/feature-names.js';
import { isoDay } from '../../register/status/iso-day.js';
import type { OrganisationFacts } from '../../register/status/register-facts.js';
import { formatDate } from '../render/template-environment.js';

/** The kinds of dated record the timeline graphic draws, each in its own lane and shape. */
export const markKinds = ['assurance', 'stated_end', 'return', 'evidence'] as const;

/** One kind of mark on the timeline graphic. */
export type MarkKind = (typeof markKinds)[number];

/** The written name of each kind of mark: the graphic's lane labels and the table's "Kind". */
export const markKindNames: Readonly<Record<MarkKind, string>> = {
  assurance: 'Assurance',
  stated_end: 'Stated end',
  return: 'Review return',
  evidence: 'Evidence',
};

/** One dated record on the timeline graphic and in its table. */
export interface TimelineMark {
  /** ISO day. */
  date: string;
  kind: MarkKind;
  text: string;
  /** Where the record is shown in full. */
  href: string;
}

/**
 * The dated records of an organisation, oldest first, for the timeline graphic and the table that
 * holds the same entries: assurances, the ends of use it stated or promised (in an assurance or a
 * return), its review returns and dated confirmed evidence. Records with no date are left out:
 * the list below the graphic shows them.
 */
export function listTimelineMarks(facts: OrganisationFacts): TimelineMark[] {
  const marks: TimelineMark[] = [];
  const add = (date: string | null, kind: MarkKind, text: string, href: string) => {
    const day = isoDay(date);
    if (day !== null) marks.push({ date: day, kind, text, href });
  };
  for (const assurance of facts.assurances) {
    const anchor = `#assurance-${String(assurance.id)}`;
    const claim = {
      never_used: 'said the scheme had never been used',
      ended: 'said the scheme had ended',
      will_end: 'said the scheme would end',
      feature_not_used: `said ${assurance.feature === null ? 'a feature of concern' : featureNames[assurance.feature]} was not used`,
    }[assurance.scope];
    add(assurance.givenOn, 'assurance', `${assurance.givenBy} ${claim}`, anchor);
    if (assurance.scope === 'ended' || assurance.scope === 'will_end')
      add(
        assurance.scopeDate,
        'stated_end',
        `${assurance.scope === 'ended' ? 'End of use stated' : 'End of use promised'} in the assurance of ${formatDate(assurance.givenOn)}`,
        anchor,
      );
  }
  for (const ret of facts.returns) {
    const anchor = `#return-${String(ret.id)}`;
    add(
      ret.respondedOn ?? ret.reviewClosesOn,
      'return',
      ret.responded
        ? `Return to ${ret.reviewName}`
        : `Did not respond to ${ret.reviewName} (review closed)`,
      anchor,
    );
    if (ret.responded && ret.usedModel === true)
      add(
        ret.usedUntil,
        'stated_end',
        `End of use stated in the return to ${ret.reviewName}`,
        anchor,
      );
  }
  for (const evidence of facts.evidence)
    add(
      evidence.documentDate,
      'evidence',
      `Confirmed evidence of ${featureNames[evidence.feature]} in "${evidence.documentTitle}"`,
      `#finding-${String(evidence.findingId)}`,
    );
  return marks
    .map((mark, index) => ({ mark, index }))
    .sort(
      (a, b) =>
        (a.mark.date < b.mark.date ? -1 : a.mark.date > b.mark.date ? 1 : 0) ||
        markKinds.indexOf(a.mark.kind) - markKinds.indexOf(b.mark.kind) ||
        a.index - b.index,
    )
    .map(({ mark }) => mark);
}
