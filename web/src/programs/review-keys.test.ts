import { describe, expect, it } from 'vitest';
import { reviewSettingsSchema } from '../../../contracts/review-settings';
import { newRowKey, rowKeys } from './review-keys';

describe('keys of rubric criteria and reports', () => {
  it('a row being added gets the first numbered key no row has, from its own number up', () => {
    expect(newRowKey([], 'report')).toBe('report_1');
    expect(newRowKey([{ key: 'midterm' }], 'report')).toBe('report_2');
    expect(newRowKey([{ key: 'report_2' }], 'report')).toBe('report_3');
    expect(newRowKey([{ key: 'report_3' }, { key: 'midterm' }], 'report')).toBe('report_4');
  });

  it('keeps every row’s own key and never hands out one another row has, even a later one', () => {
    expect(rowKeys([{}, { key: 'team' }, undefined, { key: 'criterion_3' }], 'criterion')).toEqual(['criterion_1', 'team', 'criterion_4', 'criterion_3']);
  });

  it('makes keys the contract accepts', () => {
    const keys = rowKeys([{ key: 'midterm' }, {}, {}], 'report');
    const settings = { milestones: keys.map((key) => ({ key, name: { zh: '报告', en: 'Report' }, dueAfterMonths: 6 })) };
    expect(reviewSettingsSchema.safeParse(settings).success).toBe(true);
  });
});
