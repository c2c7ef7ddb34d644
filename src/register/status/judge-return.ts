import { featureNames } from './feature-names.js';
import { isoDay } from './iso-day.js';
import type { ReturnFact } from './register-facts.js';
import { findLaterEnd } from './stated-ends.js';
import { verdict, type JudgeContext, type Verdict } from './verdict.js';

/** Says what one return shows: no response, not used, used and ended or not, continuing features. */
export function judgeReturn(ret: ReturnFact, context: JudgeContext): Verdict[] {
  const source = { kind: 'return', id: ret.id } as const;
  const inReturn = `In its return to "${ret.reviewName}", ${context.name}`;
  // A return that was never sent says nothing, whatever else its row holds.
  if (!ret.responded)
    return [
      verdict('unanswered', {
        text: `${context.name} did not respond to "${ret.reviewName}".`,
        source,
      }),
    ];
  const verdicts: Verdict[] = [];
  if (ret.usedModel === false)
    verdicts.push(
      verdict('not_used', {
        text: `${inReturn} said it had not used SIM or a SIM-type model.`,
        source,
      }),
    );
  if (ret.usedModel === true && isoDay(ret.usedUntil) === null) {
    // Not saying when use ended is not saying it continues, so an end stated elsewhere stands.
    const endedElsewhere = context.ends.some((end) => end.feature === null);
    verdicts.push(
      endedElsewhere
        ? verdict('ended', {
            text: `${inReturn} said it used SIM or a SIM-type model, without saying when use ended.`,
            source,
          })
        : verdict('continuing', {
            text: `${inReturn} said it used SIM or a SIM-type model and did not say that use had ended.`,
            source,
          }),
    );
  }
  // The return's end date itself is one of the stated ends; its verdict comes from there.
  verdicts.push(
    ...context.ends
      .filter((end) => end.returnId === ret.id)
      .map((end) => verdict('ended', end.reason)),
  );
  const saidOn = isoDay(ret.respondedOn) ?? isoDay(ret.reviewClosesOn);
  for (const feature of ret.continuingFeatures) {
    const said = `${inReturn} said that ${featureNames[feature]} continued`;
    const later = findLaterEnd(context.ends, { saidOn, feature, returnId: ret.id });
    verdicts.push(
      later === undefined
        ? verdict('continuing', { text: `${said}.`, source }, [feature])
        : verdict('ended', { text: `${said}, but ${later.statement} came later.`, source }, [
            feature,
          ]),
      ...(later === undefined ? [] : [verdict('ended', later.reason)]),
    );
  }
  if (verdicts.length === 0)
    verdicts.push(
      verdict('silent', {
        text: `${inReturn} did not say whether it had used SIM or a SIM-type model.`,
        source,
      }),
    );
  return verdicts;
}
