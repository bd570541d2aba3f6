import { fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import { capabilitiesWith, fakeServerWith, loading } from '../../test/capabilities';
import { validationFailed, type SeenRequest } from '../../test/fake-server';
import { testHub } from '../../test/hub';
import { renderInApp } from '../../test/render';
import { chooseIn, districtRow, errorsIn, pickDays, pickedDays, removePickedDay } from './hub-settings.test-kit';
import { HubSettingsPage } from './hub-settings.page';

const hub = testHub();
const words = {
  'zh-CN': {
    nameZh: '中文名称',
    code: '枢纽编号前缀',
    country: '国家或地区',
    currency: '货币',
    timeZone: '时区',
    holidays: '法定节假日',
    makeUpWorkdays: '调休上班日',
    china: '中国',
    yuan: '人民币 (CNY)',
    save: '保存设置',
    invalid: '格式不正确。',
    required: '此项必填。',
    tooLong: '内容太长。',
    duplicate: '已被占用。',
    districtCode: (n: number) => `第 ${n} 个区县代码`,
    districtZh: (n: number) => `第 ${n} 个区县中文名`,
    districtEn: (n: number) => `第 ${n} 个区县英文名`,
    addDistrict: '添加区县',
    removeDistrict: (n: number) => `删除第 ${n} 个区县`,
    noDistricts: '尚未添加区县。',
  },
  'en-US': {
    nameZh: 'Name in Chinese',
    code: 'Hub code',
    country: 'Country or region',
    currency: 'Currency',
    timeZone: 'Time zone',
    holidays: 'Public holidays',
    makeUpWorkdays: 'Make-up working days',
    china: 'China',
    yuan: 'Chinese Yuan (CNY)',
    save: 'Save settings',
    invalid: 'Wrong format.',
    required: 'This field is required.',
    tooLong: 'Too long.',
    duplicate: 'Already taken.',
    districtCode: (n: number) => `District ${n} code`,
    districtZh: (n: number) => `District ${n} name in Chinese`,
    districtEn: (n: number) => `District ${n} name in English`,
    addDistrict: 'Add a district',
    removeDistrict: (n: number) => `Remove district ${n}`,
    noDistricts: 'No districts yet.',
  },
};

function renderPage(locale: 'zh-CN' | 'en-US', save: (body: unknown) => { status: number; body?: unknown }, shown = hub) {
  const seen = fakeServerWith(capabilitiesWith({ hub: { updateSettings: true } }), (r) =>
    r.path === '/api/hubs/hangzhou' ? { status: 200, body: shown } : r.path === '/api/hubs/hangzhou/settings' && r.method === 'PUT' ? save(r.body) : undefined,
  );
  renderInApp(
    <Routes>
      <Route path="/hubs/:hub/settings" element={<HubSettingsPage />} />
    </Routes>,
    { locale, path: '/hubs/hangzhou/settings' },
  );
  return seen;
}

const saveButton = (locale: 'zh-CN' | 'en-US') => screen.getByRole('button', { name: new RegExp(words[locale].save.split('').join('\\s?')) });
const writes = (seen: SeenRequest[]) => seen.filter((r) => r.method !== 'GET');

describe('HubSettingsPage (the one form pattern)', () => {
  it('saves the settings as the server takes them', async () => {
    const seen = renderPage('en-US', () => ({ status: 200, body: hub }));
    await screen.findByLabelText(words['en-US'].nameZh, undefined, loading);
    await userEvent.click(saveButton('en-US'));
    await vi.waitFor(() => expect(writes(seen)).toHaveLength(1));
    expect(writes(seen)[0]).toMatchObject({ method: 'PUT', path: '/api/hubs/hangzhou/settings' });
    expect(writes(seen)[0]!.body).toEqual({
      name: hub.name,
      country: 'CN',
      timeZone: 'Asia/Shanghai',
      currency: 'CNY',
      defaultLocale: 'zh-CN',
      fiscalYearStartMonth: 1,
      workingDays: [1, 2, 3, 4, 5],
      holidays: hub.holidays,
      makeUpWorkdays: hub.makeUpWorkdays,
      code: 'HZ',
      techShareDefaultBasisPoints: 1500,
      openDataPrefix: null,
      districts: hub.districts,
    });
  });

  it.each(['zh-CN', 'en-US'] as const)('names the country, currency and time zone in the page’s language, and sends the chosen codes (%s)', async (locale) => {
    const w = words[locale];
    const seen = renderPage(locale, () => ({ status: 200, body: hub }));
    const country = await screen.findByRole('combobox', { name: w.country }, loading);
    // The hub's codes shown by their names.
    expect(country.closest('.ant-select')!.textContent).toBe(w.china);
    expect(screen.getByRole('combobox', { name: w.currency }).closest('.ant-select')!.textContent).toBe(w.yuan);
    expect(screen.getByRole('combobox', { name: w.timeZone }).closest('.ant-select')!.textContent).toMatch(/^Asia\/Shanghai · .+ \(GMT\+8\)$/);
    // Found by typing part of a name (or a code, in any case), chosen by clicking it.
    await chooseIn(w.country, locale === 'zh-CN' ? '日本' : 'jap', locale === 'zh-CN' ? '日本' : 'Japan');
    await chooseIn(w.currency, 'jpy', locale === 'zh-CN' ? '日元 (JPY)' : 'Japanese Yen (JPY)');
    await chooseIn(w.timeZone, 'tokyo', /^Asia\/Tokyo · .+ \(GMT\+9\)$/);
    await userEvent.click(saveButton(locale));
    await vi.waitFor(() => expect(writes(seen)).toHaveLength(1));
    expect(writes(seen)[0]!.body).toMatchObject({ country: 'JP', currency: 'JPY', timeZone: 'Asia/Tokyo' });
  });

  it.each([
    ['zh-CN', '财年起始月份', '一月', '四月'],
    ['en-US', 'Fiscal year starts in', 'January', 'April'],
  ] as const)('names the fiscal year’s first month in the page’s language, and sends its number (%s)', async (locale, label, january, april) => {
    const seen = renderPage(locale, () => ({ status: 200, body: hub }));
    const month = await screen.findByRole('combobox', { name: label }, loading);
    expect(month.closest('.ant-select')!.textContent).toBe(january);
    fireEvent.mouseDown(month);
    await userEvent.click((await screen.findAllByTitle(april)).at(-1)!);
    await userEvent.click(saveButton(locale));
    await vi.waitFor(() => expect(writes(seen)).toHaveLength(1));
    expect(writes(seen)[0]!.body).toMatchObject({ fiscalYearStartMonth: 4 });
  });

  it('keeps a time zone this browser does not list, and sends it unchanged', async () => {
    const seen = renderPage('en-US', () => ({ status: 200, body: hub }), testHub({ timeZone: 'Etc/GMT-8' }));
    const zone = await screen.findByRole('combobox', { name: words['en-US'].timeZone }, loading);
    expect(zone.closest('.ant-select')!.textContent).toBe('Etc/GMT-8 (GMT+8)');
    await userEvent.click(saveButton('en-US'));
    await vi.waitFor(() => expect(writes(seen)).toHaveLength(1));
    expect(writes(seen)[0]!.body).toMatchObject({ timeZone: 'Etc/GMT-8' });
  });

  it.each(['zh-CN', 'en-US'] as const)(
    'picks days off on a calendar and sends them in order, each once; a day picked again is dropped (%s)',
    async (locale) => {
      const w = words[locale];
      const seen = renderPage(locale, () => ({ status: 200, body: hub }));
      await screen.findByLabelText(w.nameZh, undefined, loading);
      expect(pickedDays(w.holidays)).toEqual(['2026-10-01', '2026-10-02']);
      expect(pickedDays(w.makeUpWorkdays)).toEqual(['2026-09-20']);
      // 10-07 and 10-03 added, out of order; 10-02 picked again: no longer a holiday.
      await pickDays(w.holidays, ['2026-10-07', '2026-10-03', '2026-10-02']);
      expect(pickedDays(w.holidays)).toEqual(['2026-10-01', '2026-10-03', '2026-10-07']);
      // A make-up day dropped by its tag's ×, another picked.
      await removePickedDay(w.makeUpWorkdays, '2026-09-20');
      await pickDays(w.makeUpWorkdays, ['2026-10-10']);
      expect(pickedDays(w.makeUpWorkdays)).toEqual(['2026-10-10']);
      await userEvent.click(saveButton(locale));
      await vi.waitFor(() => expect(writes(seen)).toHaveLength(1));
      expect(writes(seen)[0]!.body).toMatchObject({ holidays: ['2026-10-01', '2026-10-03', '2026-10-07'], makeUpWorkdays: ['2026-10-10'] });
    },
  );

  it('refuses more than the server’s 366 holidays under the picker, before sending', async () => {
    const many = Array.from({ length: 367 }, (_, i) => new Date(Date.UTC(2026, 0, 1 + i)).toISOString().slice(0, 10));
    const seen = renderPage('en-US', () => ({ status: 200, body: hub }), testHub({ holidays: many }));
    await screen.findByLabelText(words['en-US'].nameZh, undefined, loading);
    await userEvent.click(saveButton('en-US'));
    const item = screen.getByText(words['en-US'].holidays, { selector: 'label' }).closest<HTMLElement>('.ant-form-item')!;
    await vi.waitFor(() => expect(errorsIn(item)).toHaveLength(1));
    expect(writes(seen)).toHaveLength(0);
  });

  it.each(['zh-CN', 'en-US'] as const)('edits the districts as rows: adds, refuses a code twice at its row, removes (%s)', async (locale) => {
    const w = words[locale];
    const seen = renderPage(locale, () => ({ status: 200, body: hub }));
    const firstCode = await screen.findByLabelText(w.districtCode(1), undefined, loading);
    expect((firstCode as HTMLInputElement).value).toBe('xihu');
    expect((screen.getByLabelText(w.districtZh(1)) as HTMLInputElement).value).toBe('西湖区');
    expect((screen.getByLabelText(w.districtEn(1)) as HTMLInputElement).value).toBe('Xihu');
    await userEvent.click(screen.getByRole('button', { name: w.addDistrict }));
    await userEvent.type(screen.getByLabelText(w.districtCode(2)), 'binjiang');
    await userEvent.type(screen.getByLabelText(w.districtZh(2)), '滨江区');
    await userEvent.type(screen.getByLabelText(w.districtEn(2)), 'Binjiang');
    await userEvent.click(screen.getByRole('button', { name: w.addDistrict }));
    await userEvent.type(screen.getByLabelText(w.districtCode(3)), 'xihu');
    await userEvent.type(screen.getByLabelText(w.districtZh(3)), '西湖');
    await userEvent.click(saveButton(locale));
    // Row 3 repeats row 1's code and lacks its English name: said there, nothing sent.
    await vi.waitFor(() => expect(errorsIn(districtRow(3))).toEqual([w.duplicate, w.required]));
    expect(errorsIn(districtRow(1))).toEqual([]);
    expect(errorsIn(districtRow(2))).toEqual([]);
    expect(writes(seen)).toHaveLength(0);

    // The old Xihu row removed, the new one completed: the rows are sent in their order.
    await userEvent.click(screen.getByRole('button', { name: w.removeDistrict(1) }));
    await userEvent.type(screen.getByLabelText(w.districtEn(2)), 'West Lake');
    await userEvent.click(saveButton(locale));
    await vi.waitFor(() => expect(writes(seen)).toHaveLength(1));
    expect(writes(seen)[0]!.body).toMatchObject({
      districts: [
        { code: 'binjiang', name: { zh: '滨江区', en: 'Binjiang' } },
        { code: 'xihu', name: { zh: '西湖', en: 'West Lake' } },
      ],
    });
  });

  it('checks a district’s code with the contract’s rule; a hub without districts says so and sends none', async () => {
    const w = words['en-US'];
    const seen = renderPage('en-US', () => ({ status: 200, body: hub }), testHub({ districts: [] }));
    expect(await screen.findByText(w.noDistricts, undefined, loading)).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: w.addDistrict }));
    expect(screen.queryByText(w.noDistricts)).toBeNull();
    await userEvent.type(screen.getByLabelText(w.districtCode(1)), 'Bin Jiang');
    await userEvent.type(screen.getByLabelText(w.districtZh(1)), '滨江区');
    await userEvent.type(screen.getByLabelText(w.districtEn(1)), 'Binjiang');
    await userEvent.click(saveButton('en-US'));
    await vi.waitFor(() => expect(errorsIn(districtRow(1))).toEqual([w.invalid]));
    expect(writes(seen)).toHaveLength(0);
    await userEvent.click(screen.getByRole('button', { name: w.removeDistrict(1) }));
    expect(screen.getByText(w.noDistricts)).toBeTruthy();
    await userEvent.click(saveButton('en-US'));
    await vi.waitFor(() => expect(writes(seen)).toHaveLength(1));
    expect(writes(seen)[0]!.body).toMatchObject({ districts: [] });
  });

  it.each(['zh-CN', 'en-US'] as const)('checks a field with the contract’s schema before sending (%s)', async (locale) => {
    const seen = renderPage(locale, () => ({ status: 200, body: hub }));
    const name = await screen.findByLabelText(words[locale].nameZh, undefined, loading);
    await userEvent.clear(name);
    const code = screen.getByLabelText(words[locale].code);
    await userEvent.clear(code);
    await userEvent.type(code, 'H1');
    await userEvent.click(saveButton(locale));
    await vi.waitFor(() => expect(code.closest('.ant-form-item')!.textContent).toContain(words[locale].invalid));
    expect(name.closest('.ant-form-item')!.textContent).toContain(words[locale].required);
    expect(writes(seen)).toHaveLength(0);
  });

  it.each(['zh-CN', 'en-US'] as const)('puts the server’s field error under the field it names (name.zh → the Chinese name) (%s)', async (locale) => {
    renderPage(locale, () => validationFailed('name.zh', 'INVALID_FORMAT'));
    await screen.findByLabelText(words[locale].nameZh, undefined, loading);
    await userEvent.click(saveButton(locale));
    const name = screen.getByLabelText(words[locale].nameZh);
    await vi.waitFor(() => expect(name.closest('.ant-form-item')!.textContent).toContain(words[locale].invalid));
    expect(screen.queryByRole('alert', { name: /./ })).toBeNull();
  });

  it('puts the server’s error on a district’s English name under that row’s input', async () => {
    const w = words['en-US'];
    renderPage('en-US', () => validationFailed('districts.0.name.en', 'TOO_LONG'));
    await screen.findByLabelText(w.districtEn(1), undefined, loading);
    await userEvent.click(saveButton('en-US'));
    const en = screen.getByLabelText(w.districtEn(1)).closest<HTMLElement>('.ant-form-item')!;
    await vi.waitFor(() => expect(errorsIn(en)).toEqual([w.tooLong]));
    expect(errorsIn(within(districtRow(1)).getByLabelText(w.districtCode(1)).closest<HTMLElement>('.ant-form-item')!)).toEqual([]);
  });
});
