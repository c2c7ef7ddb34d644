import type { UploadJob } from '../../../uploads/upload-jobs-repository.js';
import { readDateField } from '../../forms/date-input.js';
import { ErrorList, type FormResult } from '../../forms/form-errors.js';
import { textField, type FormFields } from '../../forms/form-fields.js';
import { dateFromFileName, titleFromFileName } from './file-name-details.js';

const maxTitle = 300;

/** One file's title and date, as the second step of a batch upload records them. */
export interface FileDetails {
  id: string;
  title: string;
  documentDate: string | null;
}

/**
 * The second step's fields for `jobs`, filled as suggested: each title from its file name, each
 * date as given for the whole batch or else from the file name. File `n` (from 1) has fields
 * `title-n` and `documentDate-n[day|month|year]`, and `job` repeats each id in order.
 */
export function batchDetailsValues(jobs: readonly UploadJob[], today: Date): FormFields {
  const fields: Record<string, string | string[]> = { job: jobs.map((job) => job.id) };
  jobs.forEach((job, index) => {
    const n = index + 1;
    const date = job.details.documentDate ?? dateFromFileName(job.fileName, today);
    const [year = '', month = '', day = ''] = date?.split('-') ?? [];
    fields[`title-${n}`] = job.details.title ?? titleFromFileName(job.fileName);
    fields[`documentDate-${n}[day]`] = day.replace(/^0/, '');
    fields[`documentDate-${n}[month]`] = month.replace(/^0/, '');
    fields[`documentDate-${n}[year]`] = year;
  });
  return fields;
}

/** Reads each file's title (required) and date (optional, not in the future). */
export function parseBatchDetailsForm(
  fields: FormFields,
  context: { jobs: readonly UploadJob[]; today: Date },
): FormResult<FileDetails[]> {
  const errors = new ErrorList();
  const details = context.jobs.map((job, index) => {
    const n = index + 1;
    const title = textField(fields, `title-${n}`);
    if (title === '') errors.add(`title-${n}`, `Enter a title for ${job.fileName}`);
    else if (title.length > maxTitle)
      errors.add(
        `title-${n}`,
        `Enter a title of ${maxTitle} characters or fewer for ${job.fileName}`,
      );
    const documentDate = readDateField(
      fields,
      `documentDate-${n}`,
      {
        description: `the date of ${job.fileName}`,
        required: false,
        allowFuture: false,
        today: context.today,
      },
      errors,
    );
    return { id: job.id, title, documentDate: documentDate ?? null };
  });
  return errors.result(() => details);
}
