import type { FastifySchemaValidationError } from 'fastify';
import { describe, expect, it } from 'vitest';

import { describeInvalidParameters } from './describe-invalid-parameters.js';

const error = (
  keyword: string,
  instancePath: string,
  params: Record<string, unknown>,
  message?: string,
): FastifySchemaValidationError => ({
  keyword,
  instancePath,
  schemaPath: '',
  params,
  ...(message === undefined ? {} : { message }),
});

describe('describeInvalidParameters()', () => {
  it.each<[string, FastifySchemaValidationError[], string]>([
    [
      'a value outside the list',
      [error('enum', '/status', { allowedValues: ['confirmed'] })],
      '"status" must be one of: confirmed',
    ],
    [
      'not a whole number',
      [error('type', '/limit', { type: 'integer' })],
      '"limit" must be a whole number',
    ],
    ['too small', [error('minimum', '/limit', { limit: 1 })], '"limit" must be at least 1'],
    ['too large', [error('maximum', '/limit', { limit: 500 })], '"limit" must be at most 500'],
    ['missing', [error('required', '', { missingProperty: 'code' })], '"code" is required'],
    [
      'anything else',
      [error('pattern', '/code', {}, 'must match pattern')],
      '"code" must match pattern',
    ],
    [
      'several, each once',
      [
        error('type', '/limit', { type: 'integer' }),
        error('type', '/limit', { type: 'integer' }),
        error('minimum', '/offset', { limit: 0 }),
      ],
      '"limit" must be a whole number; "offset" must be at least 0',
    ],
  ])('describes %s', (_name, errors, expected) => {
    expect(describeInvalidParameters(errors)).toBe(expected);
  });
});
