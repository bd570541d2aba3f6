import { describe, expect, it } from 'vitest';
import { formatHours } from './format-hours';

describe('formatHours: hours as people read them', () => {
  it.each([
    ['30.000', 'zh-CN', '30'],
    ['120.000', 'en-US', '120'],
    [1260, 'zh-CN', '1,260'],
    [20000, 'en-US', '20,000'],
    ['0.5', 'en-US', '0.5'],
    ['1234567.125', 'en-US', '1,234,567.125'],
    [3.4666666, 'zh-CN', '3.467'],
    [0, 'en-US', '0'],
  ] as const)('%s (%s) reads %s', (value, locale, text) => {
    expect(formatHours(value, locale)).toBe(text);
  });
});
