import Fastify from 'fastify';

import type { JsonSchema } from '../json-schema.js';

/** Checks a value against a named schema; returns the problems (empty when it is valid). */
export type SchemaCheck = (name: string, value: unknown) => Promise<string[]>;

/**
 * A strict JSON Schema validator for tests, made from Fastify's own (Ajv) with nothing coerced,
 * removed or defaulted, so a value passes only if it matches the schema as published.
 */
export async function createSchemaValidator(
  schemas: Record<string, JsonSchema>,
): Promise<{ check: SchemaCheck; close: () => Promise<void> }> {
  const app = Fastify({
    ajv: {
      customOptions: {
        coerceTypes: false,
        removeAdditional: false,
        useDefaults: false,
        allErrors: true,
      },
    },
  });
  for (const [name, schema] of Object.entries(schemas))
    app.post(`/${name}`, { schema: { body: schema }, attachValidation: true }, (request) => ({
      problems: (request.validationError?.validation ?? []) as {
        instancePath: string;
        message?: string;
      }[],
    }));
  await app.ready();
  return {
    async check(name, value) {
      if (!(name in schemas)) return [`No schema called ${name}`];
      const response = await app.inject({
        method: 'POST',
        url: `/${name}`,
        payload: value as object,
      });
      const { problems } = response.json<{
        problems: { instancePath: string; message?: string }[];
      }>();
      return problems.map((problem) => `${problem.instancePath || '/'} ${problem.message ?? ''}`);
    },
    close: () => app.close(),
  };
}
