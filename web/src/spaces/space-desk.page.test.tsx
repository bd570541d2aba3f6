import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import { capabilitiesWith, fakeServerWith, type Grants, loading } from '../../test/capabilities';
import type { SeenRequest } from '../../test/fake-server';
import { renderInApp } from '../../test/render';
import { SpaceDeskPage } from './space-desk.page';

vi.mock('../ecosystem/echart', () => ({ EChart: ({ label }: { label: string }) => <div role="img" aria-label={label} /> }));

const organization = { id: '0190a0b0-0000-7000-8000-0000000000aa', name: { zh: '深度求索', en: 'DeepSeek' } };
const hold = {
  id: '0190a0b0-0000-7000-8000-0000000000b1',
  ref: 'H-1',
  organization,
  nodes: [
    { id: '0190a0b0-0000-7000-8000-0000000000c1', code: 'A-101', kind: 'unit', areaM2: 60, name: { zh: '一楼东', en: 'First floor east' } },
    { id: '0190a0b0-0000-7000-8000-0000000000c2', code: 'A-102', kind: 'unit', areaM2: 60, name: { zh: '一楼西', en: 'First floor west' } },
  ],
  startsOn: '2026-01-01',
  endsOn: '2026-12-31',
  areaM2: '120',
  cost: { toDate: '100000', toExpiry: '200000' },
  reason: 'Anchor tenant',
};
const request = {
  id: '0190a0b0-0000-7000-8000-0000000000d1',
  ref: 'R-1',
  position: 1,
  organization,
  areaM2: '80',
  seats: null,
  startsOn: '2026-06-01',
  months: 12,
};

/** The desk of a hub with one hold and one waiting request. */
function renderDesk(grants: Grants, locale: 'zh-CN' | 'en-US' = 'zh-CN') {
  const seen = fakeServerWith(capabilitiesWith(grants, ['hub_admin']), ({ method, path }) =>
    method === 'POST'
      ? { status: 200, body: hold }
      : path.startsWith('/api/hubs/hangzhou/spaces/holds')
        ? { status: 200, body: { items: [hold], next: null } }
        : path.startsWith('/api/hubs/hangzhou/spaces/requests')
          ? { status: 200, body: { items: [request], next: null } }
          : undefined,
  );
  renderInApp(
    <Routes>
      <Route path="/hubs/:hub/space-desk" element={<SpaceDeskPage />} />
    </Routes>,
    { path: '/hubs/hangzhou/space-desk', locale },
  );
  return seen;
}

// antd spaces out a two-character Chinese label (释 放).
const named = (label: string) => new RegExp(`^${[...label].join('\\s?')}$`);
const buttons = {
  'zh-CN': ['保留空间', '签订租约', '释放', '部分释放', '转为租约', '提供空间'],
  'en-US': ['Hold space', 'Sign a lease', 'Release', 'Release part', 'Convert to a lease', 'Offer space'],
} as const;

describe('SpaceDeskPage (follows the server’s capabilities, not roles)', () => {
  it.each(['zh-CN', 'en-US'] as const)(
    'shows one who may only read (the hub’s auditor) the holds and the queue with no button that changes them (%s)',
    async (locale) => {
      renderDesk({ spaces: { ask: true } }, locale);
      await screen.findByText('A-101, A-102', undefined, loading);
      await screen.findByText(/R-1/, undefined, loading);
      for (const name of buttons[locale]) expect(screen.queryByRole('button', { name: named(name) })).toBeNull();
    },
  );

  it('keeps a hold’s reference on one line in its narrow cell', async () => {
    renderDesk({ spaces: { operate: true } });
    const ref = await screen.findByText('H-1', { selector: '.short-ref' }, loading);
    expect(ref.style.whiteSpace).toBe('nowrap');
  });

  it('offers holding, leasing, releasing and offering to whom the server lets operate', async () => {
    renderDesk({ spaces: { operate: true } });
    await screen.findByText('A-101, A-102', undefined, loading);
    await screen.findByText(/R-1/, undefined, loading);
    for (const name of buttons['zh-CN']) expect(screen.getByRole('button', { name: named(name) })).toBeTruthy();
  });

  it.each([
    ['zh-CN', '部分释放', /一楼东/, /^确\s*认$/],
    ['en-US', 'Release part', /First floor east/, /^Confirm$/],
  ] as const)('releases part of a hold from the desk: only the units left ticked (%s)', async (locale, releasePart, east, confirm) => {
    const seen = renderDesk({ spaces: { operate: true } }, locale);
    await screen.findByText('A-101, A-102', undefined, loading);
    await userEvent.click(await screen.findByRole('button', { name: named(releasePart) }, loading));
    const dialog = await screen.findByRole('dialog');
    await userEvent.click(within(dialog).getByRole('checkbox', { name: east }));
    await userEvent.click(within(dialog).getByRole('button', { name: confirm }));
    await vi.waitFor(() => expect(seen.some((r) => r.method === 'POST')).toBe(true));
    const post = seen.find((r) => r.method === 'POST')!;
    expect(post.path).toBe(`/api/hubs/hangzhou/spaces/holds/${hold.id}/release`);
    expect(post.body).toEqual({ nodeIds: [hold.nodes[1]!.id] });
  });
});

const releasePath = `/api/hubs/hangzhou/spaces/holds/${hold.id}/release`;

/** The desk of one who may operate, whose release of the hold `release` answers. */
function renderRelease(release: () => { status: number; body?: unknown }, locale: 'zh-CN' | 'en-US', listed = hold) {
  const seen = fakeServerWith(capabilitiesWith({ spaces: { operate: true } }, []), (r: SeenRequest) =>
    r.method === 'POST' ? release() : r.path.startsWith('/api/hubs/hangzhou/spaces/holds') ? { status: 200, body: { items: [listed], next: null } } : undefined,
  );
  renderInApp(
    <Routes>
      <Route path="/hubs/:hub/space-desk" element={<SpaceDeskPage />} />
    </Routes>,
    { path: '/hubs/hangzhou/space-desk', locale },
  );
  return () => seen.filter((r) => r.method === 'POST').map((r) => [r.path, r.body]);
}
const holdRow = async () => (await screen.findByText('A-101, A-102', undefined, loading)).closest('tr') as HTMLElement;

const releaseWords = {
  'zh-CN': {
    release: '释放',
    cancel: '取消',
    asked: '释放 深度求索 在 A-101、A-102 的保留（2026年1月1日至12月31日）？空间今天起空出。',
    said: '已释放 深度求索 在 A-101、A-102 的保留（H-1）。',
  },
  'en-US': {
    release: 'Release',
    cancel: 'Cancel',
    asked: 'Release the hold for DeepSeek on A-101, A-102 (Jan 1 – Dec 31, 2026)? The space is free from today.',
    said: 'Released the hold for DeepSeek on A-101, A-102 (H-1).',
  },
} as const;
/** Clicks Release in the hold's row; the question it asks. */
async function askRelease(locale: 'zh-CN' | 'en-US') {
  await userEvent.click(await within(await holdRow()).findByRole('button', { name: named(releaseWords[locale].release) }, loading));
  return (await screen.findByText(releaseWords[locale].asked)).closest('.ant-popover') as HTMLElement;
}

describe('SpaceDeskPage: an operator releases a hold, on the one form pattern', () => {
  it.each(['zh-CN', 'en-US'] as const)('asks first, naming whom the hold is for, its space and days; cancel keeps it (%s)', async (locale) => {
    const writes = renderRelease(() => ({ status: 200, body: hold }), locale);
    const asked = await askRelease(locale);
    await userEvent.click(within(asked).getByRole('button', { name: named(releaseWords[locale].cancel) }));
    expect(writes()).toEqual([]);
  });

  it.each(['zh-CN', 'en-US'] as const)('releases that hold once confirmed and says whose and which space (%s)', async (locale) => {
    const writes = renderRelease(() => ({ status: 200, body: hold }), locale);
    const asked = await askRelease(locale);
    await userEvent.click(within(asked).getByRole('button', { name: named(releaseWords[locale].release) }));
    expect(await screen.findByText(releaseWords[locale].said)).toBeTruthy();
    expect(writes()).toEqual([[releasePath, {}]]);
  });

  it.each([
    ['zh-CN', '2026年1月1日至12月31日', '1,461 平方米'],
    ['en-US', 'Jan 1 – Dec 31, 2026', '1,461 m²'],
  ] as const)('writes a hold’s days and its area the reader’s way, the area grouped (%s)', async (locale, days, area) => {
    renderRelease(() => ({ status: 200, body: hold }), locale, { ...hold, areaM2: '1461' });
    const row = await holdRow();
    expect(within(row).getByText(days)).toBeTruthy();
    expect(within(row).getByText(area)).toBeTruthy();
  });

  it.each([
    ['zh-CN', '编号'],
    ['en-US', 'Reference'],
  ] as const)('shows each hold’s reference, as the toasts and dialogs name it (%s)', async (locale, column) => {
    renderRelease(() => ({ status: 200, body: hold }), locale);
    const row = await holdRow();
    expect(within(row.closest('table')!).getByRole('columnheader', { name: column })).toBeTruthy();
    expect(within(row).getByText('H-1')).toBeTruthy();
  });

  it.each([
    ['zh-CN', '释放', '该内容已被他人修改，请刷新后重试。'],
    ['en-US', 'Release', 'Someone else changed this; reload and try again.'],
  ] as const)('shows a refusal in that row, in words (%s)', async (locale, release, text) => {
    renderRelease(() => ({ status: 409, body: { error: { code: 'CONFLICT', message: 'x' } } }), locale);
    const row = await holdRow();
    const asked = await askRelease(locale);
    await userEvent.click(within(asked).getByRole('button', { name: named(release) }));
    expect((await within(row).findByRole('alert')).textContent).toContain(text);
  });
});
