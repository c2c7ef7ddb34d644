// Keep these in step with the doc comment of findContradictions(); a test checks the two agree.
const rules = [
  'Only confirmed evidence counts, and only evidence whose document has a date: without a date there is no way to tell whether the practice came before or after the assurance, so undated evidence never contradicts one.',
  '"Never used" covers every feature and is contradicted by evidence of any feature at any date, before or after the assurance: a claim never to have used a practice is a claim about all of the past, so a document showing the practice at any time contradicts it.',
  '"Ended" covers every feature and is contradicted by evidence dated after the day it said use ended (or, when it gave no day, after the day the assurance was given).',
  '"Will end" covers every feature and is contradicted by evidence dated after the day it said use would end; when it gave no day, no date can contradict it.',
  '"Feature not used" covers only its one feature and is contradicted by evidence of that feature dated after the day the assurance was given; one that names no feature covers none.',
  '"After" means a later day. Evidence dated on the same day as the date it is compared with does not contradict, because a document of that day may come from before the assurance or from the last day of use.',
] as const;

/** Returns the rules for finding contradictions in plain English, as the Method page prints them. */
export function describeContradictionRules(): string[] {
  return [...rules];
}
