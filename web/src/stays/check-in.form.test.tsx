import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Form } from 'antd';
import { Route, Routes } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import type { StayBooking } from '../../../contracts/stays';
import { capabilitiesWith, fakeServerWith, loading } from '../../test/capabilities';
import { fakeServer, type SeenRequest } from '../../test/fake-server';
import { renderInApp } from '../../test/render';
import { CheckInForm, type CheckInValues } from './check-in.form';
import { StationDeskPage } from './station-desk.page';

// The desk's charts draw on a canvas, which the test's DOM has not; this test is about the guest list and the form.
vi.mock('./occupancy.chart', () => ({ OccupancyChart: () => null }));
vi.mock('./occupancy.calendar', () => ({ OccupancyCalendar: () => null }));

const checkInPath = '/api/hubs/hangzhou/stays/check-in';
const stationId = '01a2373f-0000-7000-8000-000000000040';
const booking: StayBooking = {
  id: '01a2373f-0000-7000-8000-000000000041',
  station: { id: stationId, name: { zh: '西湖驿站', en: 'West Lake Station' }, address: { zh: '文三路 1 号', en: '1 Wensan Road' } },
  bed: { id: '01a2373f-0000-7000-8000-000000000042', label: 'A', room: '301' },
  checkIn: '2026-12-03',
  checkOut: '2026-12-05',
  nights: 2,
  status: 'confirmed',
  code: 'QX7M2K',
  guest: { personId: '01a2373f-0000-7000-8000-000000000043', name: { zh: '李毕业', en: 'Li Biye' } },
  createdAt: '2026-11-20T08:00:00.000Z',
  checkedInAt: null,
  checkedOutAt: null,
  replacesId: null,
};
const wrongCode = {
  status: 404,
  body: { error: { code: 'CHECKIN_CODE_WRONG', message: 'wrong', fields: [{ path: 'code', code: 'INVALID', message: 'INVALID' }] } },
};
const words = {
  'zh-CN': { code: '扫描二维码或输入入住码', button: /^入\s?住$/, done: '李毕业 已入住：房间 301 · 床位 A。', wrong: '入住码不正确', short: '内容太短。' },
  'en-US': {
    code: 'Scan the QR code or type the check-in code',
    button: /^Check in$/,
    done: 'Li Biye checked in: room 301, bed A.',
    wrong: 'This check-in code is wrong.',
    short: 'Too short.',
  },
};
type Locale = keyof typeof words;

function Harness({ onCheckedIn }: { onCheckedIn: () => Promise<unknown> }) {
  const [form] = Form.useForm<CheckInValues>();
  return <CheckInForm hub="hangzhou" form={form} onCheckedIn={onCheckedIn} />;
}
const fieldOf = (label: string) => screen.getByLabelText(label).closest('.ant-form-item')!;

async function typeCode(locale: Locale, code: string, submit: 'button' | 'enter' = 'button') {
  await userEvent.type(screen.getByLabelText(words[locale].code), code);
  if (submit === 'enter') await userEvent.keyboard('{Enter}');
  else await userEvent.click(screen.getByRole('button', { name: words[locale].button }));
}

describe('CheckInForm: the desk checks a guest in by code, on the one form pattern', () => {
  it.each(['zh-CN', 'en-US'] as const)('sends the trimmed code once (Enter from the scanner), names the guest and empties the field (%s)', async (locale) => {
    const seen = fakeServer(() => ({ status: 200, body: { ...booking, status: 'checked_in' } }));
    const onCheckedIn = vi.fn(async () => undefined);
    renderInApp(<Harness onCheckedIn={onCheckedIn} />, { locale });
    await typeCode(locale, ' qx7m2k ', 'enter');
    expect(await screen.findByText(words[locale].done)).toBeTruthy();
    expect(seen.map((r) => [r.method, r.path, r.body])).toEqual([['POST', checkInPath, { code: 'qx7m2k' }]]);
    expect(onCheckedIn).toHaveBeenCalled();
    expect((screen.getByLabelText(words[locale].code) as HTMLInputElement).value).toBe('');
  });

  it.each(['zh-CN', 'en-US'] as const)('shows a wrong code under the code, in the server’s words, not as an alert (%s)', async (locale) => {
    const seen = fakeServer(() => wrongCode);
    const onCheckedIn = vi.fn(async () => undefined);
    renderInApp(<Harness onCheckedIn={onCheckedIn} />, { locale });
    await typeCode(locale, 'ZZZZZZ');
    await vi.waitFor(() => expect(fieldOf(words[locale].code).textContent).toContain(words[locale].wrong));
    expect(seen).toHaveLength(1);
    expect(screen.queryByRole('alert')).toBeNull();
    expect(onCheckedIn).not.toHaveBeenCalled();
  });

  it('checks a code too short to be one before sending', async () => {
    const seen = fakeServer(() => ({ status: 200, body: booking }));
    renderInApp(<Harness onCheckedIn={vi.fn()} />);
    await typeCode('zh-CN', 'QX');
    await vi.waitFor(() => expect(fieldOf(words['zh-CN'].code).textContent).toContain(words['zh-CN'].short));
    expect(seen).toHaveLength(0);
  });
});

/** The desk with one station (`managed` by the caller or not) and its one booking, as the server grants `stations`. */
function renderDesk(stations: { run: boolean; anyDesk?: boolean; frontDesk?: boolean }, managed: boolean) {
  const station = { id: stationId, name: booking.station.name, managed };
  const seen = fakeServerWith(capabilitiesWith({ stations }), (request: SeenRequest) => {
    if (request.path.startsWith('/api/hubs/hangzhou/stays/stations') && !request.path.includes('/occupancy'))
      return { status: 200, body: { items: [station], next: null } };
    if (request.path.startsWith('/api/hubs/hangzhou/stays/bookings')) return { status: 200, body: { items: [booking], next: null } };
    if (request.path === checkInPath) return wrongCode;
    return undefined;
  });
  renderInApp(
    <Routes>
      <Route path="/hubs/:hub/station-desk" element={<StationDeskPage />} />
    </Routes>,
    { path: '/hubs/hangzhou/station-desk' },
  );
  return seen;
}

describe('StationDeskPage: a guest list row’s check-in goes through the same form', () => {
  it('sends that row’s code, and a wrong one shows under the code field', async () => {
    const seen = renderDesk({ run: true, frontDesk: true }, true);
    const row = (await screen.findByText('QX7M2K', undefined, loading)).closest('tr')!;
    await userEvent.click(within(row).getByRole('button', { name: words['zh-CN'].button }));
    await vi.waitFor(() => expect(fieldOf(words['zh-CN'].code).textContent).toContain(words['zh-CN'].wrong));
    expect(seen.filter((r) => r.method === 'POST').map((r) => [r.path, r.body])).toEqual([[checkInPath, { code: 'QX7M2K' }]]);
  });
});

describe('StationDeskPage for the auditor (reads every station, checks no one in)', () => {
  it('reads a station it does not run: its guest list, without the check-in form or the row’s buttons', async () => {
    const seen = renderDesk({ run: true, anyDesk: true }, false);
    const row = (await screen.findByText('QX7M2K', undefined, loading)).closest('tr')!;
    expect(within(row).getByText('李毕业')).toBeTruthy();
    expect(screen.getByRole('combobox', { name: '驿站' })).toBeTruthy();
    expect(screen.queryByText('办理入住')).toBeNull();
    expect(within(row).queryByRole('button')).toBeNull();
    expect(screen.queryByText('您尚未负责任何驿站；枢纽管理员可以将您添加为负责人。')).toBeNull();
    expect(seen.filter((r) => r.method === 'POST')).toEqual([]);
  });
});
