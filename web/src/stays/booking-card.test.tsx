import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderInApp } from '../../test/render';
import type { StayBooking } from '../api/stays.api';
import { BookingCard, mapLink } from './booking-card';
import { bookingIcs } from './booking-ics';

const booking: StayBooking = {
  id: '01a2373f-0000-7000-8000-000000000001',
  station: {
    id: '01a2373f-0000-7000-8000-000000000002',
    name: { zh: '滨江青年驿站', en: 'Binjiang Youth Station' },
    address: { zh: '杭州市滨江区江南大道 1 号', en: '1 Jiangnan Avenue, Binjiang, Hangzhou' },
  },
  bed: { id: '01a2373f-0000-7000-8000-000000000003', label: 'B', room: '203' },
  checkIn: '2026-12-10',
  checkOut: '2026-12-14',
  nights: 4,
  status: 'confirmed',
  code: 'K7Q2M9XP',
  guest: { personId: '01a2373f-0000-7000-8000-000000000004', name: null },
  createdAt: '2026-12-02T08:00:00.000Z',
  checkedInAt: null,
  checkedOutAt: null,
  replacesId: null,
};

describe('BookingCard', () => {
  it('shows the address with a map link, what to do on arrival and the code, in Chinese', () => {
    renderInApp(<BookingCard booking={booking} />);
    const card = screen.getByRole('group', { name: '预订确认' });
    expect(within(card).getByText(/杭州市滨江区江南大道 1 号/)).toBeTruthy();
    const map = within(card).getByRole('link', { name: /在地图中打开/ });
    expect(map.getAttribute('href')).toBe(mapLink('杭州市滨江区江南大道 1 号'));
    expect(card.textContent).toContain('请于 2026年12月10日 携带身份证或护照到前台，出示此二维码，或告知入住码 K7Q2M9XP。');
    expect(card.textContent).not.toContain('2026-12-10');
    expect(card.textContent).toContain('2026年12月10日至12月14日（4 晚）');
    expect(card.textContent).toContain('203 · B');
  });

  it('offers the stay as an .ics download in English', () => {
    renderInApp(<BookingCard booking={booking} />, { locale: 'en-US' });
    const add = screen.getByRole('link', { name: /Add to calendar/ });
    expect(add.getAttribute('download')).toBe('stay-2026-12-10.ics');
    const ics = decodeURIComponent(add.getAttribute('href')!.replace(/^data:text\/calendar;charset=utf-8,/, ''));
    expect(ics).toContain('DTSTART;VALUE=DATE:20261210');
    expect(ics).toContain('DTEND;VALUE=DATE:20261214');
    expect(ics).toContain('SUMMARY:Stay at Binjiang Youth Station');
    expect(ics).toContain('LOCATION:1 Jiangnan Avenue\\, Binjiang\\, Hangzhou');
    expect(ics).toContain('K7Q2M9XP');
    expect(ics).toContain('On Dec 10\\, 2026\\, go to the front desk');
    const card = screen.getByRole('group', { name: 'Booking confirmation' });
    expect(card.textContent).toContain('On Dec 10, 2026, go to the front desk with your ID card or passport');
    expect(card.textContent).toContain('Dec 10 – Dec 14, 2026 (4 nights)');
  });

  it('writes a valid calendar: CRLF lines, escaped text, one event', () => {
    const ics = bookingIcs(booking, { title: 'a;b', address: 'x,y', description: 'line1\nline2' }, new Date('2026-12-02T08:00:00Z'));
    expect(ics.split('\r\n').slice(0, 2)).toEqual(['BEGIN:VCALENDAR', 'VERSION:2.0']);
    expect(ics).toContain('DTSTAMP:20261202T080000Z');
    expect(ics).toContain('SUMMARY:a\\;b');
    expect(ics).toContain('DESCRIPTION:line1\\nline2');
    expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(1);
  });
});
