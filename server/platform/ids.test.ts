import { describe, expect, it } from 'vitest';
import { uuidv7 } from './ids.js';

describe('ids', () => {
  it('10,000 ids made in a tight loop sort in the order they were made', () => {
    const ids = Array.from({ length: 10_000 }, () => uuidv7());
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ids);
    // Many share a millisecond, so the order comes from the counter, not the clock alone.
    const millis = new Set(ids.map((id) => id.replaceAll('-', '').slice(0, 12)));
    expect(millis.size).toBeLessThan(ids.length);
  });

  it('are version 7, variant 10, with the current time in the first 48 bits', () => {
    const before = Date.now();
    const id = uuidv7();
    const hex = id.replaceAll('-', '');
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(parseInt(hex.slice(0, 12), 16)).toBeGreaterThanOrEqual(before);
    expect(parseInt(hex.slice(0, 12), 16)).toBeLessThanOrEqual(Date.now() + 1);
  });
});
