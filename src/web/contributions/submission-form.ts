import { ErrorList, type FormResult } from '../forms/form-errors.js';
import { textField, type FormFields } from '../forms/form-fields.js';
import { httpUrlOrNull } from '../render/http-url.js';
import { contributionLimits } from './correction-form.js';

/** A submission from the public form: a document (with its file) or a tip. */
export interface SubmissionFormInput {
  kind: 'document' | 'tip';
  organisationCode: string | null;
  text: string;
  url: string | null;
}

/**
 * Checks the submission form. A document needs its file and the organisation it is about (it is
 * filed under it once a reviewer accepts it); a tip needs its text, and may name an organisation
 * and give a web address.
 */
export function parseSubmissionForm(
  fields: FormFields,
  context: { organisationCodes: readonly string[]; fileCount: number },
): FormResult<SubmissionFormInput> {
  const errors = new ErrorList();
  const kindText = textField(fields, 'kind');
  const kind = kindText === 'document' || kindText === 'tip' ? kindText : undefined;
  if (kind === undefined)
    errors.add('kind', 'Select whether you are sending a document or a tip', '#kind');
  const organisationCode = textField(fields, 'organisation');
  if (organisationCode !== '' && !context.organisationCodes.includes(organisationCode))
    errors.add('organisation', 'Select an organisation from the list');
  else if (organisationCode === '' && kind === 'document')
    errors.add('organisation', 'Select the organisation the document is about');
  if (kind === 'document' && context.fileCount === 0)
    errors.add('document', 'Choose the file to send');
  if (kind === 'document' && context.fileCount > 1)
    errors.add('document', 'Choose one file at a time');
  const text = textField(fields, 'text');
  if (text === '' && kind === 'tip') errors.add('text', 'Enter your tip');
  else if (text.length > contributionLimits.text)
    errors.add('text', `What you write must be ${contributionLimits.text} characters or fewer`);
  const urlText = textField(fields, 'url');
  const url = urlText === '' ? null : httpUrlOrNull(urlText);
  if (urlText !== '' && (url === null || urlText.length > contributionLimits.page))
    errors.add('url', 'Enter a web address starting with https:// or http://');
  return errors.result(() => ({
    kind: kind ?? 'tip',
    organisationCode: organisationCode === '' ? null : organisationCode,
    text,
    url,
  }));
}
