import {
  organisationKinds,
  type Organisation,
  type OrganisationInput,
} from '../../../register/organisations/organisation.js';
import { ErrorList, type FormResult } from '../../forms/form-errors.js';
import { textField, type FormFields } from '../../forms/form-fields.js';

/** Codes as the reference lists use them (ODS codes, police force ids, slugs). */
const codePattern = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
const limits = { name: 200, region: 100, sourceUrl: 1_000 } as const;

/**
 * Checks the add or edit organisation form. Adding needs a new code; editing keeps the code and
 * the former names (the service adds the old name to them when the name changes). A region or
 * source address once recorded can be changed but not removed, as the register's import keeps
 * the recorded value when none is given.
 */
export function parseOrganisationForm(
  fields: FormFields,
  context:
    { adding: true; existingCodes: readonly string[] } | { adding: false; current: Organisation },
): FormResult<OrganisationInput> {
  const errors = new ErrorList();
  let code = '';
  if (context.adding) {
    code = textField(fields, 'code');
    if (code === '') errors.add('code', 'Enter the organisation’s code');
    else if (!codePattern.test(code))
      errors.add(
        'code',
        'The code must be up to 64 letters, numbers, dots, hyphens or underscores, starting with a letter or number',
      );
    else if (context.existingCodes.some((each) => each.toLowerCase() === code.toLowerCase()))
      errors.add('code', 'There is already an organisation with this code');
  } else code = context.current.code;
  const name = textField(fields, 'name');
  if (name === '') errors.add('name', 'Enter the organisation’s name');
  else if (name.length > limits.name)
    errors.add('name', `The name must be ${limits.name} characters or fewer`);
  const kindText = textField(fields, 'kind');
  const kind = organisationKinds.find((each) => each === kindText);
  if (kind === undefined) errors.add('kind', 'Select the kind of organisation');
  const region = textField(fields, 'region');
  if (region.length > limits.region)
    errors.add('region', `The region must be ${limits.region} characters or fewer`);
  else if (region === '' && !context.adding && context.current.region !== null)
    errors.add('region', 'Enter the region: a recorded region can be changed but not removed');
  const sourceUrl = textField(fields, 'sourceUrl');
  if (sourceUrl !== '' && (!isWebAddress(sourceUrl) || sourceUrl.length > limits.sourceUrl))
    errors.add('sourceUrl', 'Enter a web address starting with https:// or http://');
  else if (sourceUrl === '' && !context.adding && context.current.sourceUrl !== null)
    errors.add(
      'sourceUrl',
      'Enter the web address: a recorded web address can be changed but not removed',
    );
  return errors.result(() => ({
    code,
    name,
    kind: kind ?? 'other',
    region: region === '' ? null : region,
    formerNames: [],
    sourceUrl: sourceUrl === '' ? null : sourceUrl,
  }));
}

/** True for an absolute http or https address. */
export function isWebAddress(text: string): boolean {
  if (!/^https?:\/\//i.test(text)) return false;
  try {
    return new URL(text).hostname !== '';
  } catch {
    return false;
  }
}
