import type { DocumentDetails } from '../../../register/documents/documents-repository.js';
import type { DocumentEditInput } from '../../../register/documents/edit-document.js';
import { readDateField } from '../../forms/date-input.js';
import { ErrorList, type FormResult } from '../../forms/form-errors.js';
import { readOrganisationField } from '../../forms/organisation-picker.js';
import { uploadLimits } from '../uploads/upload-limits.js';
import { textField, type FormFields } from '../../forms/form-fields.js';

const maxTitle = 300;
const maxSource = 1000;
const maxReason = 2000;

/** The correction form filled with a document's details as they stand. */
export function documentFormValues(document: DocumentDetails): FormFields {
  const [year = '', month = '', day = ''] = document.documentDate?.split('-') ?? [];
  return {
    title: document.title,
    'documentDate[day]': day.replace(/^0/, ''),
    'documentDate[month]': month.replace(/^0/, ''),
    'documentDate[year]': year,
    source: document.source ?? '',
    public: document.public ? 'yes' : 'no',
    organisations: document.organisations.map((organisation) => organisation.code),
    reason: '',
  };
}

/**
 * Reads the correction form of `document`: the details as they should be, and why. Returns the
 * correction to record (only what differs from `document`), or the mistakes in the order of the
 * fields.
 */
export function parseDocumentForm(
  fields: FormFields,
  context: { document: DocumentDetails; organisationCodes: readonly string[]; today: Date },
): FormResult<Omit<DocumentEditInput, 'documentId'>> {
  const { document } = context;
  const errors = new ErrorList();
  const title = textField(fields, 'title');
  if (title === '') errors.add('title', 'Enter the title of the document');
  else if (title.length > maxTitle)
    errors.add('title', `Enter a title of ${maxTitle} characters or fewer`);
  const documentDate = readDateField(
    fields,
    'documentDate',
    {
      description: "the document's date",
      required: false,
      allowFuture: false,
      today: context.today,
    },
    errors,
  );
  const source = textField(fields, 'source');
  if (source.length > maxSource)
    errors.add('source', `Enter a source of ${maxSource} characters or fewer`);
  const publicAnswer = textField(fields, 'public');
  if (publicAnswer !== 'yes' && publicAnswer !== 'no')
    errors.add('public', 'Choose whether anyone may download the original', '#public');
  const organisations =
    readOrganisationField(
      fields,
      'organisations',
      {
        known: context.organisationCodes,
        max: uploadLimits.organisations,
        missing: 'Choose at least one organisation',
      },
      errors,
    ) ?? [];
  const reason = textField(fields, 'reason');
  if (reason === '') errors.add('reason', 'Enter why the details are being corrected');
  else if (reason.length > maxReason)
    errors.add('reason', `Enter a reason of ${maxReason} characters or fewer`);

  const current = document.organisations.map((organisation) => organisation.code);
  const input = {
    title: title === document.title ? undefined : title,
    documentDate: documentDate === document.documentDate ? undefined : documentDate,
    source: (source || null) === document.source ? undefined : source || null,
    public: (publicAnswer === 'yes') === document.public ? undefined : publicAnswer === 'yes',
    linkOrganisationCodes: organisations.filter((code) => !current.includes(code)),
    unlinkOrganisationCodes: current.filter((code) => !organisations.includes(code)),
    reason,
  };
  const changesNothing =
    input.title === undefined &&
    input.documentDate === undefined &&
    input.source === undefined &&
    input.public === undefined &&
    input.linkOrganisationCodes.length === 0 &&
    input.unlinkOrganisationCodes.length === 0;
  if (errors.errors.length === 0 && changesNothing)
    errors.add('title', 'Change at least one detail: the form shows the details as they are');
  return errors.result(() => input);
}
