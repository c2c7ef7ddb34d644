import type { ReturnInput } from '../../../register/reviews/reviews-service.js';
import { features } from '../../../register/status/index.js';
import { readDateField } from '../../forms/date-input.js';
import { ErrorList, type FormResult } from '../../forms/form-errors.js';
import { readOrganisationField } from '../../forms/organisation-picker.js';
import { listField, textField, type FormFields } from '../../forms/form-fields.js';

/** The answers to "Did they say they used SIM or a SIM-type model?". */
export const usedModelLabels = {
  yes: 'Yes',
  no: 'No',
  unknown: 'They did not say',
} as const;

const maxNotesLength = 20_000;

/**
 * Checks the return form and turns it into the service's input. The answers sit under "Yes, they
 * responded" (revealed when it is chosen), so they are ignored when the organisation did not
 * respond, as a person who chose "No" would expect.
 */
export function parseReturnForm(
  fields: FormFields,
  context: {
    reviews: readonly { id: number; name: string }[];
    organisationCodes: readonly string[];
    today: Date;
  },
): FormResult<ReturnInput> {
  const errors = new ErrorList();
  const reviewId = textField(fields, 'review');
  const review = context.reviews.find((each) => String(each.id) === reviewId);
  if (!review) errors.add('review', 'Select the review this return answers');
  const [organisationCode = ''] =
    readOrganisationField(
      fields,
      'organisation',
      {
        known: context.organisationCodes,
        max: 1,
        missing: 'Select the organisation that made the return',
      },
      errors,
    ) ?? [];
  const respondedText = textField(fields, 'responded');
  if (respondedText !== 'yes' && respondedText !== 'no')
    errors.add('responded', 'Select whether the organisation responded to the review');
  const responded = respondedText === 'yes';
  const dates = { required: false, today: context.today };
  let respondedOn: string | null | undefined = null;
  let usedModel: boolean | null = null;
  let usedFrom: string | null | undefined = null;
  let usedUntil: string | null | undefined = null;
  let continuingFeatures: string[] = [];
  if (responded) {
    respondedOn = readDateField(
      fields,
      'respondedOn',
      { ...dates, description: 'the date they responded', allowFuture: false },
      errors,
    );
    const used = textField(fields, 'usedModel');
    if (used !== 'yes' && used !== 'no' && used !== 'unknown')
      errors.add('usedModel', 'Select whether they said they used SIM or a SIM-type model');
    usedModel = used === 'yes' ? true : used === 'no' ? false : null;
    usedFrom = readDateField(
      fields,
      'usedFrom',
      { ...dates, description: 'the date use began', allowFuture: false },
      errors,
    );
    usedUntil = readDateField(
      fields,
      'usedUntil',
      { ...dates, description: 'the date use ended or will end', allowFuture: true },
      errors,
    );
    if (usedFrom && usedUntil && usedUntil < usedFrom)
      errors.add(
        'usedUntil',
        'The date use ended or will end must be the same as or after the date use began',
        '#usedUntil-day',
      );
    continuingFeatures = listField(fields, 'continuing');
    if (continuingFeatures.some((each) => !features.some((feature) => feature === each)))
      errors.add('continuing', 'Select only features from the list', '#continuing');
  }
  const notes = textField(fields, 'notes');
  if (notes.length > maxNotesLength)
    errors.add('notes', `Notes must be ${maxNotesLength} characters or fewer`);
  return errors.result(() => ({
    reviewName: review?.name ?? '',
    organisationCode,
    responded,
    respondedOn: respondedOn ?? null,
    usedModel,
    usedFrom: usedFrom ?? null,
    usedUntil: usedUntil ?? null,
    continuingFeatures,
    notes: notes === '' ? null : notes,
  }));
}
