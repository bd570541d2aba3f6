import { describe, expect, it } from 'vitest';
import { formatDay, formatDayRange, formatMoment, formatMomentDay, formatMomentDayIn, formatMomentRange, formatMonth } from './format-date';

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

  it('a moment’s day in the hub’s zone is the hub’s day, not the reader’s (the tests run in UTC)', () => {
    const at = '2026-12-06T17:30:00Z';
    expect(formatMomentDay(at, 'en-US')).toBe('Dec 6, 2026');
    expect(formatMomentDayIn(at, 'Asia/Shanghai', 'en-US')).toBe('Dec 7, 2026');
    expect(formatMomentDayIn(at, 'Asia/Shanghai', 'zh-CN')).toBe('2026年12月7日');
  });

  it('a month as words: the year and the month’s name', () => {
    expect(formatMonth('2026-01', 'zh-CN')).toBe('2026年1月');
    expect(formatMonth('2026-01', 'en-US')).toBe('Jan 2026');
  });

  it('a stretch of time names the end’s day when it differs from the start’s (the tests run in UTC)', () => {
    expect(formatMomentRange('2026-12-06T16:00:00Z', '2026-12-07T04:00:00Z', 'en-US')).toBe('Dec 6, 2026, 4:00 PM – Dec 7, 4:00 AM');
    expect(formatMomentRange('2026-12-06T16:00:00Z', '2026-12-07T04:00:00Z', 'zh-CN')).toBe('2026年12月6日 16:00至12月7日 04:00');
    expect(formatMomentRange('2026-12-06T08:00:00Z', '2026-12-06T20:00:00Z', 'en-US')).toBe('Dec 6, 2026, 8:00 AM – 8:00 PM');
    expect(formatMomentRange('2026-12-06T08:00:00Z', '2026-12-06T20:00:00Z', 'zh-CN')).toBe('2026年12月6日 08:00至20:00');
    expect(formatMomentRange('2026-12-31T20:00:00Z', '2027-01-01T08:00:00Z', 'en-US')).toBe('Dec 31, 2026, 8:00 PM – Jan 1, 2027, 8:00 AM');
  });
});
