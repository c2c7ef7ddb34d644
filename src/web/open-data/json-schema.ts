// Small builders for the JSON Schemas of the API. The same objects are given to Fastify (fast
// serialisation and request validation) and copied into the OpenAPI document, so the two agree.

/** The part of JSON Schema (draft 2020-12, as OpenAPI 3.1 uses it) that the API's schemas use. */
export interface JsonSchema {
  type?: JsonType | JsonType[];
  description?: string;
  format?: string;
  enum?: readonly (string | number | null)[];
  default?: string | number;
  minimum?: number;
  maximum?: number;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean;
  items?: JsonSchema;
}

/** A JSON Schema type name. */
export type JsonType = 'string' | 'integer' | 'number' | 'boolean' | 'object' | 'array' | 'null';

/** An object whose properties are all required and which has no others. */
export function objectSchema(
  properties: Record<string, JsonSchema>,
  description?: string,
): JsonSchema {
  return {
    type: 'object',
    ...(description === undefined ? {} : { description }),
    properties,
    required: Object.keys(properties),
    additionalProperties: false,
  };
}

/** The same schema, allowing null too (for values the register may not know). */
export function nullable(schema: JsonSchema): JsonSchema {
  const types = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
  return {
    ...schema,
    type: [...types, 'null'],
    ...(schema.enum ? { enum: [...schema.enum, null] } : {}),
  };
}

/** A string, described. */
export function stringSchema(description: string, extra: JsonSchema = {}): JsonSchema {
  return { type: 'string', description, ...extra };
}

/** A whole number, described. */
export function integerSchema(description: string, extra: JsonSchema = {}): JsonSchema {
  return { type: 'integer', description, ...extra };
}

/** An array of items, described. */
export function arraySchema(items: JsonSchema, description: string): JsonSchema {
  return { type: 'array', description, items };
}

/** A calendar day, `YYYY-MM-DD`. */
export function daySchema(description: string): JsonSchema {
  return { type: 'string', format: 'date', description };
}

/** A moment, ISO 8601 in UTC. */
export function timeSchema(description: string): JsonSchema {
  return { type: 'string', format: 'date-time', description };
}
