import type { AtAGlance } from '../../register/status/at-a-glance.js';
import type { BrokenPromise } from '../../register/status/broken-promises.js';
import { describeFeatures } from '../../register/status/describe-found-evidence.js';
import { featureNames } from '../../register/status/feature-names.js';
import type { AssuranceFact } from '../../register/status/register-facts.js';
import { features } from '../../register/status/register-facts.js';
import { formatDate } from '../render/template-environment.js';

/** One organisation named on the home page: a link to its page and one line saying why. */
export interface NamedEntry {
  name: string;
  href: string;
  why: string;
}

/** The home page's two lists, in words. */
export interface AtAGlanceView {
  contradicted: NamedEntry[];
  brokenPromises: NamedEntry[];
}

/** Words the two lists for the home page: each organisation once, with one line of why. */
export function describeAtAGlance(glance: AtAGlance): AtAGlanceView {
  return {
    contradicted: glance.contradicted.map((each) => {
      const found = features.filter((feature) =>
        each.contradictions.some((group) => group.features.includes(feature)),
      );
      const latest = each.contradictions.at(-1);
      const dates = [...new Set(each.contradictions.map((group) => group.evidenceDate))];
      const documents = new Set(each.contradictions.map((group) => group.documentId)).size;
      const assurances = [
        ...new Map(
          each.contradictions.map((group) => [group.assurance.id, group.assurance]),
        ).values(),
      ].sort((a, b) => (a.givenOn < b.givenOn ? 1 : a.givenOn > b.givenOn ? -1 : 0));
      const dated =
        documents === 1 && dates.length === 1
          ? `dated ${formatDate(dates[0])}`
          : `in ${String(documents)} documents, the latest dated ${formatDate(latest?.evidenceDate)}`;
      const newest = assurances[0];
      const against =
        assurances.length === 1 || newest === undefined
          ? `its assurance ${describeClaim(newest)}`
          : `${String(assurances.length)} of its assurances, the latest ${describeClaim(newest)}`;
      return {
        name: each.name,
        href: organisationHref(each.code),
        why: `Confirmed evidence ${describeFeatures(found)} ${dated} contradicts ${against}.`,
      };
    }),
    brokenPromises: glance.brokenPromises.map((each) => {
      const [first, ...others] = each.promises;
      const more =
        others.length === 0
          ? ''
          : ` ${String(others.length)} other ${others.length === 1 ? 'promise' : 'promises'} also passed.`;
      return {
        name: each.name,
        href: organisationHref(each.code),
        why: first ? `${describePromise(first)}${more}` : '',
      };
    }),
  };
}

function organisationHref(code: string): string {
  return `/organisations/${encodeURIComponent(code)}`;
}

/** "of 1 June 2021 that the scheme had ended on 31 March 2021". */
function describeClaim(assurance: AssuranceFact | undefined): string {
  if (!assurance) return '';
  const on = (date: string | null) => (date === null ? '' : ` on ${formatDate(date)}`);
  const claim = {
    never_used: 'the scheme had never been used',
    ended: `the scheme had ended${on(assurance.scopeDate)}`,
    will_end: `the scheme would end${on(assurance.scopeDate)}`,
    feature_not_used: `${assurance.feature === null ? 'a feature of concern' : featureNames[assurance.feature]} was not used`,
  }[assurance.scope];
  return `of ${formatDate(assurance.givenOn)} that ${claim}`;
}

/** "Said on 16 September 2024 that use would end by 31 March 2025 (20 months ago); ..." */
function describePromise(promise: BrokenPromise): string {
  const who = promise.source.kind === 'return' ? 'Its return' : 'It';
  const said = promise.promisedOn === null ? 'said' : `said on ${formatDate(promise.promisedOn)}`;
  const ago =
    promise.monthsPassed === 0
      ? 'less than a month ago'
      : `${String(promise.monthsPassed)} ${promise.monthsPassed === 1 ? 'month' : 'months'} ago`;
  const reasons: string[] = [];
  if (promise.laterEvidence) {
    const { features: shown, latestDate, findingCount } = promise.laterEvidence;
    reasons.push(
      `confirmed evidence ${describeFeatures(shown)} is dated later (${findingCount === 1 ? '' : `${String(findingCount)} findings, the latest `}${formatDate(latestDate)})`,
    );
  }
  if (promise.noStatementOfEnd) reasons.push('nothing recorded since says use ended');
  return `${who} ${said} that use would end by ${formatDate(promise.promisedEnd)} (${ago}); ${reasons.join(', and ')}.`;
}
