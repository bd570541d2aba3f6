import { describe, expect, it } from 'vitest';
import { newObligationRow, obligationsFromRows, type ObligationRow } from './obligation-values';

describe('obligation rows', () => {
  it('gives a new row a key no row has, also after a row was removed', () => {
    const first = newObligationRow([]);
    const second = newObligationRow([first]);
    expect([first.key, second.key]).toEqual(['obligation_1', 'obligation_2']);
    // The first row is removed; the next row added must not take the second's key.
    const third = newObligationRow([second]);
    expect(third.key).not.toBe(second.key);
    expect(obligationsFromRows([second, third]).map((o) => o.key)).toEqual([second.key, third.key]);
  });

  it('keeps a loaded key and gives a row without one a key that no other row has', () => {
    const loaded: ObligationRow = { ...newObligationRow([]), key: 'obligation_2' };
    const keyless = { ...newObligationRow([]), key: '' };
    expect(obligationsFromRows([keyless, loaded]).map((o) => o.key)).toEqual(['obligation_1', 'obligation_2']);
    expect(obligationsFromRows([loaded, keyless]).map((o) => o.key)).toEqual(['obligation_2', 'obligation_3']);
  });
});
