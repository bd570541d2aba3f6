import type { Hub } from '../../contracts/hubs';

/** A hub as the server answers it (Hangzhou's settings), for component tests; override what a test is about. */
export function testHub(overrides: Partial<Hub> = {}): Hub {
  return {
    slug: 'hangzhou',
    name: { zh: '杭州', en: 'Hangzhou' },
    country: 'CN',
    timeZone: 'Asia/Shanghai',
    currency: 'CNY',
    defaultLocale: 'zh-CN',
    fiscalYearStartMonth: 1,
    workingDays: [1, 2, 3, 4, 5],
    holidays: ['2026-10-01', '2026-10-02'],
    makeUpWorkdays: ['2026-09-20'],
    code: 'HZ',
    techShareDefaultBasisPoints: 1500,
    openDataPrefix: null,
    districts: [{ code: 'xihu', name: { zh: '西湖区', en: 'Xihu' } }],
    archived: false,
    ...overrides,
  };
}
