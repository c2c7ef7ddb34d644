import { explainContradiction, type Contradiction } from './contradictions.js';
import { foundInFinding } from './describe-found-evidence.js';
import { features, type Feature, type OrganisationFacts } from './register-facts.js';

/**
 * One contradiction as people read it: an assurance and one document whose confirmed findings
 * contradict it, naming every feature those findings show.
 */
export interface ContradictionGroup {
  assuranceId: number;
  assuranceGivenOn: string;
  documentId: number;
  documentTitle: string;
  /** The document's date (ISO `YYYY-MM-DD`). */
  evidenceDate: string;
  /** The features the contradicting findings show, in the register's order of features. */
  features: Feature[];
  /** The contradicting findings, in the order they were found. */
  findingIds: number[];
  explanation: string;
}

/**
 * Groups contradictions (one per assurance and finding) into one per assurance and document: a
 * board paper showing two features contradicts an assurance once, not twice. Groups keep the
 * order of their first contradiction.
 */
export function groupContradictions(
  facts: OrganisationFacts,
  contradictions: readonly Contradiction[],
): ContradictionGroup[] {
  const groups = new Map<
    string,
    { first: Contradiction; documentId: number; members: Contradiction[] }
  >();
  for (const contradiction of contradictions) {
    const evidence = facts.evidence.find((each) => each.findingId === contradiction.findingId);
    if (!evidence) continue;
    const key = `${String(contradiction.assuranceId)}:${String(evidence.documentId)}`;
    const group = groups.get(key) ?? {
      first: contradiction,
      documentId: evidence.documentId,
      members: [],
    };
    group.members.push(contradiction);
    groups.set(key, group);
  }
  return [...groups.values()].flatMap(({ first, documentId, members }) => {
    const assurance = facts.assurances.find((each) => each.id === first.assuranceId);
    const evidence = facts.evidence.find((each) => each.findingId === first.findingId);
    if (!assurance || !evidence) return [];
    const shown = features.filter((feature) => members.some((each) => each.feature === feature));
    const explanation =
      explainContradiction(
        assurance,
        { ...foundInFinding(evidence), features: shown },
        first.evidenceDate,
      ) ?? first.explanation;
    return [
      {
        assuranceId: first.assuranceId,
        assuranceGivenOn: first.assuranceGivenOn,
        documentId,
        documentTitle: evidence.documentTitle,
        evidenceDate: first.evidenceDate,
        features: shown,
        findingIds: members.map((each) => each.findingId),
        explanation,
      },
    ];
  });
}
