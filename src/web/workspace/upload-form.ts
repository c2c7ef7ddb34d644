import { documentKinds, type DocumentKind } from '../../register/documents/document.js';
import type { FormError } from '../render/form-errors.js';

/** What a reviewer says about the documents they upload, as the upload queue ingests them. */
export interface UploadDetails {
  /** Only for a single file; several files take their titles from their names. */
  title: string | null;
  docType: DocumentKind;
  organisationCodes: string[];
  documentDate: string | null;
  source: string | null;
  obtained: string | null;
  /** Whether anyone may download the original. */
  public: boolean;
}

/** The upload form's fields as sent, kept to show the form again after a mistake. */
export interface UploadFormValues {
  title: string;
  docType: string;
  organisations: string[];
  day: string;
  month: string;
  year: string;
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
  const organisationCodes = [...new Set(values.organisations.map((code) => code.trim()))].filter(
    (code) => code !== '',
  );
  if (organisationCodes.length === 0)
    errors.push({ text: 'Choose at least one organisation', href: '#organisations' });
  else if (organisationCodes.some((code) => !context.organisationCodes.has(code)))
    errors.push({ text: 'Choose organisations from the list', href: '#organisations' });
  const title = values.title.trim();
  if (title !== '' && context.fileCount > 1)
    errors.push({
      text: 'Leave the title empty when you upload more than one document: each takes its title from its file name',
      href: '#title',
    });
  else if (title.length > maxTitle)
    errors.push({ text: `Enter a title of ${maxTitle} characters or fewer`, href: '#title' });
  const date = checkDateParts(values, context.today);
  if ('error' in date) errors.push(date.error);
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
  if (errors.length > 0 || docType === undefined || 'error' in date)
    return { details: undefined, errors };
  return {
    details: {
      title: title === '' ? null : title,
      docType,
      organisationCodes,
      documentDate: date.iso,
      source: values.source.trim() || null,
      obtained: values.obtained.trim() || null,
      public: values.public === 'yes',
    },
    errors: [],
  };
}

/** The date from its day, month and year fields: ISO text, null when all are empty, or a mistake. */
function checkDateParts(
  values: UploadFormValues,
  today: Date,
): { iso: string | null } | { error: FormError } {
  const parts = [values.day, values.month, values.year].map((part) => part.trim());
  const [day, month, year] = parts;
  if (parts.every((part) => part === '')) return { iso: null };
  const href = '#documentDate-day';
  if (
    !day ||
    !month ||
    !year ||
    !parts.every((part) => /^\d{1,4}$/.test(part)) ||
    year.length !== 4
  )
    return {
      error: {
        text: "Enter the document's date as a day, month and year, for example 31 3 2024",
        href,
      },
    };
  const iso = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
  const date = new Date(`${iso}T00:00:00Z`);
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== iso)
    return { error: { text: "The document's date must be a real date", href } };
  if (iso > today.toISOString().slice(0, 10))
    return { error: { text: "The document's date must be today or in the past", href } };
  return { iso };
}
