import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { PublicAward } from '../api/open-data.api';
import { fakeServer } from '../../test/fake-server';
import { renderInApp } from '../../test/render';
import { OpenAwards } from './open-awards';

const rentProgram = '0198a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b';
const voucherProgram = '0198a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5c';
/** A page as the server sends it: a lease's rent subsidy (newest) and an application's award. */
const awards: PublicAward[] = [
  {
    number: 'L-7KQ2M3NP',
    grantId: '360G-DG-HANGZHOU-L-7KQ2M3NP',
    program: { id: rentProgram, name: { zh: '人工智能小镇租金补贴', en: 'AI Town rent subsidy' } },
    recipient: { name: { zh: '深度求索', en: 'DeepSeek' }, uscc: '91330100MA2KXXXX1A' },
    amount: '7200000',
    awardedOn: '2026-06-01',
    status: 'in_payment',
  },
  {
    number: 'HZ-2026-000123',
    grantId: '360G-DG-HANGZHOU-HZ-2026-000123',
    program: { id: voucherProgram, name: { zh: '算力券', en: 'Compute voucher' } },
    recipient: { name: { zh: '宇树科技', en: 'Unitree' }, uscc: '91330100MA2KYYYY2B' },
    amount: '100000000',
    awardedOn: '2026-05-12',
    status: 'closed',
  },
];

const words = {
  'zh-CN': { rent: '人工智能小镇租金补贴', org: '深度求索', paying: '拨付中', closed: '已结项', on: '2026年6月1日' },
  'en-US': { rent: 'AI Town rent subsidy', org: 'DeepSeek', paying: 'Being paid', closed: 'Closed', on: 'Jun 1, 2026' },
};

describe('OpenAwards: the hub’s awards, anyone may read', () => {
  it.each(['zh-CN', 'en-US'] as const)(
    'shows a lease’s rent subsidy as an award: program, organisation, the lease’s reference, never a raw id (%s)',
    async (locale) => {
      const seen = fakeServer(() => ({ status: 200, body: { items: awards, next: null } }));
      renderInApp(<OpenAwards hub="hangzhou" />, { locale });
      const w = words[locale];
      await screen.findByText('L-7KQ2M3NP');
      const [lease, application] = screen.getAllByRole('listitem');
      for (const text of [w.org, w.rent, 'L-7KQ2M3NP', w.paying, w.on]) expect(lease!.textContent).toContain(text);
      for (const text of ['HZ-2026-000123', w.closed]) expect(application!.textContent).toContain(text);
      expect(document.body.textContent).not.toContain('2026-06-01');
      expect(document.body.textContent).not.toContain(rentProgram);
      expect(document.body.textContent).not.toContain(voucherProgram);
      expect(seen[0]!.path).toBe('/api/hubs/hangzhou/public/awards');
    },
  );
});
