/** The formats the register stores (see extract/extracted-document), in words. */
export const formatNames: Readonly<Record<string, string>> = {
  pdf: 'PDF',
  docx: 'Word document',
  html: 'Web page (HTML)',
  text: 'Plain text',
  markdown: 'Markdown text',
  email: 'Email',
  zip: 'ZIP archive',
};

const contentTypes: Readonly<Record<string, string>> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  html: 'text/html; charset=utf-8',
  text: 'text/plain',
  markdown: 'text/markdown',
  email: 'message/rfc822',
  zip: 'application/zip',
};

const extensions: Readonly<Record<string, string>> = {
  pdf: '.pdf',
  docx: '.docx',
  html: '.html',
  text: '.txt',
  markdown: '.md',
  email: '.eml',
  zip: '.zip',
};

/**
 * The Content-Type to send an original with. The register stores the format it detected from
 * the content (`pdf`, `text`...); a stored value that is already a media type is kept, and
 * anything else is sent as bytes to save.
 */
export function contentTypeOf(stored: string): string {
  const known = contentTypes[stored];
  if (known) return known;
  return /^[a-z]+\/[a-z0-9.+-]+$/i.test(stored) ? stored : 'application/octet-stream';
}

/**
 * A file name that is safe in a Content-Disposition header and on any file system: letters,
 * digits, dots, hyphens and underscores only, no leading dot, at most 100 characters, with the
 * format's extension. Falls back to `document-ID`.
 */
export function downloadFileName(document: {
  id: number;
  fileName: string | null;
  mediaType: string;
}): string {
  const extension = extensions[document.mediaType] ?? '';
  const base = (document.fileName ?? '')
    .replace(/^.*[\\/]/, '')
    .replace(/\.[A-Za-z0-9]{1,5}$/, '')
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^[.-]+|[.-]+$/g, '')
    .slice(0, 100 - extension.length);
  return `${base === '' ? `document-${document.id}` : base}${extension}`;
}
