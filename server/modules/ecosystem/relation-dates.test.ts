import { describe, expect, it } from 'vitest';
import { impossibleDates } from './relation-dates.js';

const base = { kind: 'works_at', startsOn: null, endsOn: null, personBornOn: null, organizationFoundedOn: null };

describe('relation date rules', () => {
  it('accepts possible dates and missing ones', () => {
    expect(impossibleDates(base)).toEqual([]);
    expect(impossibleDates({ ...base, startsOn: '2020-01-01', endsOn: '2021-01-01', personBornOn: '1990-05-05' })).toEqual([]);
  });

  it('refuses an end before the start', () => {
    expect(impossibleDates({ ...base, startsOn: '2021-01-02', endsOn: '2021-01-01' })).toEqual([{ path: 'endsOn', code: 'ENDS_BEFORE_START' }]);
  });

  it('refuses anything before the person was born', () => {
    expect(impossibleDates({ ...base, startsOn: '1989-12-31', personBornOn: '1990-01-01' })).toEqual([{ path: 'startsOn', code: 'BEFORE_BIRTH' }]);
  });

  it('a founding starts within a year of the organisation’s founding date', () => {
    const founded = { ...base, kind: 'founded', organizationFoundedOn: '2016-08-26' };
    expect(impossibleDates({ ...founded, startsOn: '2016-01-01' })).toEqual([]);
    expect(impossibleDates({ ...founded, startsOn: '2017-08-20' })).toEqual([]);
    expect(impossibleDates({ ...founded, startsOn: '2018-01-01' })).toEqual([{ path: 'startsOn', code: 'NOT_NEAR_FOUNDING' }]);
    expect(impossibleDates({ ...base, kind: 'works_at', startsOn: '2018-01-01', organizationFoundedOn: '2016-08-26' })).toEqual([]);
  });
});
