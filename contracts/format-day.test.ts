import { describe, expect, it } from 'vitest';
import { formatDay } from './format-day.js';

describe('formatDay: a day as the pages write it, shared by the web and the server', () => {
  it('says the day in each language, never shifted by the zone', () => {
    expect(formatDay('2026-01-01', 'zh-CN')).toBe('2026年1月1日');
    expect(formatDay('2026-01-01', 'en-US')).toBe('Jan 1, 2026');
    expect(formatDay('2025-06-30', 'zh-CN')).toBe('2025年6月30日');
    expect(formatDay('2025-06-30', 'en-US')).toBe('Jun 30, 2025');
    expect(formatDay('2024-12-31', 'en-US')).toBe('Dec 31, 2024');
  });

  it('is what Intl says for that day in UTC, medium style', () => {
    for (const day of ['2000-02-29', '2026-12-06', '1999-12-31'])
      for (const locale of ['zh-CN', 'en-US'] as const)
        expect(formatDay(day, locale)).toBe(new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`)));
  });
});
