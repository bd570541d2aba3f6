import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { fakeServer, validationFailed, type SeenRequest } from '../../test/fake-server';
import { testHub } from '../../test/hub';
import { renderInApp } from '../../test/render';
import { StationFormDrawer } from './station-form.drawer';

const labels = {
  'zh-CN': {
    nameZh: '名称（中文）',
    nameEn: '名称（英文）',
    addressZh: '地址（中文）',
    addressEn: '地址（英文）',
    district: '区县',
    binjiang: '滨江区',
    noShow: '未到店释放时间（时）',
    create: '开设驿站',
    tooBig: '数值太大。',
    tooLong: '内容太长。',
    required: '此项必填。',
    roomName: (n: number) => `第 ${n} 间房名称`,
    roomBeds: (n: number) => `第 ${n} 间房床位数`,
    removeRoom: (n: number) => `删除第 ${n} 间房`,
    addRoom: '添加房间',
    blackoutRange: (n: number) => `第 ${n} 段停止接待（首日—恢复日）`,
    reopeningBox: (n: number) => `第 ${n} 段停止接待（首日—恢复日）：恢复接待日`,
    blackoutReason: (n: number) => `第 ${n} 段停止接待原因`,
    addBlackout: '添加停止接待日期',
    photo: (n: number) => `第 ${n} 个照片链接`,
    addPhoto: '添加照片链接',
    beds: '请输入 1 到 50 之间的整数。',
    url: '网址无效，应以 http:// 或 https:// 开头。',
    ends: '结束日期不能早于开始日期。',
  },
  'en-US': {
    nameZh: 'Name (Chinese)',
    nameEn: 'Name (English)',
    addressZh: 'Address (Chinese)',
    addressEn: 'Address (English)',
    district: 'District',
    binjiang: 'Binjiang',
    noShow: 'No-show after (hour)',
    create: 'Open the station',
    tooBig: 'Too large.',
    tooLong: 'Too long.',
    required: 'This field is required.',
    roomName: (n: number) => `Name of room ${n}`,
    roomBeds: (n: number) => `Beds in room ${n}`,
    removeRoom: (n: number) => `Remove room ${n}`,
    addRoom: 'Add a room',
    blackoutRange: (n: number) => `Closed days ${n} (first day – reopening day)`,
    reopeningBox: (n: number) => `Closed days ${n} (first day – reopening day): Reopening day`,
    blackoutReason: (n: number) => `Reason for closed days ${n}`,
    addBlackout: 'Add closed days',
    photo: (n: number) => `Photo link ${n}`,
    addPhoto: 'Add a photo link',
    beds: 'Enter a whole number from 1 to 50.',
    url: 'Invalid web address; it must start with http:// or https://.',
    ends: 'The end date cannot be before the start date.',
  },
};

async function fill(locale: keyof typeof labels, submit = true) {
  const l = labels[locale];
  const drawer = await screen.findByRole('dialog');
  const type = (label: string, text: string) => userEvent.type(within(drawer).getByLabelText(label), text);
  await type(l.nameZh, '滨江青年驿站');
  await type(l.nameEn, 'Binjiang Youth Station');
  await type(l.addressZh, '江南大道 1 号');
  await type(l.addressEn, '1 Jiangnan Avenue');
  // The district is picked by name from the hub's list.
  await userEvent.click(within(drawer).getByLabelText(l.district));
  await userEvent.click(await screen.findByTitle(l.binjiang));
  if (submit) await userEvent.click(within(drawer).getByRole('button', { name: l.create }));
  return drawer;
}

/** Adds a row of closed days: the first day typed in the range's first input, the reopening day in its second (each found by its own name). */
async function addClosedDays(locale: keyof typeof labels, n: number, first: string, reopening: string, reason: string) {
  const l = labels[locale];
  const drawer = screen.getByRole('dialog');
  await userEvent.click(within(drawer).getByRole('button', { name: l.addBlackout }));
  const row = rowOf('blackout', n);
  await userEvent.type(within(row).getByLabelText(l.blackoutRange(n)), `${first}{enter}`);
  await userEvent.type(within(row).getByLabelText(l.reopeningBox(n)), `${reopening}{enter}`);
  await userEvent.type(within(row).getByLabelText(l.blackoutReason(n)), reason);
}

/** The server: the hub (with its districts) for the page, `reply` for the station. */
const hubServer = (reply: (request: SeenRequest) => { status: number; body?: unknown }) =>
  fakeServer((request) =>
    request.method === 'GET' && request.path === '/api/hubs/hangzhou'
      ? {
          status: 200,
          body: testHub({
            districts: [
              { code: 'xihu', name: { zh: '西湖区', en: 'Xihu' } },
              { code: 'binjiang', name: { zh: '滨江区', en: 'Binjiang' } },
            ],
          }),
        }
      : reply(request),
  );

const rowOf = (list: 'room' | 'blackout' | 'photo', n: number) => document.querySelector<HTMLElement>(`[data-${list}-row="${n}"]`)!;
const errorsIn = (row: HTMLElement) => [...row.querySelectorAll('.ant-form-item-explain-error')].map((e) => e.textContent);

const render = (onCreated = vi.fn(async () => undefined), locale: keyof typeof labels = 'zh-CN') =>
  renderInApp(<StationFormDrawer hub="hangzhou" open today="2026-12-01" onClose={() => undefined} onCreated={onCreated} />, { locale });

const sent = {
  name: { zh: '滨江青年驿站', en: 'Binjiang Youth Station' },
  address: { zh: '江南大道 1 号', en: '1 Jiangnan Avenue' },
  district: 'binjiang',
  rules: { maxNightsPerStay: 6, maxNightsPerYear: null, maxNightsLifetime: 6, minDegree: 'junior_college', graduatedWithinMonths: 24, noShowHour: 22 },
  opensOn: '2026-12-01',
  closesOn: null,
};

describe('StationFormDrawer (stays)', () => {
  it('sends the station with its default room and no closed days or photos', async () => {
    const seen = hubServer(() => ({ status: 201, body: {} }));
    const onCreated = vi.fn(async () => undefined);
    render(onCreated);
    await fill('zh-CN');
    await vi.waitFor(() => expect(onCreated).toHaveBeenCalled());
    const post = seen.find((r) => r.method === 'POST')!;
    expect(post.path).toBe('/api/hubs/hangzhou/stays/stations');
    expect(post.body).toEqual({ ...sent, photos: [], rooms: [{ name: '1F', beds: 10 }], blackouts: [] });
  });

  it.each(['zh-CN', 'en-US'] as const)('sends the rooms, closed days and photo links added as rows (%s)', { timeout: 60_000 }, async (locale) => {
    const l = labels[locale];
    const seen = hubServer(() => ({ status: 201, body: {} }));
    const onCreated = vi.fn(async () => undefined);
    render(onCreated, locale);
    const drawer = await fill(locale, false);
    // No syntax to learn: the default room is a row of its own.
    expect((within(drawer).getByLabelText(l.roomName(1)) as HTMLInputElement).value).toBe('1F');
    expect((within(drawer).getByLabelText(l.roomBeds(1)) as HTMLInputElement).value).toBe('10');
    await userEvent.click(within(drawer).getByRole('button', { name: l.addRoom }));
    await userEvent.type(within(drawer).getByLabelText(l.roomName(2)), '2F');
    await userEvent.type(within(drawer).getByLabelText(l.roomBeds(2)), '4');
    await addClosedDays(locale, 1, '2027-02-10', '2027-02-17', 'Spring Festival');
    await userEvent.click(within(drawer).getByRole('button', { name: l.addPhoto }));
    await userEvent.type(within(drawer).getByLabelText(l.photo(1)), 'https://example.org/front.jpg');
    await userEvent.click(within(drawer).getByRole('button', { name: l.create }));
    await vi.waitFor(() => expect(onCreated).toHaveBeenCalled());
    expect(seen.find((r) => r.method === 'POST')!.body).toEqual({
      ...sent,
      photos: ['https://example.org/front.jpg'],
      rooms: [
        { name: '1F', beds: 10 },
        { name: '2F', beds: 4 },
      ],
      blackouts: [{ startsOn: '2027-02-10', endsOn: '2027-02-17', reason: 'Spring Festival' }],
    });
  });

  it('shows a bad row’s error under that row, and an hour past 23, before sending; a removed row is not sent', { timeout: 60_000 }, async () => {
    const l = labels['en-US'];
    const seen = hubServer(() => ({ status: 201, body: {} }));
    const onCreated = vi.fn(async () => undefined);
    render(onCreated, 'en-US');
    const drawer = await screen.findByRole('dialog');
    await userEvent.click(within(drawer).getByRole('button', { name: l.addRoom }));
    await userEvent.type(within(drawer).getByLabelText(l.roomBeds(2)), '60');
    await addClosedDays('en-US', 1, '2027-02-10', '2027-02-10', 'Inspection');
    await userEvent.click(within(drawer).getByRole('button', { name: l.addPhoto }));
    await userEvent.type(within(drawer).getByLabelText(l.photo(1)), 'front.jpg');
    await userEvent.clear(within(drawer).getByLabelText(l.noShow));
    await userEvent.type(within(drawer).getByLabelText(l.noShow), '24');
    await fill('en-US');
    await vi.waitFor(() => expect(errorsIn(rowOf('room', 2))).toEqual([l.required, l.beds]));
    expect(errorsIn(rowOf('room', 1))).toEqual([]);
    expect(errorsIn(rowOf('blackout', 1))).toEqual([l.ends]);
    expect(errorsIn(rowOf('photo', 1))).toEqual([l.url]);
    expect(within(drawer).getByLabelText(l.noShow).closest('.ant-form-item')!.textContent).toContain(l.tooBig);
    expect(seen.filter((r) => r.method === 'POST')).toHaveLength(0);

    // Mended or removed, the rest is sent.
    await userEvent.click(within(drawer).getByRole('button', { name: l.removeRoom(2) }));
    await userEvent.click(within(drawer).getByRole('button', { name: 'Remove closed days 1' }));
    await userEvent.click(within(drawer).getByRole('button', { name: 'Remove photo link 1' }));
    await userEvent.clear(within(drawer).getByLabelText(l.noShow));
    await userEvent.type(within(drawer).getByLabelText(l.noShow), '23');
    await userEvent.click(within(drawer).getByRole('button', { name: l.create }));
    await vi.waitFor(() => expect(onCreated).toHaveBeenCalled());
    expect(seen.find((r) => r.method === 'POST')!.body).toMatchObject({ rooms: [{ name: '1F', beds: 10 }], blackouts: [], photos: [] });
  });

  it.each(['zh-CN', 'en-US'] as const)('shows the server’s error on rules.noShowHour under its field (%s)', async (locale) => {
    hubServer(() => validationFailed('rules.noShowHour', 'TOO_BIG'));
    const onCreated = vi.fn(async () => undefined);
    render(onCreated, locale);
    const drawer = await fill(locale);
    const l = labels[locale];
    const field = within(drawer).getByLabelText(l.noShow).closest('.ant-form-item')!;
    await vi.waitFor(() => expect(field.textContent).toContain(l.tooBig));
    expect(within(drawer).queryByRole('alert')).toBeNull();
    expect(onCreated).not.toHaveBeenCalled();
  });

  it.each(['zh-CN', 'en-US'] as const)(
    'shows the server’s errors on rooms.0.beds and blackouts.0.reason under the row’s input (%s)',
    { timeout: 60_000 },
    async (locale) => {
      const failed = validationFailed('rooms.0.beds', 'TOO_BIG');
      failed.body.error.fields.push({ path: 'blackouts.0.reason', code: 'TOO_LONG', message: 'TOO_LONG' });
      hubServer(() => failed);
      const onCreated = vi.fn(async () => undefined);
      render(onCreated, locale);
      const l = labels[locale];
      await addClosedDays(locale, 1, '2027-02-10', '2027-02-17', 'Spring Festival');
      const drawer = await fill(locale);
      const beds = within(drawer).getByLabelText(l.roomBeds(1)).closest('.ant-form-item')!;
      await vi.waitFor(() => expect(beds.textContent).toContain(l.tooBig));
      expect(within(drawer).getByLabelText(l.roomName(1)).closest('.ant-form-item')!.textContent).not.toContain(l.tooBig);
      // Under the reason, not the dates of the same row.
      expect(errorsIn(within(drawer).getByLabelText(l.blackoutReason(1)).closest<HTMLElement>('.ant-form-item')!)).toEqual([l.tooLong]);
      expect(errorsIn(rowOf('blackout', 1))).toEqual([l.tooLong]);
      expect(within(drawer).queryByRole('alert')).toBeNull();
      expect(onCreated).not.toHaveBeenCalled();
    },
  );
});
