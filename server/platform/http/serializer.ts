import build from 'fast-json-stringify';
import type { FastifySerializerCompiler } from 'fastify';
import { serializerCompiler as zodSerializer } from 'fastify-type-provider-zod';
import { z } from 'zod';

type JsonSchema = { [key: string]: unknown };

/**
 * Responses are written by fast-json-stringify, compiled once per route and status from the
 * route's response schema (its Zod schema as JSON Schema, the shape the OpenAPI document
 * shows), instead of being parsed again by Zod on every answer. Properties a schema does not
 * name are left out, as Zod's strip did; a required one missing still fails the response.
 * A schema JSON Schema cannot say (a transform, a codec) keeps Zod's encoder.
 */
export const serializerCompiler: FastifySerializerCompiler<unknown> = (route) => {
  // Compiled on the route's first answer of this status: a server (and each test's app) starts
  // without building the hundreds it may never send.
  let write: ((data: unknown) => string) | undefined;
  return (data) => (write ??= compile(route))(data);
};

function compile(route: Parameters<FastifySerializerCompiler<unknown>>[0]): (data: unknown) => string {
  const schema = (route.schema instanceof z.ZodType ? route.schema : (route.schema as { properties?: unknown }).properties) as z.ZodType | undefined;
  if (!(schema instanceof z.ZodType)) return zodSerializer(route as never);
  let json: JsonSchema;
  try {
    json = z.toJSONSchema(schema, { io: 'output', target: 'draft-7' }) as JsonSchema;
  } catch {
    return zodSerializer(route as never);
  }
  return build(forSerializing(json) as never) as (data: unknown) => string;
}

/**
 * The schema as the serializer needs it: `additionalProperties: false` dropped everywhere (the
 * serializer leaves unnamed properties out anyway, and a union's branch is chosen by checking
 * the value against it, where a row carrying more columns than the answer names must still
 * match, as it did under Zod's strip).
 */
export function forSerializing(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(forSerializing);
  if (!node || typeof node !== 'object') return node;
  const out: JsonSchema = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === 'additionalProperties' && value === false) continue;
    out[key] = forSerializing(value);
  }
  return out;
}
