import { z } from 'zod';

export const mediaTypes = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv',
  any: 'application/octet-stream',
} as const;

/** What a route that takes a file as its raw body says of it (route `config.rawBody`). */
export type RawBody = { description: string; types: readonly string[] };

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The route reads a file as its raw body: its description and media types, for the contract. */
    rawBody?: RawBody;
  }
}

/**
 * An upload's request body in the contract: the route reads the raw bytes (its own content
 * type parser), so it declares no Zod body; `config: { rawBody: rawBody('The file', [...]) }`
 * puts its real media types and `format: binary` into the document.
 */
export function rawBody(description: string, types: readonly string[]): RawBody {
  return { description, types };
}

/** The OpenAPI request body of a raw upload. */
export function rawRequestBody({ description, types }: RawBody) {
  const schema = { type: 'string', format: 'binary', description };
  return { required: true, description, content: Object.fromEntries(types.map((type) => [type, { schema }])) };
}

/**
 * A download's response in the contract: its real media types and `format: binary`, so a
 * generated client reads bytes instead of parsing JSON. Use it for every route that
 * answers a file (`response: { 200: fileResponse('The workbook', [mediaTypes.xlsx]) }`).
 */
export function fileResponse(description: string, types: readonly string[]) {
  const schema = z.string().meta({ format: 'binary', description });
  return { description, content: Object.fromEntries(types.map((type) => [type, { schema }])) };
}
