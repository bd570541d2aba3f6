import { describe, expect, it } from 'vitest';
import { formatDay, formatDayRange, formatMoment, formatMomentDay } from './format-date';

describe('dates as people read them, in the page’s language', () => {
  it('a day never shifts, whatever the reader’s zone', () => {
    expect(formatDay('2026-01-01', 'zh-CN')).toBe('2026年1月1日');
    expect(formatDay('2026-01-01', 'en-US')).toBe('Jan 1, 2026');
  });

  it('a stay or a term reads as one range, its shared year said once', () => {
    expect(formatDayRange('2026-12-06', '2026-12-12', 'zh-CN')).toBe('2026年12月6日至12月12日');
    expect(formatDayRange('2026-12-06', '2026-12-12', 'en-US')).toBe('Dec 6 – Dec 12, 2026');
    expect(formatDayRange('2026-12-30', '2027-01-02', 'zh-CN')).toBe('2026年12月30日至2027年1月2日');
    expect(formatDayRange('2026-12-30', '2027-01-02', 'en-US')).toBe('Dec 30, 2026 – Jan 2, 2027');
  });

  it('a moment has its day and time in the one style the pages use, never the browser’s default', () => {
    const at = '2026-12-06T08:10:42Z';
    expect(formatMoment(at, 'zh-CN')).not.toContain('/');
    expect(formatMoment(at, 'zh-CN')).toMatch(/^2026年12月6日 \d{2}:\d{2}$/);
    expect(formatMomentDay(at, 'zh-CN')).toBe('2026年12月6日');
  });
});
