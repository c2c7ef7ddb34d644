import { responseLimits } from '../../../register/responses/responses-service.js';
import type { ResponseInput } from '../../../register/responses/responses-service.js';
import { parseAnswerReference } from '../../../register/responses/response.js';
import { features, type AssuranceScope } from '../../../register/status/index.js';
import { readDateField } from '../../forms/date-input.js';
import { ErrorList, type FormResult } from '../../forms/form-errors.js';
import { textField, type FormFields } from '../../forms/form-fields.js';
import { assuranceScopeLabels } from './assurance-form.js';

/** A response from the form, ready for `recordResponse` once its files are added. */
export type ResponseFormInput = Omit<ResponseInput, 'attachments'>;

/**
 * Checks the response form. An assurance is read only when "it gives an assurance" is chosen, and
 * its date from the box under the chosen scope, as on the assurance form.
 */
export function parseResponseForm(
  fields: FormFields,
  context: { organisationCodes: readonly string[]; today: Date },
): FormResult<ResponseFormInput> {
  const errors = new ErrorList();
  const organisationCode = textField(fields, 'organisation');
  if (!context.organisationCodes.includes(organisationCode))
    errors.add('organisation', 'Select the organisation the response is from');
  const responderName = textField(fields, 'responderName');
  if (responderName === '') errors.add('responderName', 'Enter the name of who sent the response');
  else if (responderName.length > responseLimits.name)
    errors.add('responderName', `The name must be ${responseLimits.name} characters or fewer`);
  const responderRole = textField(fields, 'responderRole');
  if (responderRole === '')
    errors.add('responderRole', 'Enter their role at the organisation, such as Medical Director');
  else if (responderRole.length > responseLimits.role)
    errors.add('responderRole', `The role must be ${responseLimits.role} characters or fewer`);
  const receivedOn = readDateField(
    fields,
    'receivedOn',
    {
      description: 'the date the response was received',
      required: true,
      allowFuture: false,
      today: context.today,
    },
    errors,
  );
  const answersText = textField(fields, 'answers');
  const answers = parseAnswerReference(answersText);
  if (answersText === '')
    errors.add('answers', 'Enter what the response answers, such as finding 12 or document 3');
  else if (!answers)
    errors.add(
      'answers',
      'Enter what the response answers as a kind and a number: finding 12, document 3, assurance 2 or return 1',
    );
  const text = textField(fields, 'text');
  if (text === '') errors.add('text', 'Enter what the response says');
  else if (text.length > responseLimits.text)
    errors.add('text', `What the response says must be ${responseLimits.text} characters or fewer`);

  const scopeText = textField(fields, 'assuranceScope');
  let assurance: ResponseFormInput['assurance'] = null;
  if (scopeText !== '' && scopeText !== 'none') {
    const scope = (Object.keys(assuranceScopeLabels) as AssuranceScope[]).find(
      (each) => each === scopeText,
    );
    if (scope === undefined) errors.add('assuranceScope', 'Select whether it gives an assurance');
    else if (scope === 'ended' || scope === 'will_end') {
      const name = scope === 'ended' ? 'endedOn' : 'endsOn';
      const scopeDate = readDateField(
        fields,
        name,
        {
          description: scope === 'ended' ? 'the date use ended' : 'the date use will end',
          required: true,
          allowFuture: scope === 'will_end',
          today: context.today,
        },
        errors,
      );
      assurance = { scope, scopeDate: scopeDate ?? null };
    } else if (scope === 'feature_not_used') {
      const feature = features.find((each) => each === textField(fields, 'feature'));
      if (feature === undefined) errors.add('feature', 'Select the feature they say is not used');
      assurance = { scope, feature: feature ?? null };
    } else assurance = { scope };
  }
  return errors.result(() => ({
    organisationCode,
    responderName,
    responderRole,
    receivedOn: receivedOn ?? '',
    text,
    answers: answers ?? { kind: 'document', id: 0 },
    assurance,
  }));
}
