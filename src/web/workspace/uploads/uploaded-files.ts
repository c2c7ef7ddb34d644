import type { FastifyRequest } from 'fastify';

/** A file sent in a multipart form, read into memory by @fastify/multipart. */
export interface UploadedFile {
  fileName: string;
  bytes: Buffer;
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
