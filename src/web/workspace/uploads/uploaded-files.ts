import { createWriteStream } from 'node:fs';
import { open, unlink } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';

import type { MultipartFile } from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';

import { newStagedPath } from './stage-upload.js';

/** A file sent in a multipart form, written as it arrived to the uploads folder. */
export interface UploadedFile {
  fileName: string;
  /** Where it is staged; removed when the request ends unless claimed by `keepUploadedFile`. */
  path: string;
  size: number;
}

interface StagedPart extends UploadedFile {
  fieldName: string;
  kept: boolean;
}

const stagedParts = new WeakMap<FastifyRequest, StagedPart[]>();

/**
 * @fastify/multipart's `onFile` handler: streams each file part straight to a new file in the
 * uploads folder, so an upload's memory does not grow with its size. A part larger than the limit
 * fails the request with multipart's own error (which the error page names), and its partial file
 * is removed with the request's others by `removeUnkeptUploads`.
 */
export function stageFileParts(uploadsDir: string) {
  return async function stageFilePart(this: FastifyRequest, part: MultipartFile): Promise<void> {
    // Browsers send an empty part, with no name, when no file was chosen.
    if (part.filename === '') {
      part.file.resume();
      return;
    }
    const path = await newStagedPath(uploadsDir);
    const staged = {
      fieldName: part.fieldname,
      fileName: part.filename,
      path,
      size: 0,
      kept: false,
    };
    // Known before the first byte is written, so a failed request leaves no partial file.
    stagedParts.set(this, [...(stagedParts.get(this) ?? []), staged]);
    const file = createWriteStream(path, { flags: 'wx', mode: 0o600 });
    await pipeline(part.file, file);
    staged.size = file.bytesWritten;
    if (part.file.truncated) throw new this.server.multipartErrors.RequestFileTooLargeError();
  };
}

/**
 * The files sent in a multipart form's field, in the order sent. Only a multipart request's own
 * file parts count: nothing in a url-encoded body can pose as a file.
 */
export function uploadedFiles(request: FastifyRequest, name: string): UploadedFile[] {
  return (stagedParts.get(request) ?? [])
    .filter((part) => part.fieldName === name)
    .map(({ fileName, path, size }) => ({ fileName, path, size }));
}

/** Leaves a staged file in place when the request ends: something else now owns it. */
export function keepUploadedFile(request: FastifyRequest, file: UploadedFile): void {
  for (const part of stagedParts.get(request) ?? []) if (part.path === file.path) part.kept = true;
}

/**
 * Removes the files a request staged and did not keep: refused forms, failed CSRF checks,
 * files too large, requests broken off. A hook for `onResponse` and `onRequestAbort`.
 */
export async function removeUnkeptUploads(request: FastifyRequest): Promise<void> {
  const parts = stagedParts.get(request);
  if (!parts) return;
  stagedParts.delete(request);
  await Promise.all(
    parts.filter((part) => !part.kept).map((part) => unlink(part.path).catch(() => undefined)),
  );
}

/**
 * The first bytes of an uploaded file, enough to tell its type, and whether they are all of it
 * (a check of the whole content, such as for an empty file, means something only then).
 */
export async function readUploadedHead(
  file: UploadedFile,
  maxBytes = 1024 * 1024,
): Promise<{ bytes: Buffer; whole: boolean }> {
  const handle = await open(file.path, 'r');
  try {
    const buffer = Buffer.alloc(Math.min(maxBytes, file.size));
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    return { bytes: buffer.subarray(0, bytesRead), whole: bytesRead === file.size };
  } finally {
    await handle.close();
  }
}
