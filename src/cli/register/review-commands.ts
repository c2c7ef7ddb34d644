import { SimwatchError } from '../../errors.js';
import { createReview, recordReturn } from '../../register/reviews/reviews-service.js';
import { features } from '../../register/status/register-facts.js';
import {
  defineCommandGroup,
  defineRegisterCommand,
  listOption,
  requiredOption,
  stringOption,
} from './define-register-command.js';

const reviewAdd = defineRegisterCommand({
  name: 'review add',
  summary: 'Record a national review',
  usage:
    'Usage: simwatch review add --name NAME [--opens DATE] [--closes DATE] [--question TEXT]... [--json]',
  help: 'Records a national review: its name, dates and the questions it asked.',
  options: {
    name: { type: 'string' },
    opens: { type: 'string' },
    closes: { type: 'string' },
    question: { type: 'string', multiple: true },
  },
  async run({ values, deps, actor, json, print }) {
    const id = await createReview(
      deps,
      {
        name: requiredOption(values, 'name'),
        openedOn: stringOption(values.opens) ?? null,
        closesOn: stringOption(values.closes) ?? null,
        questions: Array.isArray(values.question) ? values.question : [],
      },
      actor,
    );
    print(json ? JSON.stringify({ reviewId: id }) : `Recorded review ${id}`);
    return 0;
  },
});

const returnAdd = defineRegisterCommand({
  name: 'return add',
  summary: "Record an organisation's return to a review",
  usage:
    'Usage: simwatch return add --review NAME --org CODE (--responded | --no-response)\n' +
    '                           [--responded-on DATE] [--used yes|no|unknown] [--used-from DATE]\n' +
    '                           [--used-until DATE] [--continuing FEATURE,...] [--notes TEXT] [--json]',
  help: `Records whether the organisation responded, whether it said it used SIM or a
SIM-type model and when, and which features it said continue. A second return
to the same review replaces the first (the record keeps both).

Options:
  --continuing LIST   Features said to continue: ${features.join(', ')}`,
  options: {
    review: { type: 'string' },
    org: { type: 'string' },
    responded: { type: 'boolean' },
    'no-response': { type: 'boolean' },
    'responded-on': { type: 'string' },
    used: { type: 'string' },
    'used-from': { type: 'string' },
    'used-until': { type: 'string' },
    continuing: { type: 'string', multiple: true },
    notes: { type: 'string' },
  },
  async run({ values, deps, actor, json, print }) {
    if ((values.responded === true) === (values['no-response'] === true))
      throw new SimwatchError(
        'usage',
        'Cannot record a return: give exactly one of --responded and --no-response',
      );
    const used = stringOption(values.used) ?? 'unknown';
    if (!['yes', 'no', 'unknown'].includes(used))
      throw new SimwatchError('usage', `Cannot use --used "${used}": give yes, no or unknown`);
    const id = await recordReturn(
      deps,
      {
        reviewName: requiredOption(values, 'review'),
        organisationCode: requiredOption(values, 'org'),
        responded: values.responded === true,
        respondedOn: stringOption(values['responded-on']) ?? null,
        usedModel: used === 'unknown' ? null : used === 'yes',
        usedFrom: stringOption(values['used-from']) ?? null,
        usedUntil: stringOption(values['used-until']) ?? null,
        continuingFeatures: listOption(values.continuing),
        notes: stringOption(values.notes) ?? null,
      },
      actor,
    );
    print(json ? JSON.stringify({ returnId: id }) : `Recorded return ${id}`);
    return 0;
  },
});

/** `simwatch review ...`. */
export const reviewCommand = defineCommandGroup('review', 'Record national reviews', [reviewAdd]);
/** `simwatch return ...`. */
export const returnCommand = defineCommandGroup('return', 'Record returns to reviews', [returnAdd]);
