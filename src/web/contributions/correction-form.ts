import { ErrorList, type FormResult } from '../forms/form-errors.js';
import { textField, type FormFields } from '../forms/form-fields.js';

/** The longest each field of the public forms may be. */
export const contributionLimits = { page: 500, text: 10_000, name: 200, email: 320 } as const;

/** A correction from the form. */
export interface CorrectionFormInput {
  page: string;
  problem: string;
  senderName: string | null;
  senderEmail: string | null;
}

/** Checks the corrections form: what is wrong where, and an optional name and email. */
export function parseCorrectionForm(fields: FormFields): FormResult<CorrectionFormInput> {
  const errors = new ErrorList();
  const page = textField(fields, 'page');
  if (page === '') errors.add('page', 'Enter the page or the evidence that is wrong');
  else if (page.length > contributionLimits.page)
    errors.add('page', `The page must be ${contributionLimits.page} characters or fewer`);
  const problem = textField(fields, 'problem');
  if (problem === '') errors.add('problem', 'Enter what is wrong');
  else if (problem.length > contributionLimits.text)
    errors.add('problem', `What is wrong must be ${contributionLimits.text} characters or fewer`);
  const contact = readContact(fields, errors);
  return errors.result(() => ({ page, problem, ...contact }));
}

/** The optional name and email of someone who wants a reply. */
export function readContact(
  fields: FormFields,
  errors: ErrorList,
): { senderName: string | null; senderEmail: string | null } {
  const name = textField(fields, 'name');
  if (name.length > contributionLimits.name)
    errors.add('name', `Your name must be ${contributionLimits.name} characters or fewer`);
  const email = textField(fields, 'email');
  if (
    email !== '' &&
    (email.length > contributionLimits.email || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email))
  )
    errors.add('email', 'Enter an email address in the correct format, like name@example.com');
  return { senderName: name === '' ? null : name, senderEmail: email === '' ? null : email };
}
