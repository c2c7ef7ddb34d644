import { formatSize } from '../../../extract/format-size.js';

/**
 * How much one upload may hold. The form's only repeated field is its organisations, so the
 * multipart field limit is the organisations allowed plus room for the form's other fields.
 */
export const uploadLimits = { files: 20, organisations: 200, otherFields: 20 } as const;

/** The limits @fastify/multipart enforces while it reads an upload. */
export function multipartLimits(maxUploadBytes: number) {
  return {
    fileSize: maxUploadBytes,
    files: uploadLimits.files,
    fields: uploadLimits.organisations + uploadLimits.otherFields,
    fieldSize: 100_000,
  };
}

/**
 * The page to show when an upload broke one of those limits (by @fastify/multipart's error
 * code), or undefined for any other error. Each limit gets its own message.
 */
export function describeUploadLimit(
  code: string | undefined,
  maxUploadBytes: number,
): { code: string; title: string; message: string } | undefined {
  const back = 'Go back to the upload form and try again.';
  switch (code) {
    case 'FST_FILES_LIMIT':
      return {
        code: 'too_many_files',
        title: 'Too many files',
        message: `Upload ${uploadLimits.files} files or fewer at a time. ${back}`,
      };
    case 'FST_FIELDS_LIMIT':
      return {
        code: 'too_many_organisations',
        title: 'Too many organisations',
        message: `Choose ${uploadLimits.organisations} organisations or fewer for one upload. ${back}`,
      };
    case 'FST_REQ_FILE_TOO_LARGE':
      return {
        code: 'file_too_large',
        title: 'The file is too large',
        message: `Each file must be smaller than ${formatSize(maxUploadBytes)}. ${back}`,
      };
    default:
      return undefined;
  }
}
