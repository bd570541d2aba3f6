import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { hubSettingsSchema } from '../../../contracts/hubs';
import { testHub } from '../../test/hub';
import { fromHub, hubSettingsField, isoDates, NEW_HUB_DEFAULTS, toHubSettings } from './hub-settings-form-values';

describe('the hub settings form’s values', () => {
  it('shows the hub’s days off as picked days and its districts as rows, and sends them back unchanged', () => {
    const districts = [
      { code: 'xihu', name: { zh: '西湖区', en: 'Xihu' } },
      { code: 'chunan', name: { zh: '淳安县', en: 'Chun’an County' } },
    ];
    const hub = testHub({ holidays: ['2026-10-01', '2026-10-02'], makeUpWorkdays: ['2026-09-20'], districts });
    const values = fromHub(hub);
    expect(values.holidays!.map((d) => [dayjs.isDayjs(d), d.format('YYYY-MM-DD')])).toEqual([
      [true, '2026-10-01'],
      [true, '2026-10-02'],
    ]);
    expect(values.makeUpWorkdays!.map((d) => d.format('YYYY-MM-DD'))).toEqual(['2026-09-20']);
    expect(values.districts).toEqual([
      { code: 'xihu', zh: '西湖区', en: 'Xihu' },
      { code: 'chunan', zh: '淳安县', en: 'Chun’an County' },
    ]);
    const settings = toHubSettings(values);
    expect(settings).toMatchObject({ holidays: hub.holidays, makeUpWorkdays: hub.makeUpWorkdays, districts });
    expect(hubSettingsSchema.safeParse(settings).success).toBe(true);
  });

  it('sends picked days as ISO dates in order, each once, whatever order they were picked in', () => {
    const picked = ['2027-02-17', '2026-10-01', '2027-02-10', '2026-10-01', '2026-12-31'].map((d) => dayjs(d));
    expect(isoDates(picked)).toEqual(['2026-10-01', '2026-12-31', '2027-02-10', '2027-02-17']);
    const values = { ...fromHub(testHub()), holidays: picked, makeUpWorkdays: [dayjs('2027-02-07'), dayjs('2027-02-07')] };
    expect(toHubSettings(values)).toMatchObject({ holidays: ['2026-10-01', '2026-12-31', '2027-02-10', '2027-02-17'], makeUpWorkdays: ['2027-02-07'] });
    // A cleared picker holds null: nothing is sent as no days.
    expect(toHubSettings({ ...values, holidays: null, makeUpWorkdays: undefined })).toMatchObject({ holidays: [], makeUpWorkdays: [] });
  });

  it('sends district rows trimmed, in their order; a new hub starts with none', () => {
    const values = { ...NEW_HUB_DEFAULTS, districts: [{ code: ' binjiang ', zh: ' 滨江区', en: 'Binjiang ' }] };
    expect(toHubSettings(values).districts).toEqual([{ code: 'binjiang', name: { zh: '滨江区', en: 'Binjiang' } }]);
    expect(toHubSettings(NEW_HUB_DEFAULTS)).toMatchObject({ districts: [], holidays: [], makeUpWorkdays: [] });
  });

  it('puts the server’s error on a district under that row’s input, and on the whole list under the list', () => {
    expect(hubSettingsField('districts.2.code')).toEqual(['districts', 2, 'code']);
    expect(hubSettingsField('districts.0.name.zh')).toEqual(['districts', 0, 'zh']);
    expect(hubSettingsField('districts.1.name.en')).toEqual(['districts', 1, 'en']);
    expect(hubSettingsField('districts')).toEqual(['districts']);
    expect(hubSettingsField('holidays.3')).toEqual(['holidays']);
    expect(hubSettingsField('name.zh')).toEqual(['nameZh']);
    expect(hubSettingsField('techShareDefaultBasisPoints')).toEqual(['techSharePercent']);
    expect(hubSettingsField('nonsense')).toBeNull();
  });
});
