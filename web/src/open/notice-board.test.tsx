import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { PublicNotice } from '../../../contracts/notices';
import { loading } from '../../test/capabilities';
import { fakeServer } from '../../test/fake-server';
import { renderInApp } from '../../test/render';
import { NoticeBoard } from './notice-board';

const notice: PublicNotice = {
  number: 'HZ-2026-000123',
  program: { id: '01a2373f-0000-7000-8000-000000000020', name: { zh: '算力券', en: 'Compute voucher' } },
  recipient: { name: { zh: '云深处科技', en: 'DEEP Robotics' }, uscc: '91330106MA2H0K8X1Q' },
  amount: '50000000',
  reason: '',
  startsOn: '2026-12-01',
  endsOn: '2026-12-08',
  open: true,
  dismissals: [],
};

describe('NoticeBoard (public)', () => {
  it.each([
    ['zh-CN', '公示期 2026年12月1日至12月8日'],
    ['en-US', 'On notice Dec 1 – Dec 8, 2026'],
  ] as const)('says the notice period in the page’s language, never as ISO dates (%s)', async (locale, period) => {
    fakeServer(() => ({ status: 200, body: { items: [notice], next: null } }));
    renderInApp(<NoticeBoard hub="hangzhou" />, { locale });
    expect(await screen.findByText(period, undefined, loading)).toBeTruthy();
    expect(document.body.textContent).not.toMatch(/\d{4}-\d{2}-\d{2}/);
  });
});
