import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Transition } from '../api/reviews.api';
import { loading } from '../../test/capabilities';
import { fakeServer } from '../../test/fake-server';
import { renderInApp } from '../../test/render';
import { HistoryCard } from './history.card';

const at = '2026-12-06T12:40:00.000Z';
const items: Transition[] = [
  { from: 'in_review', to: 'approved', event: 'approve', reason: '评审一致建议批准', reasonCode: null, amount: null, at },
  { from: 'awarded', to: 'in_payment', event: 'pay', reason: 'paid with the award', reasonCode: 'paid_with_award', amount: '120000000', at },
  {
    from: 'in_payment',
    to: 'in_payment',
    event: 'pay',
    reason: 'condition met: milestone_accepted',
    reasonCode: 'condition_milestone_accepted',
    amount: null,
    at,
  },
  { from: 'in_payment', to: 'closed', event: 'close', reason: 'all tranches settled', reasonCode: 'tranches_settled', amount: null, at },
];

const words = {
  'zh-CN': { system: ['随批准支付', '阶段报告已通过', '各笔款项均已结清'], day: '2026年12月6日' },
  'en-US': { system: ['With the approval', 'The report was accepted', 'Every tranche settled'], day: 'Dec 6, 2026' },
};

describe('HistoryCard', () => {
  it.each(['zh-CN', 'en-US'] as const)(
    'says what the system wrote in the page’s language, a person’s reason as typed, and dates the reader’s way (%s)',
    async (locale) => {
      fakeServer(({ path }) => (path.endsWith('/history') ? { status: 200, body: { items } } : { status: 404, body: {} }));
      renderInApp(<HistoryCard hub="hangzhou" applicationId="a1" />, { locale });
      expect(await screen.findByText('评审一致建议批准', undefined, loading)).toBeTruthy();
      for (const text of words[locale].system) expect(screen.getByText(text)).toBeTruthy();
      const page = document.body.textContent!;
      expect(page).not.toMatch(/paid with the award|condition met|milestone_accepted|all tranches settled/);
      expect(page).toContain(words[locale].day);
      expect(page).not.toContain('2026-12-06');
    },
  );
});
