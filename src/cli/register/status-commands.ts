import { SimwatchError } from '../../errors.js';
import { loadOrganisationFacts } from '../../register/load-organisation-facts.js';
import { findReviewByName } from '../../register/reviews/reviews-repository.js';
import { deriveStatus } from '../../register/status/derive-status.js';
import { featureNames } from '../../register/status/feature-names.js';
import { computeNationalFigures } from '../../register/status/national-figures.js';
import { statusLabels, statusOrder } from '../../register/status/organisation-status.js';
import { features } from '../../register/status/register-facts.js';
import { defineRegisterCommand, stringOption } from './define-register-command.js';

/** `simwatch status`: each organisation's status, derived from the records, and why. */
export const statusCommand = defineRegisterCommand({
  name: 'status',
  summary: "Show organisations' statuses, derived from returns, assurances and evidence",
  usage: 'Usage: simwatch status [CODE] [--why] [--json]',
  help: `Derives each organisation's status from its returns, assurances and confirmed
evidence by the published rules (never a grade without evidence), most serious
first: ${statusOrder.join(', ')}.

Options:
  --why    Show the reasons for each status, with the records they rest on
  --json   Print statuses, reasons, feature states and contradictions as JSON`,
  options: { why: { type: 'boolean' } },
  screening: false,
  async run({ positionals, values, deps, json, print }) {
    const code = positionals[0];
    const facts = await loadOrganisationFacts(deps.database.db, code);
    if (code !== undefined && facts.length === 0)
      throw new SimwatchError('not_found', `Cannot find organisation "${code}"`);
    const statuses = facts.map((fact) => ({
      organisation: fact.organisation,
      ...deriveStatus(fact),
    }));
    if (json) {
      print(JSON.stringify(statuses, null, 2));
      return 0;
    }
    for (const {
      organisation,
      status,
      label,
      reasons,
      features: states,
      contradictionGroups,
    } of statuses) {
      print(`${organisation.code.padEnd(12)} ${label.padEnd(34)} ${organisation.name}`);
      if (values.why !== true) continue;
      print(`  Why this status (${status})?`);
      for (const reason of reasons)
        print(
          `  - ${reason.text}${reason.source ? ` [${reason.source.kind} ${reason.source.id}]` : ''}`,
        );
      const known = features.filter((feature) => states[feature] !== 'not_known');
      if (known.length > 0)
        print(
          `  Features: ${known.map((feature) => `${featureNames[feature]} ${states[feature]}`).join('; ')}`,
        );
      for (const contradiction of contradictionGroups) print(`  ! ${contradiction.explanation}`);
      print('');
    }
    return 0;
  },
});

/** `simwatch figures`: national figures computed from the register. */
export const figuresCommand = defineRegisterCommand({
  name: 'figures',
  summary: 'Show national figures computed from returns and evidence',
  usage: 'Usage: simwatch figures [--review NAME] [--json]',
  help: `Counts organisations asked, responding, having used SIM or a SIM-type model,
continuing, and contradicted; per feature and per region. Computed from the
records each time, never typed in.

Options:
  --review NAME   Count "asked" and "responded" for this review only`,
  options: { review: { type: 'string' } },
  screening: false,
  async run({ values, deps, json, print }) {
    const reviewName = stringOption(values.review);
    let reviewId: number | undefined;
    if (reviewName !== undefined) {
      const review = await findReviewByName(deps.database.db, reviewName);
      if (!review) throw new SimwatchError('not_found', `Cannot find review "${reviewName}"`);
      reviewId = review.id;
    }
    const figures = computeNationalFigures(await loadOrganisationFacts(deps.database.db), reviewId);
    if (json) {
      print(JSON.stringify(figures, null, 2));
      return 0;
    }
    print(`Organisations in the register: ${figures.organisations}`);
    print(`Asked in a review: ${figures.asked}; responded: ${figures.responded}`);
    print(`Used SIM or a SIM-type model: ${figures.usedModel}`);
    print(
      `Appear to continue key features: ${figures.continuing} (of which contradicting an assurance: ${figures.contradicted})`,
    );
    print('');
    print('By feature (used / continuing):');
    for (const feature of features)
      print(
        `  ${featureNames[feature].padEnd(48)} ${figures.perFeature[feature].used} / ${figures.perFeature[feature].continuing}`,
      );
    print('');
    print('By status:');
    for (const status of statusOrder)
      print(`  ${statusLabels[status].padEnd(48)} ${figures.byStatus[status]}`);
    print('');
    print('By region (organisations, responded, used, continuing):');
    for (const region of figures.perRegion)
      print(
        `  ${region.region.padEnd(48)} ${region.organisations}, ${region.responded}, ${region.usedModel}, ${region.continuing}`,
      );
    return 0;
  },
});
