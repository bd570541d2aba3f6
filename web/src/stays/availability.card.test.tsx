import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { Availability, Station, StayBooking } from '../../../contracts/stays';
import { fakeServer, type SeenRequest } from '../../test/fake-server';
import { renderInApp } from '../../test/render';
import { AvailabilityCard } from './availability.card';

const station = (n: number, zh: string, en: string): Station => ({
  id: `01a2373f-0000-7000-8000-00000000007${n}`,
  name: { zh, en },
  address: { zh: '文三路 1 号', en: '1 Wensan Road' },
  district: 'xihu',
  photos: [],
  rules: { maxNightsPerStay: 6, maxNightsPerYear: null, maxNightsLifetime: null, minDegree: 'bachelor', graduatedWithinMonths: 24, noShowHour: 22 },
  opensOn: '2026-01-01',
  closesOn: null,
  blackouts: [],
  beds: 10,
  managed: false,
});
const free = station(1, '西湖驿站', 'West Lake Station');
const full = station(2, '滨江驿站', 'Binjiang Station');
const availability = (from: string, to: string): Availability => ({
  from,
  to,
  stations: [
    { station: free, freeForRange: 3, nights: [] },
    { station: full, freeForRange: 0, nights: [{ date: from, free: 0, closed: false }] },
  ],
});
const booking: StayBooking = {
  id: '01a2373f-0000-7000-8000-000000000079',
  station: { id: free.id, name: free.name, address: free.address },
  bed: { id: '01a2373f-0000-7000-8000-000000000078', label: 'A', room: '301' },
  checkIn: '2099-05-01',
  checkOut: '2099-05-07',
  nights: 6,
  status: 'confirmed',
  code: 'QX7M2KQX7M',
  guest: { personId: '01a2373f-0000-7000-8000-000000000077', name: null },
  createdAt: '2026-11-20T08:00:00.000Z',
  checkedInAt: null,
  checkedOutAt: null,
  replacesId: null,
};
const words = {
  'zh-CN': { find: /^查\s?找$/, book: /^预\s?订$/, wait: '加入候补', limit: '超出入住晚数上限', already: '您已在该驿站这些日期的候补名单上。' },
  'en-US': {
    find: /^Search$/,
    book: /^Book$/,
    wait: 'Join the waitlist',
    limit: 'More nights than the rules allow',
    already: 'You are already on this station’s waitlist for these dates.',
  },
};
type Locale = keyof typeof words;

/** The search card; `write` answers the booking or the waitlist. */
function renderCard(write: (request: SeenRequest) => { status: number; body?: unknown }, locale: Locale = 'en-US') {
  const seen = fakeServer((request) => {
    if (request.method === 'POST') return write(request);
    const query = new URL(request.path, 'http://x').searchParams;
    if (request.path.startsWith('/api/hubs/hangzhou/stays/availability')) {
      searchedFrom = query.get('from')!;
      return { status: 200, body: availability(searchedFrom, query.get('to')!) };
    }
    if (request.path.startsWith('/api/hubs/hangzhou/stays/stations')) return { status: 200, body: { items: [free, full], next: null } };
    return { status: 404, body: { error: { code: 'NOT_FOUND', message: 'not found' } } };
  });
  renderInApp(<AvailabilityCard hub="hangzhou" />, { locale });
  return () => seen.filter((r) => r.method === 'POST');
}
/** The first night of the last search: the fake server marks it full at the full station. */
let searchedFrom: string | undefined;
const resultOf = (name: string) => screen.getByRole('listitem', { name });

async function search(locale: Locale) {
  await userEvent.click(screen.getByRole('button', { name: words[locale].find }));
  await screen.findByRole('list', undefined, { timeout: 5000 });
}

async function bookFree(locale: Locale) {
  await search(locale);
  await userEvent.click(within(resultOf(locale === 'en-US' ? free.name.en : free.name.zh)).getByRole('button', { name: words[locale].book }));
  const dialog = await screen.findByRole('dialog');
  await userEvent.click(within(dialog).getByRole('button', { name: words[locale].book }));
  return dialog;
}

describe('AvailabilityCard: booking and waiting, each on the one form pattern', () => {
  it('books the searched dates with an Idempotency-Key after the dialog, and shows the confirmation', async () => {
    const writes = renderCard(() => ({ status: 201, body: booking }));
    await bookFree('en-US');
    expect(await screen.findByText('Booked', undefined, { timeout: 5000 })).toBeTruthy();
    expect(writes()).toHaveLength(1);
    const [sent] = writes();
    expect(sent!.path).toBe('/api/hubs/hangzhou/stays/bookings');
    expect(sent!.headers.get('idempotency-key')).toMatch(/^[0-9a-f-]{36}$/);
    const body = sent!.body as { stationId: string; checkIn: string; checkOut: string };
    expect(body.stationId).toBe(free.id);
    expect(body.checkIn < body.checkOut).toBe(true);
  });

  it.each(['zh-CN', 'en-US'] as const)('keeps the dialog open with the refusal in it, and a retry sends the same key (%s)', async (locale) => {
    const writes = renderCard(
      () => ({
        status: 409,
        body: { error: { code: 'STAY_LIMIT_REACHED', message: 'limit', fields: [{ path: 'checkOut', code: 'TOO_MANY_NIGHTS', message: 'x' }] } },
      }),
      locale,
    );
    const dialog = await bookFree(locale);
    expect((await within(dialog).findByRole('alert')).textContent).toContain(words[locale].limit);
    await userEvent.click(within(dialog).getByRole('button', { name: words[locale].book }));
    await vi.waitFor(() => expect(writes()).toHaveLength(2));
    expect(writes()[1]!.headers.get('idempotency-key')).toBe(writes()[0]!.headers.get('idempotency-key'));
  });

  it.each(['zh-CN', 'en-US'] as const)('joins the waitlist of a full station, and shows a refusal above its button (%s)', async (locale) => {
    const writes = renderCard(() => ({ status: 409, body: { error: { code: 'ALREADY_WAITING', message: 'already' } } }), locale);
    await search(locale);
    const row = resultOf(locale === 'en-US' ? full.name.en : full.name.zh);
    await userEvent.click(within(row).getByRole('button', { name: words[locale].wait }));
    expect((await within(row).findByRole('alert')).textContent).toContain(words[locale].already);
    expect(writes().map((r) => [r.path, (r.body as { stationId: string }).stationId])).toEqual([['/api/hubs/hangzhou/stays/waitlist', full.id]]);
  });

  it.each([
    ['zh-CN', '无空床的日期：'],
    ['en-US', 'Nights without a free bed:'],
  ] as const)('leads the full nights with the language’s own colon (%s)', async (locale, lead) => {
    renderCard(() => ({ status: 500 }), locale);
    await search(locale);
    const row = resultOf(locale === 'en-US' ? full.name.en : full.name.zh);
    expect(within(row).getByText(lead)).toBeTruthy();
  });

  it.each([
    ['zh-CN', '已满', (day: string) => `${Number(day.slice(5, 7))}月${Number(day.slice(8))}日`],
    ['en-US', 'full', (day: string) => `${new Date(`${day}T00:00:00Z`).toLocaleString('en-US', { month: 'short', timeZone: 'UTC' })} ${Number(day.slice(8))}`],
  ] as const)('names a full night by its month and day in the page’s language, not a bare MM-DD (%s)', async (locale, fullWord, monthDay) => {
    renderCard(() => ({ status: 500 }), locale);
    await search(locale);
    const row = resultOf(locale === 'en-US' ? full.name.en : full.name.zh);
    const night = within(row).getByText(new RegExp(` ${fullWord}$`));
    expect(searchedFrom).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(night.textContent).toBe(`${monthDay(searchedFrom!)} ${fullWord}`);
  });
});
