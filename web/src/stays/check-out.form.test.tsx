import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import dayjs from 'dayjs';
import { describe, expect, it, vi } from 'vitest';
import type { StayBooking } from '../api/stays.api';
import { fakeServer } from '../../test/fake-server';
import { renderInApp } from '../../test/render';
import { CheckOutForm, checkOutNights } from './check-out.form';
import { nowIn } from './hub-today';

const today = nowIn('Asia/Shanghai').startOf('day');
const day = (offset: number) => today.add(offset, 'day').format('YYYY-MM-DD');
const booking: StayBooking = {
  id: '01a2373f-0000-7000-8000-0000000000a0',
  station: {
    id: '01a2373f-0000-7000-8000-0000000000a1',
    name: { zh: '滨江青年驿站', en: 'Binjiang Youth Station' },
    address: { zh: '江南大道 1 号', en: '1 Jiangnan Avenue' },
  },
  bed: { id: '01a2373f-0000-7000-8000-0000000000a2', label: '2F-8', room: '2F' },
  checkIn: day(-1),
  checkOut: day(5),
  nights: 6,
  status: 'checked_in',
  code: 'K7Q2M9XP',
  guest: { personId: '01a2373f-0000-7000-8000-0000000000a3', name: { zh: '应届毕业生', en: 'New Graduate' } },
  createdAt: '2026-12-02T08:00:00.000Z',
  checkedInAt: '2026-12-06T08:00:00.000Z',
  checkedOutAt: null,
  replacesId: null,
};
const path = `/api/hubs/hangzhou/stays/bookings/${booking.id}/check-out`;
const words = {
  'zh-CN': {
    out: /^离\s?店$/,
    cancel: /^取\s?消$/,
    title: '为 应届毕业生 办理离店？',
    body: `房间 2F · 床位 2F-8 的住宿今天（${today.format('YYYY年M月D日')}）结束：已住 1 晚，预订余下的 5 晚将释放给其他人预订。`,
    notActive: '该预订已取消、已变更或已结束。',
  },
  'en-US': {
    out: /^Check out$/,
    cancel: /^Cancel$/,
    title: 'Check out New Graduate?',
    body: `The stay in room 2F, bed 2F-8 ends today (${today.format('MMM D, YYYY')}). Nights stayed: 1. Nights given back for others to book: 5.`,
    notActive: 'This booking was cancelled, changed or has ended.',
  },
};
type Locale = keyof typeof words;

function renderForm(reply: Parameters<typeof fakeServer>[0], locale: Locale = 'zh-CN') {
  const all = fakeServer(reply);
  const posts = () => all.filter((r) => r.method === 'POST');
  const onDone = vi.fn(async () => undefined);
  renderInApp(<CheckOutForm hub="hangzhou" booking={booking} onDone={onDone} />, { locale });
  return { posts, onDone };
}
const press = (locale: Locale) => userEvent.click(screen.getByRole('button', { name: words[locale].out }));
const confirmBox = () => screen.getByRole('tooltip');

describe('CheckOutForm: the desk checks a guest out, after saying what it ends', () => {
  it.each(['zh-CN', 'en-US'] as const)('asks first, naming the guest, the bed, today and the nights given back; cancel sends nothing (%s)', async (locale) => {
    const { posts, onDone } = renderForm(() => ({ status: 200, body: {} }), locale);
    await press(locale);
    const box = await screen.findByRole('tooltip');
    expect(box.textContent).toContain(words[locale].title);
    expect(box.textContent).toContain(words[locale].body);
    await userEvent.click(within(box).getByRole('button', { name: words[locale].cancel }));
    expect(posts()).toEqual([]);
    expect(onDone).not.toHaveBeenCalled();
  });

  it('sends the check-out of that booking once confirmed, then refreshes', async () => {
    const { posts, onDone } = renderForm(() => ({ status: 200, body: {} }));
    await press('zh-CN');
    await userEvent.click(within(await screen.findByRole('tooltip')).getByRole('button', { name: words['zh-CN'].out }));
    await vi.waitFor(() => expect(onDone).toHaveBeenCalled());
    expect(posts().map((r) => [r.method, r.path])).toEqual([['POST', path]]);
    expect(posts()[0]!.headers.get('idempotency-key')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('sends one Idempotency-Key per check-out: the same on a retry after a failure, a new one after it succeeded', async () => {
    let answers = 0;
    const { posts, onDone } = renderForm(({ method }) => {
      if (method !== 'POST') return { status: 404 };
      answers += 1;
      return answers === 1 ? { status: 500, body: { error: { code: 'INTERNAL', message: 'x' } } } : { status: 200, body: {} };
    });
    // The form's own button (the confirm box, once shown, stays in the page with its own).
    const confirm = async () => {
      await userEvent.click(within(document.querySelector('form')!).getByRole('button', { name: words['zh-CN'].out }));
      await userEvent.click(within(await screen.findByRole('tooltip')).getByRole('button', { name: words['zh-CN'].out }));
    };
    await confirm();
    await screen.findByRole('alert');
    await confirm();
    await vi.waitFor(() => expect(onDone).toHaveBeenCalledTimes(1));
    await confirm();
    await vi.waitFor(() => expect(onDone).toHaveBeenCalledTimes(2));
    const keys = posts().map((r) => r.headers.get('idempotency-key'));
    expect(keys).toHaveLength(3);
    expect(keys[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(keys[1]).toBe(keys[0]);
    expect(keys[2]).not.toBe(keys[0]);
  });

  it.each(['zh-CN', 'en-US'] as const)('shows a refusal above the button, in words (%s)', async (locale) => {
    const { onDone } = renderForm(
      ({ method }) => (method === 'POST' ? { status: 409, body: { error: { code: 'BOOKING_NOT_ACTIVE', message: 'x' } } } : { status: 404 }),
      locale,
    );
    await press(locale);
    await userEvent.click(within(confirmBox()).getByRole('button', { name: words[locale].out }));
    expect((await screen.findByRole('alert')).textContent).toContain(words[locale].notActive);
    expect(onDone).not.toHaveBeenCalled();
  });

  it('counts the nights as the server does: at least one, the rest given back; none on the last day', () => {
    const on = (d: string) => dayjs(d);
    const stay = { checkIn: '2026-12-06', checkOut: '2026-12-12' };
    expect(checkOutNights(stay, on('2026-12-06'))).toEqual({ stayed: 1, freed: 5 });
    expect(checkOutNights(stay, on('2026-12-09'))).toEqual({ stayed: 3, freed: 3 });
    expect(checkOutNights(stay, on('2026-12-12'))).toEqual({ stayed: 6, freed: 0 });
  });
});
