import { screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { PublicBudget } from '../../../contracts/open-data';
import { fakeServer } from '../../test/fake-server';
import { renderInApp } from '../../test/render';
import { OpenBudget } from './open-budget';
import { linesOption } from './open-charts';

// happy-dom has no canvas: the chart stands in as its labelled figure.
vi.mock('../ecosystem/echart', () => ({ EChart: ({ label }: { label: string }) => <div role="img" aria-label={label} /> }));

/** Hangzhou's year as the demo has it: most of the envelope not yet given to a line. */
const budget: PublicBudget = {
  years: [2026],
  year: 2026,
  status: 'open',
  envelope: '3750000000000',
  unallocated: '3407000000000',
  free: '342880000000',
  committed: '74970000',
  disbursed: '41900000',
  lines: [
    {
      code: 'compute',
      name: { zh: '算力补贴科目', en: 'Compute subsidies line' },
      funded: '342950000000',
      committed: '74970000',
      disbursed: '41900000',
      free: '342880000000',
    },
  ],
  programs: [
    {
      id: '0198a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5c',
      name: { zh: '杭州算力券', en: 'Hangzhou compute vouchers' },
      line: 'compute',
      awards: 2,
      awarded: '116870000',
      disbursed: '41900000',
    },
    {
      id: '0198a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5d',
      name: { zh: '人才安居补贴', en: 'Talent housing' },
      line: 'compute',
      awards: 0,
      awarded: '0',
      disbursed: '0',
    },
  ],
  individuals: { count: 0, amount: '0' },
};

const words = {
  'zh-CN': {
    cards: [
      ['资金总盘', '375亿元'],
      ['未分配到科目', '340.7亿元'],
      ['科目结余', '34.29亿元'],
      ['已承诺', '74.97万元'],
      ['已拨付', '41.9万元'],
    ],
    addsUp: '资金总盘 = 未分配 + 科目结余 + 已承诺 + 已拨付。',
    noAwards: '尚无资助。',
    zeros: '资助笔数：0',
  },
  'en-US': {
    cards: [
      ['Envelope', 'CNY 37.5bn'],
      ['Not yet given to a line', 'CNY 34.07bn'],
      ['Left on the lines', 'CNY 3.43bn'],
      ['Committed', 'CNY 749.7k'],
      ['Paid', 'CNY 419k'],
    ],
    addsUp: 'The envelope = not yet given to a line + left on the lines + committed + paid.',
    noAwards: 'No awards yet.',
    zeros: 'Awards: 0',
  },
} as const;

describe('the public budget’s headline', () => {
  it.each(['zh-CN', 'en-US'] as const)('shows the envelope and the four parts it is made of, saying they add up (%s)', async (locale) => {
    fakeServer((r) => (r.path.startsWith('/api/hubs/hangzhou/public/budget') ? { status: 200, body: budget } : { status: 404 }));
    renderInApp(<OpenBudget hub="hangzhou" />, { locale });
    const w = words[locale];
    await screen.findByText(w.addsUp);
    const cards = [...document.querySelectorAll('.ant-statistic')].map((card) => [
      card.querySelector('.ant-statistic-title')?.textContent,
      card.querySelector('.ant-statistic-content')?.textContent,
    ]);
    expect(cards).toEqual(w.cards);
  });

  it.each(['zh-CN', 'en-US'] as const)('says a program has no awards yet rather than a row of zeros (%s)', async (locale) => {
    fakeServer((r) => (r.path.startsWith('/api/hubs/hangzhou/public/budget') ? { status: 200, body: budget } : { status: 404 }));
    renderInApp(<OpenBudget hub="hangzhou" />, { locale });
    const w = words[locale];
    expect(await screen.findByText(w.noAwards)).toBeTruthy();
    expect(screen.queryByText(w.zeros)).toBeNull();
    expect(screen.getAllByText(/^(资助笔数：|Awards: )2$/)).toHaveLength(1);
  });
});

describe('the downloads', () => {
  it.each([
    ['zh-CN', '预算（CSV）', '资助（CSV）'],
    ['en-US', 'Budget (CSV)', 'Awards (CSV)'],
  ] as const)('name the page’s language, not the browser’s (%s)', async (locale, budgetCsv, grantsCsv) => {
    vi.stubGlobal('navigator', { ...navigator, language: locale === 'zh-CN' ? 'en-US' : 'zh-CN' });
    fakeServer((r) => (r.path.startsWith('/api/hubs/hangzhou/public/budget') ? { status: 200, body: budget } : { status: 404 }));
    renderInApp(<OpenBudget hub="hangzhou" />, { locale });
    const href = async (name: string) => new URL((await screen.findByRole('link', { name })).getAttribute('href')!, 'http://x');
    expect((await href(budgetCsv)).searchParams.get('lang')).toBe(locale);
    expect((await href(grantsCsv)).searchParams.get('lang')).toBe(locale);
    expect((await href(budgetCsv)).searchParams.get('year')).toBe('2026');
  });
});

describe('the budget lines chart', () => {
  it('on a phone cuts the lines’ names short and shows fewer money ticks', () => {
    const name = (n: { zh: string; en: string }) => n.en;
    const labels = { disbursed: 'Paid', committed: 'Committed', free: 'Left' };
    const wide = linesOption(budget, name, labels, 'en-US') as { yAxis: { axisLabel: object }; xAxis: { splitNumber: number } };
    const narrow = linesOption(budget, name, labels, 'en-US', true) as { yAxis: { axisLabel: object }; xAxis: { splitNumber: number } };
    expect(wide.yAxis.axisLabel).toEqual({});
    expect(narrow.yAxis.axisLabel).toEqual({ width: 110, overflow: 'truncate' });
    expect(narrow.xAxis.splitNumber).toBeLessThan(wide.xAxis.splitNumber);
  });
});
