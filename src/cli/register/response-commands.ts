import { basename, resolve } from 'node:path';

import { SimwatchError } from '../../errors.js';
import { assuranceScopes } from '../../register/assurances/assurances-service.js';
import { parseAnswerReference } from '../../register/responses/response.js';
import { recordResponse } from '../../register/responses/responses-service.js';
import { features } from '../../register/status/register-facts.js';
import {
  defineCommandGroup,
  defineRegisterCommand,
  listOption,
  requiredOption,
  stringOption,
} from './define-register-command.js';

const addCommand = defineRegisterCommand({
  name: 'response add',
  summary: "Record an organisation's response to evidence about it",
  usage:
    'Usage: simwatch response add --org CODE --from NAME --role ROLE --received YYYY-MM-DD\n' +
    '                             --answers KIND:ID --text TEXT [--attach FILE]...\n' +
    '                             [--assurance SCOPE [--scope-date YYYY-MM-DD] [--feature FEATURE]]\n' +
    '                             [--json]',
  help: `Records an organisation's response (its right of reply), shown beside the evidence
it answers on the organisation's page and the document's page.

Options:
  --answers KIND:ID    What it answers: finding:ID (a confirmed finding), document:ID,
                       assurance:ID or return:ID, of the same organisation
  --attach FILE        A file it came with, ingested as a document of the organisation
                       (repeat for several)
  --assurance SCOPE    When the response gives an assurance, counted in the status rules:
                       ${assuranceScopes.join(', ')}
  --scope-date DATE    The date use ended (ended) or will end (will_end)
  --feature FEATURE    For feature_not_used: ${features.join(', ')}`,
  options: {
    org: { type: 'string' },
    from: { type: 'string' },
    role: { type: 'string' },
    received: { type: 'string' },
    answers: { type: 'string' },
    text: { type: 'string' },
    attach: { type: 'string', multiple: true },
    assurance: { type: 'string' },
    'scope-date': { type: 'string' },
    feature: { type: 'string' },
  },
  fields: {
    responderName: '--from NAME',
    responderRole: '--role ROLE',
    receivedOn: '--received YYYY-MM-DD',
    text: '--text TEXT',
    answers: '--answers KIND:ID',
    scope: '--assurance SCOPE',
    scopeDate: '--scope-date YYYY-MM-DD',
    feature: '--feature FEATURE',
  },
  async run({ values, deps, actor, json, print }) {
    const answersText = requiredOption(values, 'answers');
    const answers = parseAnswerReference(answersText);
    if (!answers)
      throw new SimwatchError(
        'usage',
        `Cannot use --answers "${answersText}": give a kind and an id, such as finding:12`,
      );
    const scope = stringOption(values.assurance);
    const recorded = await recordResponse(
      deps,
      {
        organisationCode: requiredOption(values, 'org'),
        responderName: requiredOption(values, 'from'),
        responderRole: requiredOption(values, 'role'),
        receivedOn: requiredOption(values, 'received'),
        text: requiredOption(values, 'text'),
        answers,
        attachments: listOption(values.attach).map((path) => ({
          path: resolve(path),
          fileName: basename(path),
        })),
        assurance:
          scope === undefined
            ? null
            : {
                scope,
                scopeDate: stringOption(values['scope-date']) ?? null,
                feature: stringOption(values.feature) ?? null,
              },
      },
      actor,
    );
    print(
      json
        ? JSON.stringify(recorded)
        : `Recorded response ${recorded.responseId}` +
            (recorded.documentIds.length > 0
              ? ` with document${recorded.documentIds.length === 1 ? '' : 's'} ${recorded.documentIds.join(', ')}`
              : '') +
            (recorded.assuranceId === null ? '' : ` and assurance ${recorded.assuranceId}`),
    );
    return 0;
  },
});

/** `simwatch response ...`. */
export const responseCommand = defineCommandGroup('response', "Record organisations' responses", [
  addCommand,
]);
