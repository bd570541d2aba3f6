import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { StayBooking } from '../../../contracts/stays';
import { fakeServer, validationFailed } from '../../test/fake-server';
import { renderInApp } from '../../test/render';
import { ChangeBookingModal } from './change-booking.modal';

const booking: StayBooking = {
  id: '01a2373f-0000-7000-8000-000000000050',
  station: {
    id: '01a2373f-0000-7000-8000-000000000051',
    name: { zh: '西湖驿站', en: 'West Lake Station' },
    address: { zh: '文三路 1 号', en: '1 Wensan Road' },
  },
  bed: { id: '01a2373f-0000-7000-8000-000000000052', label: 'A', room: '301' },
  checkIn: '2099-05-01',
  checkOut: '2099-05-04',
  nights: 3,
  status: 'confirmed',
  code: 'QX7M2K',
  guest: { personId: '01a2373f-0000-7000-8000-000000000053', name: null },
  createdAt: '2026-11-20T08:00:00.000Z',
  checkedInAt: null,
  checkedOutAt: null,
  replacesId: null,
};
const changePath = `/api/hubs/hangzhou/stays/bookings/${booking.id}/change`;
const words = {
  'zh-CN': { dates: '入住与离店日期', save: /^保\s?存$/, tooMany: '入住晚数超过上限。', notActive: '该预订已取消、已变更或已结束。' },
  'en-US': {
    dates: 'Check-in and check-out',
    save: /^Save$/,
    tooMany: 'More nights than allowed.',
    notActive: 'This booking was cancelled, changed or has ended.',
  },
};
type Locale = keyof typeof words;

const dialog = () => screen.getByRole('dialog');
const datesField = (locale: Locale) => within(dialog()).getByText(words[locale].dates).closest('.ant-form-item')!;
const save = (locale: Locale) => userEvent.click(within(dialog()).getByRole('button', { name: words[locale].save }));

function renderModal(reply: Parameters<typeof fakeServer>[0], locale: Locale = 'zh-CN') {
  // The dialog also reads the hub's time zone (its today); only the writes are looked at.
  const all = fakeServer(reply);
  const seen = {
    get writes() {
      return all.filter((r) => r.method === 'POST');
    },
  };
  const onClose = vi.fn();
  const onDone = vi.fn(async () => undefined);
  renderInApp(<ChangeBookingModal hub="hangzhou" booking={booking} onClose={onClose} onDone={onDone} />, { locale });
  return { seen, onClose, onDone };
}

describe('ChangeBookingModal: the graduate moves a booking, on the one form pattern', () => {
  it('sends the dates with an Idempotency-Key, then refreshes and closes', async () => {
    const { seen, onClose, onDone } = renderModal(({ method }) => (method === 'POST' ? { status: 200, body: booking } : { status: 404 }));
    await save('zh-CN');
    await vi.waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(onDone).toHaveBeenCalled();
    expect(seen.writes.map((r) => [r.method, r.path, r.body])).toEqual([['POST', changePath, { checkIn: '2099-05-01', checkOut: '2099-05-04' }]]);
    expect(seen.writes[0]!.headers.get('idempotency-key')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it.each(['zh-CN', 'en-US'] as const)('shows a refused check-out day under the dates, and a retry sends the same key (%s)', async (locale) => {
    const { seen, onClose } = renderModal(() => ({ ...validationFailed('checkOut', 'TOO_MANY_NIGHTS'), status: 409 }), locale);
    await save(locale);
    await vi.waitFor(() => expect(datesField(locale).textContent).toContain(words[locale].tooMany));
    expect(within(dialog()).queryByRole('alert')).toBeNull();
    expect(onClose).not.toHaveBeenCalled();
    await save(locale);
    await vi.waitFor(() => expect(seen.writes).toHaveLength(2));
    expect(seen.writes[1]!.headers.get('idempotency-key')).toBe(seen.writes[0]!.headers.get('idempotency-key'));
  });

  it('shows a refusal that names no field above the form', async () => {
    renderModal(() => ({ status: 409, body: { error: { code: 'BOOKING_NOT_ACTIVE', message: 'not active' } } }), 'en-US');
    await save('en-US');
    expect((await within(dialog()).findByRole('alert')).textContent).toContain(words['en-US'].notActive);
    expect(datesField('en-US').textContent).not.toContain(words['en-US'].notActive);
  });
});
