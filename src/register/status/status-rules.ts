import { statusLabels, statusOrder, type StatusCode } from './organisation-status.js';

// Keep these in step with the doc comment of deriveStatus(); a test checks the two agree.
const rules: Readonly<Record<StatusCode, string>> = {
  contradicted:
    'confirmed evidence contradicts an assurance the organisation gave (see how contradictions are found).',
  continuing:
    'confirmed evidence of a feature is dated after the latest day the organisation said use ended, or there is confirmed evidence and it has never said use ended; or its own return says features continue, or says it used SIM or a SIM-type model without any return or assurance saying use ended; or it promised to end use and no later return or assurance says use has ended. Evidence with no date shows use but cannot show use after a stated end.',
  used_ended:
    'the organisation used SIM or a SIM-type model (its own return or assurance says so, or confirmed evidence shows it) and everything known says use ended, with no confirmed evidence dated after the end.',
  assured_not_used:
    'its returns or assurances say SIM-type practices were not used, and there is no confirmed evidence of them.',
  no_response: 'it was asked in a review and did not respond, and nothing else is known.',
  not_yet_reviewed:
    'no return says whether it used SIM or a SIM-type model, it gave no assurance and there is no confirmed evidence. This is the default: never a grade without evidence.',
};

/** Returns the status rules in plain English, most serious first, as the Method page prints them. */
export function describeStatusRules(): string[] {
  return statusOrder.map((code) => `${statusLabels[code]}: ${rules[code]}`);
}
