import { Checkbox, Col, Form, Input, InputNumber, Row, Select, type FormRule, type SelectProps } from 'antd';
import type { Dayjs } from 'dayjs';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { districtSchema, HUB_LIMITS, hubSettingsSchema } from '../../../contracts/hubs';
import { useFieldErrorText } from '../errors/use-field-error-text';
import { DayListPicker } from '../forms/day-list-picker';
import { RowList } from '../forms/row-list';
import { zodRule } from '../forms/zod-rule';
import { useLocale } from '../i18n/locale-context';
import { isoDates, type DistrictRow } from './hub-settings-form-values';
import { countryOptions, currencyOptions, matchesPlace, timeZoneOptions, type PlaceOption } from './place-options';

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;
const MONTHS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
const shape = hubSettingsSchema.shape;
const districtShape = districtSchema.shape;
const trimmed = (value: unknown) => String(value).trim();
const upper = (value: unknown) => String(value).trim().toUpperCase();

/** A code, a currency or a zone chosen by its name in the page's language; typing searches the names and codes. */
function PlaceSelect(props: Omit<SelectProps<string, PlaceOption>, 'showSearch'>) {
  return <Select<string, PlaceOption> {...props} showSearch={{ filterOption: matchesPlace }} />;
}

/** The hub's country, time zone and currency, each picked from a list named in the page's language. */
function PlaceFields() {
  const { t } = useTranslation();
  const fieldText = useFieldErrorText();
  const { locale } = useLocale();
  // The hub's own codes stay choosable even when this browser does not list them.
  const country = Form.useWatch<string | undefined>('country');
  const currency = Form.useWatch<string | undefined>('currency');
  const timeZone = Form.useWatch<string | undefined>('timeZone');
  const countries = useMemo(() => countryOptions(locale, country), [locale, country]);
  const currencies = useMemo(() => currencyOptions(locale, currency), [locale, currency]);
  const zones = useMemo(() => timeZoneOptions(locale, timeZone), [locale, timeZone]);
  return (
    <>
      <Col xs={24} md={6}>
        <Form.Item label={t('staff.country')} name="country" rules={[zodRule(shape.country, fieldText, { toInput: upper })]}>
          <PlaceSelect options={countries} />
        </Form.Item>
      </Col>
      <Col xs={24} md={6}>
        <Form.Item label={t('staff.currency')} name="currency" rules={[zodRule(shape.currency, fieldText, { toInput: upper })]}>
          <PlaceSelect options={currencies} />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item label={t('staff.timeZone')} name="timeZone" rules={[zodRule(shape.timeZone, fieldText, { toInput: trimmed })]}>
          <PlaceSelect options={zones} />
        </Form.Item>
      </Col>
    </>
  );
}

/** The hub's districts as rows: a code organisations and imports carry, a Chinese and an English name; each code once. */
function DistrictRows() {
  const { t } = useTranslation();
  const fieldText = useFieldErrorText();
  // The later row of two with one code is the one refused: the first keeps its place.
  const once =
    (row: number): FormRule =>
    ({ getFieldValue }) => ({
      validator: async (_, value: unknown) => {
        const code = String(value ?? '').trim();
        const earlier = ((getFieldValue('districts') as DistrictRow[] | undefined) ?? []).slice(0, row);
        if (code && earlier.some((d) => String(d?.code ?? '').trim() === code)) throw new Error(fieldText('TAKEN'));
      },
    });
  return (
    <RowList
      name="districts"
      kind="district"
      title={t('staff.districts')}
      hint={t('staff.districtsHint')}
      empty={t('staff.noDistricts')}
      max={HUB_LIMITS.districtsMax}
      removeLabel={(n) => t('staff.removeDistrict', { n })}
      addLabel={t('staff.addDistrict')}
      newRow={(): DistrictRow => ({ code: '', zh: '', en: '' })}
      style={{ marginBottom: 24 }}
    >
      {({ name, n }) => (
        <>
          <Col xs={24} md={6}>
            <Form.Item
              label={t('staff.districtCode', { n })}
              name={[name, 'code']}
              rules={[zodRule(districtShape.code, fieldText, { toInput: trimmed }), once(name)]}
            >
              <Input maxLength={40} autoCapitalize="off" spellCheck={false} />
            </Form.Item>
          </Col>
          <Col xs={12} md={7}>
            <Form.Item label={t('staff.districtZh', { n })} name={[name, 'zh']} rules={[zodRule(districtShape.name.shape.zh, fieldText)]}>
              <Input maxLength={120} />
            </Form.Item>
          </Col>
          <Col xs={12} md={7}>
            <Form.Item label={t('staff.districtEn', { n })} name={[name, 'en']} rules={[zodRule(districtShape.name.shape.en, fieldText)]}>
              <Input maxLength={160} />
            </Form.Item>
          </Col>
        </>
      )}
    </RowList>
  );
}

/** The fields a hub's settings have (inside a Form of HubSettingsValues), checked by the server's own schema. */
/** A month by its name in the page's language ("1月", "January"). */
const monthName = (month: number, locale: string) =>
  new Intl.DateTimeFormat(locale, { month: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2026, month - 1, 15)));

export function HubSettingsFields() {
  const { t } = useTranslation();
  const fieldText = useFieldErrorText();
  const { locale } = useLocale();
  // The hint's example reference number is this hub's own once a code is typed.
  const code = Form.useWatch<string | undefined>('code')?.toUpperCase();
  const example = `${code && /^[A-Z]{2,4}$/.test(code) ? code : 'HZ'}-${new Date().getFullYear()}-000123`;
  return (
    <>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item label={t('staff.nameZh')} name="nameZh" rules={[zodRule(shape.name.shape.zh, fieldText)]}>
            <Input maxLength={120} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item label={t('staff.nameEn')} name="nameEn" rules={[zodRule(shape.name.shape.en, fieldText)]}>
            <Input maxLength={160} />
          </Form.Item>
        </Col>
        <PlaceFields />
        <Col xs={12} md={6}>
          <Form.Item label={t('staff.defaultLocale')} name="defaultLocale">
            <Select
              options={[
                { value: 'zh-CN', label: '中文' },
                { value: 'en-US', label: 'English' },
              ]}
            />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item label={t('staff.fiscalYearStart')} name="fiscalYearStartMonth">
            <Select options={MONTHS.map((month) => ({ value: month, label: monthName(month, locale) }))} />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item label={t('staff.code')} name="code" extra={t('staff.codeHint', { example })} rules={[zodRule(shape.code, fieldText, { toInput: upper })]}>
            <Input maxLength={4} />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item
            label={t('staff.techShare')}
            name="techSharePercent"
            rules={[zodRule(shape.techShareDefaultBasisPoints, fieldText, { toInput: (percent) => Math.round(Number(percent) * 100) })]}
          >
            <InputNumber min={0} max={100} step={0.5} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            label={t('staff.openDataPrefix')}
            name="openDataPrefix"
            extra={t('staff.openDataPrefixHint')}
            rules={[zodRule(shape.openDataPrefix, fieldText, { optional: true, toInput: trimmed })]}
          >
            <Input maxLength={40} />
          </Form.Item>
        </Col>
      </Row>
      {/* A validator, not `required`: antd would put aria-required on the group's div, which ARIA does not allow. */}
      <Form.Item label={t('staff.workingDays')} name="workingDays" rules={[zodRule(shape.workingDays, fieldText)]}>
        <Checkbox.Group role="group" aria-label={t('staff.workingDays')} options={WEEKDAYS.map((d) => ({ value: d, label: t(`staff.weekday.${d}`) }))} />
      </Form.Item>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item
            label={t('staff.holidays')}
            name="holidays"
            extra={t('staff.holidaysHint')}
            rules={[zodRule(shape.holidays, fieldText, { optional: true, toInput: (days) => isoDates(days as Dayjs[]) })]}
          >
            <DayListPicker placeholder={t('staff.pickDays')} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            label={t('staff.makeUpWorkdays')}
            name="makeUpWorkdays"
            extra={t('staff.makeUpWorkdaysHint')}
            rules={[zodRule(shape.makeUpWorkdays, fieldText, { optional: true, toInput: (days) => isoDates(days as Dayjs[]) })]}
          >
            <DayListPicker placeholder={t('staff.pickDays')} />
          </Form.Item>
        </Col>
      </Row>
      <DistrictRows />
    </>
  );
}
