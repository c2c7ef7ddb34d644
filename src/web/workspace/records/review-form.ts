import type { ReviewInput } from '../../../register/reviews/reviews-service.js';
import { readDateField } from '../../forms/date-input.js';
import { ErrorList, type FormResult } from '../../forms/form-errors.js';
import { textField, type FormFields } from '../../forms/form-fields.js';

const maxNameLength = 200;

/** Checks the new review form: a unique name, optional dates in order, questions one per line. */
export function parseReviewForm(
  fields: FormFields,
  context: { existingNames: readonly string[]; today: Date },
): FormResult<Required<ReviewInput>> {
  const errors = new ErrorList();
  const name = textField(fields, 'name');
  if (name === '') errors.add('name', 'Enter the name of the review');
  else if (name.length > maxNameLength)
    errors.add('name', `The name must be ${maxNameLength} characters or fewer`);
  else if (context.existingNames.some((each) => each.toLowerCase() === name.toLowerCase()))
    errors.add('name', 'There is already a review with this name: enter a different name');
  const openedOn = readDateField(
    fields,
    'openedOn',
    {
      description: 'the date the review opened',
      required: false,
      allowFuture: false,
      today: context.today,
    },
    errors,
  );
  const closesOn = readDateField(
    fields,
    'closesOn',
    {
      description: 'the date the review closes',
      required: false,
      allowFuture: true,
      today: context.today,
    },
    errors,
  );
  if (openedOn && closesOn && closesOn < openedOn)
    errors.add(
      'closesOn',
      'The date the review closes must be the same as or after the date it opened',
      '#closesOn-day',
    );
  const questions = textField(fields, 'questions')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
  return errors.result(() => ({
    name,
    openedOn: openedOn ?? null,
    closesOn: closesOn ?? null,
    questions,
  }));
}
