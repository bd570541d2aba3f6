import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderInApp } from '../../../test/render';
import type { ProgramOutcomes } from '../../api/simulation.api';
import { OutcomesFigures } from './outcomes-card';

// happy-dom has no canvas: the chart stands in as its labelled figure (what the page exposes to people).
vi.mock('../../ecosystem/echart', () => ({ EChart: ({ label }: { label: string }) => <div role="img" aria-label={label} /> }));

const withheld = { awardeeChange: null, comparisonChange: null, estimate: null, low: null, high: null } as const;

const outcomes: ProgramOutcomes = {
  program: '01a2373f-0000-7000-8000-000000000001',
  awardees: 7,
  comparisons: 9,
  comparisonGroups: { rejectedAtReview: 4, narrowMisses: 5 },
  narrowMissMaxRelative: 0.2,
  minimumGroup: 5,
  estimates: [
    {
      metric: 'headcount',
      horizonMonths: 12,
      unit: 'people',
      awardees: 6,
      comparisons: 8,
      awardeeChange: '4.5',
      comparisonChange: '1.5',
      estimate: '3.0',
      low: '0.8',
      high: '5.2',
      withheld: null,
    },
    { metric: 'headcount', horizonMonths: 24, unit: 'people', awardees: 3, comparisons: 8, ...withheld, withheld: 'TOO_FEW_AWARDEES' },
    {
      metric: 'revenue',
      horizonMonths: 12,
      unit: 'fen',
      awardees: 6,
      comparisons: 8,
      awardeeChange: '500000000',
      comparisonChange: '100000000',
      estimate: '400000000',
      low: '-20000000',
      high: '820000000',
      withheld: null,
    },
    { metric: 'fundingRaised', horizonMonths: 12, unit: 'fen', awardees: 6, comparisons: 2, ...withheld, withheld: 'TOO_FEW_COMPARISONS' },
  ],
};

describe('OutcomesFigures', () => {
  it('shows both group sizes, the difference with its interval, money in 万元, and why an estimate is withheld, in Chinese', () => {
    renderInApp(<OutcomesFigures outcomes={outcomes} />);
    expect(screen.getByText('成效（获资助者与未获资助申请者对比）')).toBeTruthy();
    expect(screen.getByText(/对照组：评审后被拒 4 家；仅差一项数值条件、差距不超过门槛 20% 而被规则拒绝 5 家/)).toBeTruthy();
    const headcount = screen.getByRole('region', { name: '员工人数' });
    expect(headcount.textContent).toContain('差异 3.0 人（0.8 人 至 5.2 人）');
    expect(headcount.textContent).toContain('有前后数据的获资助机构不足 5 家（现 3 家），不发布估计');
    expect(within(headcount).getByRole('img', { name: /员工人数/ })).toBeTruthy();
    const revenue = screen.getByRole('region', { name: '营业收入' });
    expect(revenue.textContent).toContain('差异 400万元（-20万元 至 820万元）');
    const funding = screen.getByRole('region', { name: '融资额' });
    expect(funding.textContent).toContain('有前后数据的对照机构不足 5 家（现 2 家），不发布估计');
    // Nothing published for funding raised: no chart drawn from nothing.
    expect(within(funding).queryByRole('img', { name: /融资额/ })).toBeNull();
  });

  it('speaks English with CNY amounts', () => {
    renderInApp(<OutcomesFigures outcomes={outcomes} />, { locale: 'en-US' });
    const revenue = screen.getByRole('region', { name: 'Revenue' });
    expect(revenue.textContent).toContain('Difference CNY 4,000,000 (-CNY 200,000 to CNY 8,200,000)');
    expect(screen.getByRole('region', { name: 'Headcount' }).textContent).toContain('6 funded · 8 compared');
    expect(
      screen.getByText(/Compared with: 4 rejected at review, and 5 refused by the rules for missing a single numeric criterion by at most 20%/),
    ).toBeTruthy();
  });
});
