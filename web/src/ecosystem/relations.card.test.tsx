import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Relation } from '../../../contracts/relations';
import { loading } from '../../test/capabilities';
import { fakeServer } from '../../test/fake-server';
import { renderInApp } from '../../test/render';
import { RelationsCard } from './relations.card';

const organization = { id: '01a2373f-0000-7000-8000-000000000009', label: '云深处科技' };
const relation = (id: string, name: { zh: string; en: string }, startsOn: string | null, endsOn: string | null): Relation => ({
  id: `01a2373f-0000-7000-8000-0000000000${id}`,
  kind: 'works_at',
  from: { type: 'person', id: `01a2373f-0000-7000-8000-0000000001${id}`, name },
  to: { type: 'organization', id: organization.id, name: { zh: '云深处科技', en: 'DEEP Robotics' } },
  startsOn,
  endsOn,
  title: null,
  degree: null,
  round: null,
  amount: null,
  source: { url: null, note: 'annual report' },
  createdAt: '2026-03-01T08:00:00.000Z',
});
const relations = [
  relation('31', { zh: '朱秋国', en: 'Zhu Qiuguo' }, '2017-11-01', '2024-06-30'),
  relation('32', { zh: '李超', en: 'Li Chao' }, '2025-01-15', null),
];

describe('RelationsCard', () => {
  it.each([
    ['zh-CN', { closed: ['朱秋国', '2017年11月1日至2024年6月30日'], open: ['李超', '2025年1月15日 – 至今'] }],
    ['en-US', { closed: ['Zhu Qiuguo', 'Nov 1, 2017 – Jun 30, 2024'], open: ['Li Chao', 'Jan 15, 2025 – now'] }],
  ] as const)('says each tie’s days in the page’s language, never as ISO dates (%s)', async (locale, rows) => {
    fakeServer(() => ({ status: 200, body: { items: relations, next: null } }));
    renderInApp(<RelationsCard hub="hangzhou" organization={organization} canEdit={false} />, { locale });
    for (const [name, dates] of Object.values(rows)) {
      const tr = (await screen.findByText(name, undefined, loading)).closest('tr')!;
      expect(within(tr).getByText(dates)).toBeTruthy();
    }
    expect(screen.getByRole('table').textContent).not.toMatch(/\d{4}-\d{2}-\d{2}/);
  });
});
