import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { fakeServer, validationFailed } from '../../test/fake-server';
import { renderInApp } from '../../test/render';
import { StationFormDrawer } from './station-form.drawer';

const labels = {
  'zh-CN': {
    nameZh: '名称（中文）',
    nameEn: '名称（英文）',
    addressZh: '地址（中文）',
    addressEn: '地址（英文）',
    district: '区县',
    rooms: '房间（每行一间：名称=床位数）',
    noShow: '未到店释放时间（时）',
    create: '开设驿站',
    tooBig: '数值太大。',
  },
  'en-US': {
    nameZh: 'Name (Chinese)',
    nameEn: 'Name (English)',
    addressZh: 'Address (Chinese)',
    addressEn: 'Address (English)',
    district: 'District',
    rooms: 'Rooms (one a line: name=beds)',
    noShow: 'No-show after (hour)',
    create: 'Open the station',
    tooBig: 'Too large.',
  },
};

async function fill(locale: keyof typeof labels) {
  const l = labels[locale];
  const drawer = await screen.findByRole('dialog');
  const type = (label: string, text: string) => userEvent.type(within(drawer).getByLabelText(label), text);
  await type(l.nameZh, '滨江青年驿站');
  await type(l.nameEn, 'Binjiang Youth Station');
  await type(l.addressZh, '江南大道 1 号');
  await type(l.addressEn, '1 Jiangnan Avenue');
  await type(l.district, '滨江区');
  await userEvent.click(within(drawer).getByRole('button', { name: l.create }));
  return drawer;
}

const render = (onCreated = vi.fn(async () => undefined), locale: keyof typeof labels = 'zh-CN') =>
  renderInApp(<StationFormDrawer hub="hangzhou" open today="2026-12-01" onClose={() => undefined} onCreated={onCreated} />, { locale });

describe('StationFormDrawer (stays)', () => {
  it('sends the station with its rules, rooms and calendar', async () => {
    const seen = fakeServer(() => ({ status: 201, body: {} }));
    const onCreated = vi.fn(async () => undefined);
    render(onCreated);
    await fill('zh-CN');
    await vi.waitFor(() => expect(onCreated).toHaveBeenCalled());
    const post = seen.find((r) => r.method === 'POST')!;
    expect(post.path).toBe('/api/hubs/hangzhou/stays/stations');
    expect(post.body).toEqual({
      name: { zh: '滨江青年驿站', en: 'Binjiang Youth Station' },
      address: { zh: '江南大道 1 号', en: '1 Jiangnan Avenue' },
      district: '滨江区',
      photos: [],
      rules: { maxNightsPerStay: 6, maxNightsPerYear: null, maxNightsLifetime: 6, minDegree: 'junior_college', graduatedWithinMonths: 24, noShowHour: 22 },
      opensOn: '2026-12-01',
      closesOn: null,
      rooms: [{ name: '1F', beds: 10 }],
      blackouts: [],
    });
  });

  it('names a room line that does not parse, and an hour past 23, before sending', async () => {
    const seen = fakeServer(() => ({ status: 201, body: {} }));
    render();
    const drawer = await screen.findByRole('dialog');
    await userEvent.type(within(drawer).getByLabelText(labels['zh-CN'].rooms), '{enter}2F');
    await userEvent.clear(within(drawer).getByLabelText(labels['zh-CN'].noShow));
    await userEvent.type(within(drawer).getByLabelText(labels['zh-CN'].noShow), '24');
    await fill('zh-CN');
    const rooms = within(drawer).getByLabelText(labels['zh-CN'].rooms).closest('.ant-form-item')!;
    await vi.waitFor(() => expect(rooms.textContent).toContain('房间：第 2 行格式不正确。'));
    expect(within(drawer).getByLabelText(labels['zh-CN'].noShow).closest('.ant-form-item')!.textContent).toContain('数值太大。');
    expect(seen.filter((r) => r.method === 'POST')).toHaveLength(0);
  });

  it.each(['zh-CN', 'en-US'] as const)('shows the server’s error on rules.noShowHour under its field (%s)', async (locale) => {
    fakeServer(() => validationFailed('rules.noShowHour', 'TOO_BIG'));
    const onCreated = vi.fn(async () => undefined);
    render(onCreated, locale);
    const drawer = await fill(locale);
    const l = labels[locale];
    const field = within(drawer).getByLabelText(l.noShow).closest('.ant-form-item')!;
    await vi.waitFor(() => expect(field.textContent).toContain(l.tooBig));
    expect(within(drawer).queryByRole('alert')).toBeNull();
    expect(onCreated).not.toHaveBeenCalled();
  });
});
