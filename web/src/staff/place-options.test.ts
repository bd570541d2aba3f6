import { describe, expect, it } from 'vitest';
import { countryOptions, currencyOptions, matchesPlace, regionCodes, timeZoneLabel, timeZoneOptions, type PlaceOption } from './place-options';

const labelOf = (options: PlaceOption[], value: string) => options.find((o) => o.value === value)?.label;
const sortedIn = (options: PlaceOption[], locale: string) => options.every((o, i) => i === 0 || options[i - 1]!.label.localeCompare(o.label, locale) <= 0);

describe('the countries, currencies and time zones a hub chooses from', () => {
  it('lists countries and regions by their ISO code, named in the page’s language and sorted by that name', () => {
    expect(labelOf(countryOptions('zh-CN'), 'CN')).toBe('中国');
    expect(labelOf(countryOptions('en-US'), 'CN')).toBe('China');
    expect(labelOf(countryOptions('en-US'), 'GB')).toBe('United Kingdom');
    expect(sortedIn(countryOptions('zh-CN'), 'zh-CN')).toBe(true);
    expect(sortedIn(countryOptions('en-US'), 'en-US')).toBe(true);
    // Not the ISO order: sorted by name, China comes after Canada in English.
    const en = countryOptions('en-US').map((o) => o.value);
    expect(en.indexOf('CA')).toBeLessThan(en.indexOf('CN'));
  });

  it('leaves out groupings, test codes, user-assigned codes and aliases of another code', () => {
    const codes = regionCodes();
    for (const notACountry of ['EU', 'EZ', 'UN', 'QO', 'XA', 'XB', 'XK', 'ZZ', 'AC', 'IC', 'UK', 'SU', 'BU', 'YU', 'DD'])
      expect(codes, notACountry).not.toContain(notACountry);
    for (const country of ['CN', 'HK', 'MO', 'TW', 'US', 'DE', 'GB', 'MM', 'RS']) expect(codes, country).toContain(country);
    expect(codes.every((c) => /^[A-Z]{2}$/.test(c))).toBe(true);
    expect(new Set(codes).size).toBe(codes.length);
    // One entry per country: ISO 3166-1 has 249.
    expect(codes.length).toBeGreaterThan(240);
    expect(codes.length).toBeLessThan(256);
  });

  it('names currencies in the page’s language with their code, without units that are not money', () => {
    expect(labelOf(currencyOptions('zh-CN'), 'CNY')).toBe('人民币 (CNY)');
    expect(labelOf(currencyOptions('en-US'), 'CNY')).toBe('Chinese Yuan (CNY)');
    expect(labelOf(currencyOptions('en-US'), 'EUR')).toBe('Euro (EUR)');
    const codes = currencyOptions('en-US').map((o) => o.value);
    for (const notMoney of ['XDR', 'XSU', 'XXX', 'XAU']) expect(codes).not.toContain(notMoney);
    expect(sortedIn(currencyOptions('zh-CN'), 'zh-CN')).toBe(true);
  });

  it('shows a time zone by its IANA id, its name in the page’s language and its offset', () => {
    const at = new Date('2026-06-01T00:00:00Z');
    // The zone's own name is the platform's ("China Time", "China Standard Time"): only its gist is pinned.
    expect(timeZoneLabel('Asia/Shanghai', 'en-US', at)).toMatch(/^Asia\/Shanghai · China [\w ]*Time \(GMT\+8\)$/);
    expect(timeZoneLabel('Asia/Shanghai', 'zh-CN', at)).toMatch(/^Asia\/Shanghai · 中国\S*时间 \(GMT\+8\)$/);
    // The offset of the day: London in summer is an hour ahead of GMT.
    expect(timeZoneLabel('Europe/London', 'en-US', at)).toMatch(/^Europe\/London · .+ \(GMT\+1\)$/);
    expect(timeZoneLabel('Europe/London', 'en-US', new Date('2026-01-01T00:00:00Z'))).toMatch(/ \(GMT(\+0)?\)$/);
    expect(labelOf(timeZoneOptions('en-US'), 'Asia/Shanghai')).toMatch(/^Asia\/Shanghai · China [\w ]*Time \(GMT\+8\)$/);
  });

  it('keeps the hub’s own code choosable when the platform does not list it', () => {
    expect(timeZoneOptions('en-US').some((o) => o.value === 'Etc/GMT-8')).toBe(false);
    expect(timeZoneOptions('en-US', 'Etc/GMT-8')[0]).toEqual({ value: 'Etc/GMT-8', label: 'Etc/GMT-8 (GMT+8)' });
    expect(timeZoneOptions('en-US', 'Asia/Shanghai').filter((o) => o.value === 'Asia/Shanghai')).toHaveLength(1);
    expect(countryOptions('en-US', 'XK')[0]).toEqual({ value: 'XK', label: 'XK' });
    expect(currencyOptions('en-US', 'CNY').filter((o) => o.value === 'CNY')).toHaveLength(1);
  });

  it('finds a choice by any part of its name or code, in any case', () => {
    const shanghai = { value: 'Asia/Shanghai', label: 'Asia/Shanghai · China Time (GMT+8)' };
    expect(matchesPlace('shang', shanghai)).toBe(true);
    expect(matchesPlace('CHINA', shanghai)).toBe(true);
    expect(matchesPlace('gmt+8', shanghai)).toBe(true);
    expect(matchesPlace('tokyo', shanghai)).toBe(false);
    expect(matchesPlace('cn', { value: 'CN', label: '中国' })).toBe(true);
    expect(matchesPlace('中国', { value: 'CN', label: '中国' })).toBe(true);
  });
});
