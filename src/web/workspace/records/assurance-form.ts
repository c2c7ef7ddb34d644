import type { AssuranceInput } from '../../../register/assurances/assurances-service.js';
import { features, type AssuranceScope, type Feature } from '../../../register/status/index.js';
import { readDateField } from '../../forms/date-input.js';
import { ErrorList, type FormResult } from '../../forms/form-errors.js';
import { readOrganisationField } from '../../forms/organisation-picker.js';
import { textField, type FormFields } from '../../forms/form-fields.js';

/** What each scope of assurance says, as the form offers it. */
export const assuranceScopeLabels: Readonly<Record<AssuranceScope, string>> = {
  never_used: 'They have never used SIM or a SIM-type model',
  ended: 'They used it, and that use has ended',
  will_end: 'They use it, and that use will end',
  feature_not_used: 'They do not use one of its features',
};

/** The longest text the form accepts in each field (far above any real assurance). */
const limits = { givenBy: 200, text: 20_000, source: 1_000 } as const;

/** An assurance from the form, ready for `recordAssurance`. */
export type AssuranceFormInput = AssuranceInput & {
  scope: AssuranceScope;
  sourceDocumentId: number | null;
};

/**
 * Checks the assurance form and turns it into the service's input. A scope date is read from the
 * box under the chosen scope (`endedOn` or `endsOn`), so the other, hidden one is ignored.
 */
export function parseAssuranceForm(
  fields: FormFields,
  context: { organisationCodes: readonly string[]; today: Date },
): FormResult<AssuranceFormInput> {
  const errors = new ErrorList();
  const [organisationCode = ''] =
    readOrganisationField(
      fields,
      'organisation',
      {
        known: context.organisationCodes,
        max: 1,
        missing: 'Select the organisation that gave the assurance',
      },
      errors,
    ) ?? [];
  const givenOn = readDateField(
    fields,
    'givenOn',
    {
      description: 'the date the assurance was given',
      required: true,
      allowFuture: false,
      today: context.today,
    },
    errors,
  );
  const givenBy = textField(fields, 'givenBy');
  if (givenBy === '') errors.add('givenBy', 'Enter who gave the assurance');
  else if (givenBy.length > limits.givenBy)
    errors.add('givenBy', `Who gave the assurance must be ${limits.givenBy} characters or fewer`);
  const scopeText = textField(fields, 'scope');
  const scope = (Object.keys(assuranceScopeLabels) as AssuranceScope[]).find(
    (each) => each === scopeText,
  );
  let scopeDate: string | null | undefined = null;
  let feature: Feature | undefined;
  if (scope === undefined) errors.add('scope', 'Select what the assurance says');
  else if (scope === 'ended')
    scopeDate = readDateField(
      fields,
      'endedOn',
      {
        description: 'the date use ended',
        required: true,
        allowFuture: false,
        today: context.today,
      },
      errors,
    );
  else if (scope === 'will_end')
    scopeDate = readDateField(
      fields,
      'endsOn',
      {
        description: 'the date use will end',
        required: true,
        allowFuture: true,
        today: context.today,
      },
      errors,
    );
  else if (scope === 'feature_not_used') {
    const featureText = textField(fields, 'feature');
    feature = features.find((each) => each === featureText);
    if (feature === undefined) errors.add('feature', 'Select the feature they say is not used');
  }
  const text = textField(fields, 'text');
  if (text === '') errors.add('text', 'Enter what the assurance says');
  else if (text.length > limits.text)
    errors.add('text', `What the assurance says must be ${limits.text} characters or fewer`);
  const source = textField(fields, 'source');
  const documentText = textField(fields, 'sourceDocument');
  let sourceDocumentId: number | null = null;
  if (source.length > limits.source)
    errors.add('source', `Where it can be read must be ${limits.source} characters or fewer`);
  if (documentText !== '') {
    sourceDocumentId = /^\d{1,9}$/.test(documentText) ? Number(documentText) : null;
    if (sourceDocumentId === null || sourceDocumentId === 0)
      errors.add('sourceDocument', 'Enter the document number as a whole number, like 12');
  } else if (source === '')
    errors.add(
      'source',
      'Enter where the assurance can be read, or the number of a document in the register',
    );
  return errors.result(() => ({
    organisationCode,
    givenOn: givenOn ?? '',
    givenBy,
    scope: scope ?? 'never_used',
    scopeDate: scopeDate ?? null,
    feature: feature ?? null,
    text,
    sourceDocumentId,
    source: source === '' ? null : source,
  }));
}
