import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';

import type { WebConfig } from '../../config/load-config.js';
import { SimwatchError, type ErrorCode } from '../../errors.js';
import { describeUploadLimit } from '../workspace/uploads/upload-limits.js';

const statusOfCode: Partial<Record<ErrorCode, number>> = {
  invalid_input: 400,
  usage: 400,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  file_too_large: 413,
  unsupported_type: 415,
  type_mismatch: 415,
};

/** The page (or JSON, under /api/) for an address that leads nowhere. */
export function handleNotFound(request: FastifyRequest, reply: FastifyReply) {
  return answer(request, reply, 404, {
    code: 'not_found',
    title: 'Page not found',
    message:
      'If you typed the web address, check it is correct. If you pasted the web address, check you copied the entire address.',
  });
}

/**
 * Turns an error into a page people can act on. simwatch's own errors carry messages written for
 * people and are shown; anything else is logged and shown only as "there is a problem", never
 * with internal messages or stack traces.
 */
export function handleError(
  error: FastifyError,
  request: FastifyRequest,
  reply: FastifyReply,
  config: WebConfig,
) {
  if (error instanceof SimwatchError) {
    const statusCode = statusOfCode[error.code] ?? 500;
    if (statusCode === 500) request.log.error(error);
    return answer(request, reply, statusCode, {
      code: error.code,
      title: statusCode === 404 ? 'Page not found' : 'There is a problem',
      message: statusCode === 500 && config.production ? problemMessage : error.message,
    });
  }
  const statusCode = error.statusCode ?? 500;
  if (statusCode === 429)
    return answer(request, reply, 429, {
      code: 'rate_limited',
      title: 'Too many attempts',
      // A route's own limit may say more (see public-form-limit), in its own words.
      message:
        rateLimitMessageOf(error) ??
        'There have been too many attempts. Wait a minute, then try again.',
    });
  // Any other body too large is told as a file too large, in the upload limits' own words.
  const uploadLimit =
    describeUploadLimit(error.code, config.maxUploadBytes) ??
    (statusCode === 413
      ? describeUploadLimit('FST_REQ_FILE_TOO_LARGE', config.maxUploadBytes)
      : undefined);
  if (uploadLimit) return answer(request, reply, 413, uploadLimit);
  if (statusCode >= 400 && statusCode < 500)
    return answer(request, reply, statusCode, {
      code: 'bad_request',
      title: 'There is a problem with the request',
      message: 'The request could not be understood. Go back and try again.',
    });
  request.log.error(error);
  return answer(request, reply, 500, {
    code: 'internal',
    title: 'Sorry, there is a problem with the service',
    message: problemMessage,
  });
}

const problemMessage =
  'Try again later. If the problem continues, contact the people who run this service.';

function answer(
  request: FastifyRequest,
  reply: FastifyReply,
  statusCode: number,
  body: { code: string; title: string; message: string },
) {
  if (request.url.startsWith('/api/'))
    return reply.code(statusCode).send({ error: { code: body.code, message: body.message } });
  return reply.page('pages/error.njk', { title: body.title, message: body.message }, statusCode);
}

/** The message a route's rate limit gives for its page, if it gives one. */
function rateLimitMessageOf(error: unknown): string | undefined {
  const message: unknown =
    typeof error === 'object' && error !== null && 'pageMessage' in error
      ? error.pageMessage
      : undefined;
  return typeof message === 'string' ? message : undefined;
}
