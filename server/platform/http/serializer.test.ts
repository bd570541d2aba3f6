import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { forSerializing, serializerCompiler } from './serializer.js';

const compile = (schema: z.ZodType) => serializerCompiler({ schema, method: 'GET', url: '/x', httpStatus: '200' } as never) as (data: unknown) => string;

describe('the response serializer', () => {
  const booking = z.object({
    id: z.uuid(),
    nights: z.number().int(),
    checkedInAt: z.iso.datetime().nullable(),
    station: z.object({ name: z.object({ zh: z.string(), en: z.string() }) }),
    guest: z.discriminatedUnion('kind', [z.object({ kind: z.literal('person'), personId: z.string() }), z.object({ kind: z.literal('anonymous') })]),
  });

  it('writes what the schema names and leaves out what it does not, as Zod did', () => {
    const row = {
      id: '0190f1a2-0000-7000-8000-000000000001',
      nights: 3,
      checkedInAt: null,
      station: { name: { zh: '驿站', en: 'Station' }, secret: 'x' },
      guest: { kind: 'person', personId: 'p1', residentId: '330106199001011234' },
      passwordHash: 'never',
    };
    const written = compile(booking)(row);
    expect(JSON.parse(written)).toEqual(booking.parse(row));
    expect(written).not.toMatch(/secret|residentId|passwordHash/);
  });

  it('is compiled, not Zod: a value Zod would refuse is not checked again', () => {
    // fast-json-stringify writes by the schema's types; Zod's encoder would throw on the bad uuid.
    const written = compile(z.object({ id: z.uuid() }))({ id: 'not-a-uuid' });
    expect(written).toBe('{"id":"not-a-uuid"}');
  });

  it('fails an answer missing a required property', () => {
    expect(() => compile(booking)({ id: 'x', nights: 1, checkedInAt: null, station: { name: { zh: 'a', en: 'b' } } })).toThrow(/guest/);
  });

  it('keeps Zod for a schema JSON Schema cannot say', () => {
    const upper = z.object({ name: z.string().transform((s) => s.toUpperCase()) });
    expect(() => compile(upper)({ name: 'a' })).toThrow();
    const written = compile(z.object({ at: z.date() }))({ at: new Date('2026-01-02T03:04:05Z') });
    expect(written).toBe('{"at":"2026-01-02T03:04:05.000Z"}');
  });

  it('drops additionalProperties: false at every depth, and only that', () => {
    expect(forSerializing({ type: 'object', additionalProperties: false, properties: { a: { anyOf: [{ additionalProperties: false }] } } })).toEqual({
      type: 'object',
      properties: { a: { anyOf: [{}] } },
    });
    expect(forSerializing({ additionalProperties: { type: 'string' } })).toEqual({ additionalProperties: { type: 'string' } });
  });
});
