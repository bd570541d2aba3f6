import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { StayBooking, WaitlistEntry } from '../../../contracts/stays';
import { fakeServer, type SeenRequest } from '../../test/fake-server';
import { renderInApp } from '../../test/render';
import { MyBookingsCard } from './my-bookings.card';

const stationId = '01a2373f-0000-7000-8000-000000000060';
const booking: StayBooking = {
  id: '01a2373f-0000-7000-8000-000000000061',
  station: { id: stationId, name: { zh: '西湖驿站', en: 'West Lake Station' }, address: { zh: '文三路 1 号', en: '1 Wensan Road' } },
  bed: { id: '01a2373f-0000-7000-8000-000000000062', label: 'A', room: '301' },
  checkIn: '2099-05-01',
  checkOut: '2099-05-04',
  nights: 3,
  status: 'confirmed',
  code: 'QX7M2K',
  guest: { personId: '01a2373f-0000-7000-8000-000000000063', name: null },
  createdAt: '2026-11-20T08:00:00.000Z',
  checkedInAt: null,
  checkedOutAt: null,
  replacesId: null,
};
const entry: WaitlistEntry = {
  id: '01a2373f-0000-7000-8000-000000000064',
  stationId,
  startsOn: '2099-06-01',
  endsOn: '2099-06-03',
  status: 'offered',
  position: 1,
  offer: { bookingId: '01a2373f-0000-7000-8000-000000000065', expiresAt: '2099-05-30T08:00:00.000Z' },
} as WaitlistEntry;
const base = '/api/hubs/hangzhou/stays';
const words = {
  'zh-CN': {
    cancel: '取消预订',
    keep: '保留预订',
    cancelConfirm: '确定取消这个预订？床位会立即释放。',
    accept: '确认入住',
    leave: '退出候补',
    notActive: '该预订已取消、已变更或已结束。',
    expired: '该床位的保留时间已过，已转给下一位。',
  },
  'en-US': {
    cancel: 'Cancel booking',
    keep: 'Keep booking',
    cancelConfirm: 'Cancel this booking? The bed is released at once.',
    accept: 'Accept the bed',
    leave: 'Leave the waitlist',
    notActive: 'This booking was cancelled, changed or has ended.',
    expired: 'The offer of this bed has expired and passed on.',
  },
};
type Locale = keyof typeof words;

/** The graduate's card with one booking and one offered waitlist place; `write` answers every POST. */
function renderCard(write: (request: SeenRequest) => { status: number; body?: unknown }, locale: Locale = 'zh-CN') {
  const seen = fakeServer((request) => {
    if (request.method === 'POST') return write(request);
    if (request.path.startsWith(`${base}/bookings`)) return { status: 200, body: { items: [booking], next: null } };
    if (request.path.startsWith(`${base}/waitlist`)) return { status: 200, body: { items: [entry], next: null } };
    if (request.path.startsWith(`${base}/stations`)) return { status: 200, body: { items: [], next: null } };
    return { status: 404, body: { error: { code: 'NOT_FOUND', message: 'not found' } } };
  });
  renderInApp(<MyBookingsCard hub="hangzhou" />, { locale });
  return () => seen.filter((r) => r.method === 'POST').map((r) => r.path);
}
const itemOf = (button: HTMLElement) => button.closest('li') as HTMLElement;

async function cancel(locale: Locale) {
  const button = await screen.findByRole('button', { name: words[locale].cancel });
  await userEvent.click(button);
  await userEvent.click(within(await screen.findByRole('tooltip')).getByRole('button', { name: words[locale].cancel }));
  return itemOf(button);
}

describe('MyBookingsCard: the graduate’s booking and waitlist actions, each a form on the one pattern', () => {
  it('cancels the booking only once confirmed', async () => {
    const writes = renderCard(() => ({ status: 200, body: { ...booking, status: 'cancelled' } }));
    await userEvent.click(await screen.findByRole('button', { name: words['zh-CN'].cancel }));
    expect(writes()).toEqual([]);
    await userEvent.click(within(await screen.findByRole('tooltip')).getByRole('button', { name: words['zh-CN'].cancel }));
    await vi.waitFor(() => expect(writes()).toEqual([`${base}/bookings/${booking.id}/cancel`]));
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it.each(['zh-CN', 'en-US'] as const)('asks about this booking, offering to keep it or cancel it (danger) (%s)', async (locale) => {
    const writes = renderCard(() => ({ status: 200, body: { ...booking, status: 'cancelled' } }), locale);
    await userEvent.click(await screen.findByRole('button', { name: words[locale].cancel }));
    const confirm = await screen.findByRole('tooltip');
    expect(confirm.textContent).toContain(words[locale].cancelConfirm);
    expect(within(confirm).getByRole('button', { name: words[locale].cancel }).className).toContain('ant-btn-dangerous');
    await userEvent.click(within(confirm).getByRole('button', { name: words[locale].keep }));
    expect(writes()).toEqual([]);
  });

  it('sends one Idempotency-Key per cancel: the same on a retry after a failure, a new one after it succeeded', async () => {
    let answers = 0;
    const seen = fakeServer((request) => {
      if (request.method === 'POST') {
        answers += 1;
        return answers === 1
          ? { status: 500, body: { error: { code: 'INTERNAL', message: 'x' } } }
          : { status: 200, body: { ...booking, status: 'cancelled' } };
      }
      if (request.path.startsWith(`${base}/bookings`)) return { status: 200, body: { items: [booking], next: null } };
      if (request.path.startsWith(`${base}/waitlist`)) return { status: 200, body: { items: [], next: null } };
      return { status: 200, body: { items: [], next: null } };
    });
    renderInApp(<MyBookingsCard hub="hangzhou" />, { locale: 'en-US' });
    const posts = () => seen.filter((r) => r.method === 'POST');
    const button = await screen.findByRole('button', { name: words['en-US'].cancel });
    // The booking's own button (the confirm box, once shown, stays in the page with its own).
    const confirm = async () => {
      await userEvent.click(button);
      await userEvent.click(within(await screen.findByRole('tooltip')).getByRole('button', { name: words['en-US'].cancel }));
    };
    await confirm();
    await within(itemOf(button)).findByRole('alert');
    await confirm();
    await vi.waitFor(() => expect(posts()).toHaveLength(2));
    await vi.waitFor(() => expect(within(itemOf(button)).queryByRole('alert')).toBeNull());
    await confirm();
    await vi.waitFor(() => expect(posts()).toHaveLength(3));
    expect(posts().map((r) => r.path)).toEqual(Array(3).fill(`${base}/bookings/${booking.id}/cancel`));
    const keys = posts().map((r) => r.headers.get('idempotency-key'));
    expect(keys[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(keys[1]).toBe(keys[0]);
    expect(keys[2]).toMatch(/^[0-9a-f-]{36}$/);
    expect(keys[2]).not.toBe(keys[0]);
  });

  it('opens the change-of-dates dialog for that booking', async () => {
    renderCard(() => ({ status: 200, body: booking }), 'en-US');
    await userEvent.click(await screen.findByRole('button', { name: 'Change dates' }));
    expect(within(await screen.findByRole('dialog')).getByText('New dates')).toBeTruthy();
  });

  it.each(['zh-CN', 'en-US'] as const)('shows a refused cancel under that booking, in words (%s)', async (locale) => {
    renderCard(() => ({ status: 409, body: { error: { code: 'BOOKING_NOT_ACTIVE', message: 'not active' } } }), locale);
    const item = await cancel(locale);
    expect((await within(item).findByRole('alert')).textContent).toContain(words[locale].notActive);
  });

  it('accepts the offered bed, or leaves the list, each by its own button', async () => {
    const writes = renderCard(() => ({ status: 200, body: entry }), 'en-US');
    await userEvent.click(await screen.findByRole('button', { name: words['en-US'].accept }));
    await vi.waitFor(() => expect(writes()).toEqual([`${base}/waitlist/${entry.id}/accept`]));
    await userEvent.click(screen.getByRole('button', { name: words['en-US'].leave }));
    await vi.waitFor(() => expect(writes()).toEqual([`${base}/waitlist/${entry.id}/accept`, `${base}/waitlist/${entry.id}/leave`]));
  });

  it('sends one Idempotency-Key per accept: the same on a retry after a failure, a new one after it succeeded or after leaving', async () => {
    let answers = 0;
    const seen = fakeServer((request) => {
      if (request.method === 'POST') {
        answers += 1;
        return answers === 1 ? { status: 500, body: { error: { code: 'INTERNAL', message: 'x' } } } : { status: 200, body: entry };
      }
      if (request.path.startsWith(`${base}/bookings`)) return { status: 200, body: { items: [], next: null } };
      if (request.path.startsWith(`${base}/waitlist`)) return { status: 200, body: { items: [entry], next: null } };
      return { status: 200, body: { items: [], next: null } };
    });
    renderInApp(<MyBookingsCard hub="hangzhou" />, { locale: 'en-US' });
    const posts = () => seen.filter((r) => r.method === 'POST');
    const accept = async (n: number) => {
      await userEvent.click(await screen.findByRole('button', { name: words['en-US'].accept }));
      await vi.waitFor(() => expect(posts()).toHaveLength(n));
    };
    await accept(1);
    expect(await screen.findByRole('alert')).toBeTruthy();
    await accept(2);
    await accept(3);
    await userEvent.click(screen.getByRole('button', { name: words['en-US'].leave }));
    await vi.waitFor(() => expect(posts()).toHaveLength(4));
    await accept(5);
    const sent = posts().map((r) => [r.path.split('/').pop(), r.headers.get('idempotency-key')] as const);
    expect(sent.map(([act]) => act)).toEqual(['accept', 'accept', 'accept', 'leave', 'accept']);
    const keys = sent.map(([, key]) => key);
    expect(keys[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(keys[1]).toBe(keys[0]);
    expect(keys[2]).toMatch(/^[0-9a-f-]{36}$/);
    expect(keys[2]).not.toBe(keys[0]);
    expect(keys[3]).toBeNull();
    expect(keys[4]).toMatch(/^[0-9a-f-]{36}$/);
    expect(new Set([keys[0], keys[2], keys[4]]).size).toBe(3);
  });

  it.each([
    ['zh-CN', '为您保留了一个床位，请在 2099年5月30日 08:00 前确认。'],
    ['en-US', /^A bed is held for you until May 30, 2099, 8:00\sAM: accept it before then\.$/],
  ] as const)('says until when the bed is held, as a moment in the page’s language (%s)', async (locale, held) => {
    renderCard(() => ({ status: 200, body: entry }), locale);
    expect(await screen.findByText(held)).toBeTruthy();
  });

  it.each(['zh-CN', 'en-US'] as const)('shows a lapsed offer under that waitlist place (%s)', async (locale) => {
    renderCard(() => ({ status: 409, body: { error: { code: 'OFFER_EXPIRED', message: 'expired' } } }), locale);
    const button = await screen.findByRole('button', { name: words[locale].accept });
    await userEvent.click(button);
    expect((await within(itemOf(button)).findByRole('alert')).textContent).toContain(words[locale].expired);
  });
});
