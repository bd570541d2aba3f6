import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import type { AuditEvent, AuditVerification } from '../api/audit.api';
import { loading } from '../../test/capabilities';
import { fakeServer, type SeenRequest } from '../../test/fake-server';
import { renderInApp } from '../../test/render';
import { AuditLogPage } from './audit-log.page';

const officer = { id: '01a2373f-0000-7000-8000-0000000000a1', name: '王芳' };
const event = (seq: number, action: string, over: Partial<AuditEvent> = {}): AuditEvent => ({
  seq,
  occurredAt: '2026-11-01T08:00:00.000Z',
  action,
  actor: officer,
  subjectType: 'organization',
  subjectId: '01a2373f-0000-7000-8000-00000000abcd',
  payload: {},
  ...over,
});
const firstPage = {
  items: [
    event(12, 'ledger.disbursed', { subjectType: 'ledger_transfer', payload: { amountMinor: '50000000', line: '2060301' } }),
    event(11, 'ledger.transfer_posted', { subjectType: 'ledger_transfer' }),
    event(10, 'hub.created', { actor: null, subjectType: 'hub' }),
  ],
  next: 'c2Vx',
};
const secondPage = { items: [event(9, 'organization.created')], next: null };

const words = {
  'zh-CN': {
    disbursed: '拨付资金',
    unknown: '账本事件',
    system: '系统',
    created: '登记组织',
    action: '操作',
    allLedger: '账本：全部',
    loadMore: /加载更多/,
    verify: /核验哈希链/,
    ok: '哈希链完整：已核验 12 条事件，未发现篡改。',
    broken: '哈希链在第 11 条事件处断开（该事件的内容与其哈希不符）。此前的 10 条事件核验无误。',
    only: '只看王芳的操作',
    csv: /下载 CSV 表格/,
    details: '记录的详情（2 项）',
  },
  'en-US': {
    disbursed: 'Money paid out',
    unknown: 'Ledger event',
    system: 'System',
    created: 'Organisation registered',
    action: 'Action',
    allLedger: 'Ledger: all',
    loadMore: /Load more/,
    verify: /Verify the chain/,
    ok: 'The chain is whole: 12 events verified, nothing altered.',
    broken: 'The chain breaks at event no. 11 (its contents do not match its hash). The 10 events before it verify.',
    only: 'Only what 王芳 did',
    csv: /Download as a CSV table/,
    details: 'Recorded details (2)',
  },
};
type Locale = keyof typeof words;

function renderPage(locale: Locale, verification: AuditVerification = { ok: true, events: 12, brokenAt: null, checkedAt: '2026-11-02T08:00:00.000Z' }) {
  const seen = fakeServer((request: SeenRequest) => {
    const url = new URL(request.path, 'http://x');
    if (url.pathname === '/api/hubs/hangzhou/audit/events') return { status: 200, body: url.searchParams.get('next') ? secondPage : firstPage };
    if (url.pathname === '/api/hubs/hangzhou/audit/verification') return { status: 200, body: verification };
    return { status: 404, body: { error: { code: 'NOT_FOUND', message: 'x' } } };
  });
  renderInApp(
    <Routes>
      <Route path="/hubs/:hub/audit" element={<AuditLogPage />} />
    </Routes>,
    { locale, path: '/hubs/hangzhou/audit' },
  );
  const reads = () =>
    seen.filter((r) => r.path.startsWith('/api/hubs/hangzhou/audit/events')).map((r) => Object.fromEntries(new URL(r.path, 'http://x').searchParams));
  return { seen, reads };
}

describe.each(['zh-CN', 'en-US'] as const)('AuditLogPage (%s): the auditor reads the hub’s audit log', (locale) => {
  const w = words[locale];

  it('says each action in words with its code beside it, names the actor, and falls back for an unknown action', async () => {
    renderPage(locale);
    expect(await screen.findByText(w.disbursed, undefined, loading)).toBeTruthy();
    expect(screen.getByText('ledger.disbursed')).toBeTruthy();
    expect(screen.getByText(w.unknown)).toBeTruthy();
    expect(screen.getByText('ledger.transfer_posted')).toBeTruthy();
    expect(screen.getAllByRole('button', { name: '王芳' })).toHaveLength(2);
    expect(screen.getByText(w.system)).toBeTruthy();
    // The export of the (whole) range, as a plain download.
    expect(screen.getByRole('link', { name: w.csv }).getAttribute('href')).toBe('/api/hubs/hangzhou/audit/export?format=csv');
  });

  it('folds what an event recorded beneath it, and offers nothing for one that recorded nothing more', async () => {
    renderPage(locale);
    await screen.findByText(w.disbursed, undefined, loading);
    const summary = screen.getByText(w.details);
    expect(screen.getAllByText(/\(\d+( 项)?\)|（\d+ 项）/)).toHaveLength(1);
    const details = summary.closest('details')!;
    expect(details.open).toBe(false);
    await userEvent.click(summary);
    expect(details.open).toBe(true);
    expect(within(details).getByText('amountMinor').nextElementSibling?.textContent).toBe('50000000');
    expect(within(details).getByText('line').nextElementSibling?.textContent).toBe('2060301');
  });

  it('sends the filters: an area’s actions, then one person’s', async () => {
    const { reads } = renderPage(locale);
    await screen.findByText(w.disbursed, undefined, loading);
    const field = screen.getByRole('combobox', { name: w.action });
    await userEvent.click(field);
    await userEvent.type(field, 'ledger.');
    const listbox = await waitFor(
      () =>
        document.getElementById(field.getAttribute('aria-controls') ?? '')?.closest<HTMLElement>('.ant-select-dropdown') ??
        Promise.reject(new Error('no list')),
    );
    await userEvent.click(within(listbox).getByTitle(w.allLedger));
    await waitFor(() => expect(reads().at(-1)).toEqual({ action: 'ledger.' }));

    await userEvent.click(screen.getAllByRole('button', { name: '王芳' })[0]!);
    await waitFor(() => expect(reads().at(-1)).toEqual({ action: 'ledger.', actor: officer.id }));
    expect(screen.getByText(w.only)).toBeTruthy();
  });

  it('loads older events with "Load more"', async () => {
    const { reads } = renderPage(locale);
    await screen.findByText(w.disbursed, undefined, loading);
    await userEvent.click(screen.getByRole('button', { name: w.loadMore }));
    expect(await screen.findByText(w.created)).toBeTruthy();
    expect(reads().at(-1)).toEqual({ next: 'c2Vx' });
    expect(screen.getByText(w.disbursed)).toBeTruthy();
    expect(screen.queryByRole('button', { name: w.loadMore })).toBeNull();
  });

  it('verifies the chain and says the result', async () => {
    renderPage(locale);
    await screen.findByText(w.disbursed, undefined, loading);
    await userEvent.click(screen.getByRole('button', { name: w.verify }));
    expect(await screen.findByText(w.ok)).toBeTruthy();
  });

  it('says where a tampered chain breaks', async () => {
    renderPage(locale, { ok: false, events: 10, brokenAt: { seq: 11, reason: 'hash_mismatch' }, checkedAt: '2026-11-02T08:00:00.000Z' });
    await screen.findByText(w.disbursed, undefined, loading);
    await userEvent.click(screen.getByRole('button', { name: w.verify }));
    expect(await screen.findByText(w.broken)).toBeTruthy();
  });
});
