import { assuranceScopes, recordAssurance } from '../../register/assurances/assurances-service.js';
import { features } from '../../register/status/register-facts.js';
import {
  defineCommandGroup,
  defineRegisterCommand,
  requiredOption,
  stringOption,
  wholeNumber,
} from './define-register-command.js';

const addCommand = defineRegisterCommand({
  name: 'assurance add',
  summary: 'Record an assurance an organisation gave',
  usage:
    'Usage: simwatch assurance add --org CODE --date YYYY-MM-DD --given-by WHO --scope SCOPE\n' +
    '                              --text TEXT (--document ID | --source URL_OR_REF)\n' +
    '                              [--scope-date YYYY-MM-DD] [--feature FEATURE] [--json]',
  help: `Records what an organisation assured, when and who said it, and where it can be read.

Options:
  --scope SCOPE        ${assuranceScopes.join(', ')}
  --scope-date DATE    The date use ended (ended) or will end (will_end)
  --feature FEATURE    For feature_not_used: ${features.join(', ')}
  --document ID        The register's document that records it, or
  --source TEXT        a URL or reference where it can be read (one is required)`,
  options: {
    org: { type: 'string' },
    date: { type: 'string' },
    'given-by': { type: 'string' },
    scope: { type: 'string' },
    'scope-date': { type: 'string' },
    feature: { type: 'string' },
    text: { type: 'string' },
    document: { type: 'string' },
    source: { type: 'string' },
  },
  fields: {
    scope: '--scope SCOPE',
    givenOn: '--date YYYY-MM-DD',
    scopeDate: '--scope-date YYYY-MM-DD',
    feature: '--feature FEATURE',
    text: '--text TEXT',
    givenBy: '--given-by WHO',
    source: '--document ID or --source URL_OR_REFERENCE',
  },
  async run({ values, deps, actor, json, print }) {
    const documentText = stringOption(values.document);
    const id = await recordAssurance(
      deps,
      {
        organisationCode: requiredOption(values, 'org'),
        givenOn: requiredOption(values, 'date'),
        givenBy: requiredOption(values, 'given-by'),
        scope: requiredOption(values, 'scope'),
        scopeDate: stringOption(values['scope-date']) ?? null,
        feature: stringOption(values.feature) ?? null,
        text: requiredOption(values, 'text'),
        sourceDocumentId: documentText ? wholeNumber(documentText, 'the document id') : null,
        source: stringOption(values.source) ?? null,
      },
      actor,
    );
    print(json ? JSON.stringify({ assuranceId: id }) : `Recorded assurance ${id}`);
    return 0;
  },
});

/** `simwatch assurance ...`. */
export const assuranceCommand = defineCommandGroup('assurance', 'Record assurances', [addCommand]);
