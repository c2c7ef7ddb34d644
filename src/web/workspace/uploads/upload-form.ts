import { documentKinds } from '../../../register/documents/document.js';
import type { UploadDetails } from '../../../uploads/upload-jobs-repository.js';
import type { FormError } from '../../forms/form-errors.js';
import { parseDateParts, type DateParts } from '../../forms/date-input.js';
import { checkOrganisationChoice } from '../../forms/organisation-picker.js';
import { uploadLimits } from './upload-limits.js';

/** The upload form's fields as sent, kept to show the form again after a mistake. */
export interface UploadFormValues {
  title: string;
  docType: string;
  organisations: string[];
  /** The date input's boxes, sent as `documentDate[day]`, `documentDate[month]`, `documentDate[year]`. */
  documentDate: DateParts;
  source: string;
  obtained: string;
  /** "yes", "no", or "" when not answered. */
  public: string;
}

const maxTitle = 300;
const maxText = 1000;

/**
 * Checks the upload form against the number of files sent, the organisations that exist and
 * today's date. Returns the details to record, or the mistakes in the order of the fields.
 */
export function checkUploadForm(
  values: UploadFormValues,
  context: { fileCount: number; organisationCodes: ReadonlySet<string>; today: Date },
): { details: UploadDetails; errors: [] } | { details: undefined; errors: FormError[] } {
  const errors: FormError[] = [];
  if (context.fileCount === 0)
    errors.push({ text: 'Choose a document to upload', href: '#documents' });
  const docType = documentKinds.find((kind) => kind === values.docType);
  if (docType === undefined) errors.push({ text: 'Choose the type of document', href: '#docType' });
  const organisations = checkOrganisationChoice(values.organisations, {
    known: context.organisationCodes,
    max: uploadLimits.organisations,
    missing: 'Choose at least one organisation',
  });
  if (!organisations.ok) errors.push({ text: organisations.text, href: '#organisations' });
  const title = values.title.trim();
  if (title !== '' && context.fileCount > 1)
    errors.push({
      text: 'Leave the title empty when you upload more than one document: each takes its title from its file name',
      href: '#title',
    });
  else if (title.length > maxTitle)
    errors.push({ text: `Enter a title of ${maxTitle} characters or fewer`, href: '#title' });
  const date = parseDateParts(values.documentDate, {
    description: "the document's date",
    required: false,
    allowFuture: false,
    today: context.today,
  });
  if (!date.ok) errors.push({ text: date.text, href: `#documentDate-${date.part}` });
  if (values.source.trim().length > maxText)
    errors.push({ text: `Enter a source of ${maxText} characters or fewer`, href: '#source' });
  if (values.obtained.trim().length > maxText)
    errors.push({
      text: `Enter how it was obtained in ${maxText} characters or fewer`,
      href: '#obtained',
    });
  if (values.public !== 'yes' && values.public !== 'no')
    errors.push({
      text: 'Choose whether anyone may download the original',
      href: '#public',
    });
  if (errors.length > 0 || docType === undefined || !date.ok || !organisations.ok)
    return { details: undefined, errors };
  return {
    details: {
      title: title === '' ? null : title,
      docType,
      organisationCodes: organisations.codes,
      documentDate: date.date,
      source: values.source.trim() || null,
      obtained: values.obtained.trim() || null,
      public: values.public === 'yes',
    },
    errors: [],
  };
}
