import type { FastifySchemaValidationError } from 'fastify';

/**
 * Says in words which parameters of a request broke their schema, such as `"limit" must be at
 * most 500`, so an API user learns what to send instead of a generic "bad request".
 */
export function describeInvalidParameters(errors: readonly FastifySchemaValidationError[]): string {
  const lines = errors.map((error) => {
    const name = error.instancePath.replace(/^\//, '') || String(error.params.missingProperty);
    const { params } = error;
    switch (error.keyword) {
      case 'enum':
        return `"${name}" must be one of: ${listOf(params.allowedValues)}`;
      case 'type':
        return `"${name}" must be ${params.type === 'integer' ? 'a whole number' : `of type ${String(params.type)}`}`;
      case 'minimum':
        return `"${name}" must be at least ${String(params.limit)}`;
      case 'maximum':
        return `"${name}" must be at most ${String(params.limit)}`;
      case 'required':
        return `"${name}" is required`;
      default:
        return `"${name}" ${error.message ?? 'is not valid'}`;
    }
  });
  return [...new Set(lines)].join('; ');
}

function listOf(values: unknown): string {
  return Array.isArray(values) ? values.map(String).join(', ') : String(values);
}
