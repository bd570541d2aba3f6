import { describe, expect, it } from 'vitest';
import { isoDate, isoDateTime } from './dates.js';

const codes = (result: { success: boolean; error?: { issues: { code: string; params?: { code?: string } }[] } }) =>
  result.success ? [] : result.error!.issues.map((i) => i.params?.code ?? i.code);

describe('days and moments as the contracts take them', () => {
  it('takes years 1 to 9999 and refuses year 0 and moments an offset carries past them', () => {
    expect(codes(isoDate().safeParse('0001-01-01'))).toEqual([]);
    expect(codes(isoDate().safeParse('9999-12-31'))).toEqual([]);
    expect(codes(isoDate().safeParse('0000-12-31'))).toEqual(['DATE_OUT_OF_RANGE']);
    expect(codes(isoDateTime().safeParse('2026-12-07T08:00:00Z'))).toEqual([]);
    expect(codes(isoDateTime().safeParse('0000-06-01T00:00:00Z'))).toEqual(['DATE_OUT_OF_RANGE']);
    expect(codes(isoDateTime({ offset: true }).safeParse('9999-12-31T23:00:00-05:00'))).toEqual(['DATE_OUT_OF_RANGE']);
  });

  it('gives a malformed value one issue, its format, not a second for its range', () => {
    expect(codes(isoDate().safeParse('tomorrow'))).toEqual(['invalid_format']);
    expect(codes(isoDate().safeParse('2026-02-30'))).toEqual(['invalid_format']);
    expect(codes(isoDateTime().safeParse('tomorrow'))).toEqual(['invalid_format']);
    expect(codes(isoDateTime().safeParse('2026-12-07 08:00'))).toEqual(['invalid_format']);
  });
});
