import type { FastifyRequest } from 'fastify';

/** A text field of a form body (url-encoded, or multipart with its fields attached). */
export function formField(body: unknown, name: string): string | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const value = (body as Record<string, unknown>)[name];
  if (typeof value === 'string') return value;
  if (typeof value === 'object' && value !== null && 'value' in value) {
    const inner = value.value;
    return typeof inner === 'string' ? inner : undefined;
  }
  return undefined;
}

/** A file sent in a multipart form, read into memory by @fastify/multipart. */
export interface UploadedFile {
  fileName: string;
  bytes: Buffer;
}

/** Every value of a text field that may be repeated (checkboxes), url-encoded or multipart. */
export function formFields(body: unknown, name: string): string[] {
  if (typeof body !== 'object' || body === null) return [];
  const value = (body as Record<string, unknown>)[name];
  const values = Array.isArray(value) ? (value as unknown[]) : [value];
  return values.flatMap((each) => {
    const text = formField({ [name]: each }, name);
    return text === undefined ? [] : [text];
  });
}

/**
 * The files sent in a multipart form's field, skipping the empty part browsers send when no file
 * was chosen. Only a multipart request's own file parts count: nothing in a url-encoded body
 * can pose as a file.
 */
export async function uploadedFiles(
  request: FastifyRequest,
  name: string,
): Promise<UploadedFile[]> {
  if (!request.isMultipart() || typeof request.body !== 'object' || request.body === null)
    return [];
  const value = (request.body as Record<string, unknown>)[name];
  const parts = Array.isArray(value) ? (value as unknown[]) : [value];
  const files: UploadedFile[] = [];
  for (const part of parts) {
    if (!isFilePart(part) || part.filename === '') continue;
    files.push({ fileName: part.filename, bytes: await part.toBuffer() });
  }
  return files;
}

function isFilePart(
  value: unknown,
): value is { type: 'file'; filename: string; toBuffer(): Promise<Buffer> } {
  return (
    typeof value === 'object' &&
    value !== null &&
    'type' in value &&
    value.type === 'file' &&
    'filename' in value &&
    typeof value.filename === 'string' &&
    'toBuffer' in value &&
    typeof value.toBuffer === 'function'
  );
}
