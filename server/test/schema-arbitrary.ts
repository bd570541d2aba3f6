import fc from 'fast-check';

/** A JSON Schema as @fastify/swagger writes it into /api/openapi.json (the parts we read). */
export type JsonSchema = {
  $ref?: string;
  type?: string | string[];
  const?: unknown;
  enum?: unknown[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  propertyNames?: JsonSchema;
};

/**
 * How values are made: `valid` follows the schema; `evil` is valid here (the caller puts bad
 * text into one string); `wild` may put any JSON value (wrong types, missing or extra keys) in
 * any place.
 */
export type Mode = 'valid' | 'evil' | 'wild';

const BAD_TEXT = ['\u0000', '\ud800', '\udfff', 'a\u0000b', 'x\udbff', '\udc00y'];

/** Strings that break text: a NUL or a lone surrogate somewhere, possibly inside valid text. */
export const evilString = (base: fc.Arbitrary<string> = fc.string({ maxLength: 8 })): fc.Arbitrary<string> =>
  fc.tuple(base, fc.constantFrom(...BAD_TEXT), fc.boolean()).map(([text, bad, front]) => (front ? bad + text : text + bad));

const isoDate = fc.date({ min: new Date('1990-01-01'), max: new Date('2035-12-31'), noInvalidDate: true });

/** A fast-check arbitrary for values of a schema, resolving `$ref` against the document's components. */
export function arbitraryOf(schema: JsonSchema, components: Record<string, JsonSchema>, mode: Mode, depth = 0): fc.Arbitrary<unknown> {
  const of = (s: JsonSchema) => arbitraryOf(s, components, mode, depth + 1);
  const exact = exactArbitrary(schema, components, of, depth);
  if (mode === 'wild' && depth > 0)
    return fc.oneof({ weight: 6, arbitrary: exact }, { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) }, { weight: 1, arbitrary: fc.constant(undefined) });
  return exact;
}

function exactArbitrary(
  schema: JsonSchema,
  components: Record<string, JsonSchema>,
  of: (s: JsonSchema) => fc.Arbitrary<unknown>,
  depth: number,
): fc.Arbitrary<unknown> {
  if (schema.$ref) {
    const target = components[schema.$ref.split('/').pop()!];
    return target ? of(target) : fc.constant(null);
  }
  if ('const' in schema) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const choices = schema.anyOf ?? schema.oneOf;
  if (choices?.length) return fc.oneof(...choices.map(of));
  if (schema.allOf?.length) return of(Object.assign({}, ...schema.allOf));
  if (Array.isArray(schema.type)) return fc.oneof(...schema.type.map((type) => of({ ...schema, type })));
  if (depth > 8) return fc.constant(null);
  switch (schema.type) {
    case 'string':
      return stringArbitrary(schema);
    case 'integer': {
      const min = schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + 1 : (schema.minimum ?? -1_000_000);
      const max = schema.exclusiveMaximum !== undefined ? schema.exclusiveMaximum - 1 : (schema.maximum ?? 1_000_000);
      return fc.integer({ min: Math.max(min, Number.MIN_SAFE_INTEGER), max: Math.min(max, Number.MAX_SAFE_INTEGER) });
    }
    case 'number':
      return fc.double({ min: schema.minimum ?? -1e6, max: schema.maximum ?? 1e6, noNaN: true, noDefaultInfinity: true });
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array': {
      const minLength = schema.minItems ?? 0;
      return fc.array(schema.items ? of(schema.items) : fc.jsonValue({ maxDepth: 1 }), {
        minLength,
        maxLength: Math.max(minLength, Math.min(schema.maxItems ?? 3, 3)),
      });
    }
    case 'object':
    default:
      return objectArbitrary(schema, of);
  }
}

function stringArbitrary(schema: JsonSchema): fc.Arbitrary<string> {
  switch (schema.format) {
    case 'uuid':
      return fc.uuid({ version: 7 });
    case 'date':
      return isoDate.map((d) => d.toISOString().slice(0, 10));
    case 'date-time':
      return isoDate.map((d) => d.toISOString());
    case 'email':
      return fc.emailAddress().filter((e) => e.length <= 200);
    case 'uri':
      return fc.webUrl();
  }
  const minLength = schema.minLength ?? 0;
  const maxLength = Math.max(minLength, Math.min(schema.maxLength ?? 40, 200));
  if (schema.pattern) {
    return fc.stringMatching(new RegExp(schema.pattern)).filter((s) => s.length >= minLength && s.length <= (schema.maxLength ?? Infinity));
  }
  return fc.string({
    minLength,
    maxLength,
    unit: fc.oneof(fc.constantFrom('a', 'Z', '9', ' ', '龙', '门', '-', '%', "'", '"'), fc.string({ minLength: 1, maxLength: 1 })),
  });
}

function objectArbitrary(schema: JsonSchema, of: (s: JsonSchema) => fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  const properties = schema.properties ?? {};
  const keys = Object.keys(properties);
  const fixed = fc.record(Object.fromEntries(keys.map((key) => [key, of(properties[key]!)])), {
    requiredKeys: (schema.required ?? []).filter((k) => keys.includes(k)),
  });
  if (typeof schema.additionalProperties !== 'object' || keys.length) return fixed;
  const keyArbitrary = schema.propertyNames ? of(schema.propertyNames).map((key) => String(key)) : fc.string({ minLength: 1, maxLength: 12 });
  return fc.dictionary(keyArbitrary, of(schema.additionalProperties), { maxKeys: 3 });
}
