import { Checkbox, Col, Form, Input, InputNumber, Row, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { hubSettingsSchema } from '../../../contracts/hubs';
import { useFieldErrorText } from '../errors/use-field-error-text';
import { zodRule } from '../forms/zod-rule';
import { lines, parseDistricts } from './hub-settings-form-values';

const DISTRICT_CODE = /^[a-z][a-z0-9-]{0,39}$/;

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;
const MONTHS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
const shape = hubSettingsSchema.shape;
const trimmed = (value: unknown) => String(value).trim();
const upper = (value: unknown) => String(value).trim().toUpperCase();

/** The fields a hub's settings have (inside a Form of HubSettingsValues), checked by the server's own schema. */
export function HubSettingsFields() {
  const { t } = useTranslation();
  const fieldText = useFieldErrorText();
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
        <Col xs={12} md={6}>
          <Form.Item label={t('staff.country')} name="country" rules={[zodRule(shape.country, fieldText, { toInput: upper })]}>
            <Input maxLength={2} />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item label={t('staff.currency')} name="currency" rules={[zodRule(shape.currency, fieldText, { toInput: upper })]}>
            <Input maxLength={3} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item label={t('staff.timeZone')} name="timeZone" rules={[zodRule(shape.timeZone, fieldText, { toInput: trimmed })]}>
            <Input />
          </Form.Item>
        </Col>
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
            <Select options={MONTHS.map((month) => ({ value: month, label: t('staff.month', { month }) }))} />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item label={t('staff.code')} name="code" extra={t('staff.codeHint')} rules={[zodRule(shape.code, fieldText, { toInput: upper })]}>
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
            extra={t('staff.datesHint')}
            rules={[zodRule(shape.holidays, fieldText, { optional: true, toInput: (text) => lines(String(text)) })]}
          >
            <Input.TextArea rows={4} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            label={t('staff.makeUpWorkdays')}
            name="makeUpWorkdays"
            extra={t('staff.datesHint')}
            rules={[zodRule(shape.makeUpWorkdays, fieldText, { optional: true, toInput: (text) => lines(String(text)) })]}
          >
            <Input.TextArea rows={4} />
          </Form.Item>
        </Col>
        <Col xs={24}>
          <Form.Item
            label={t('staff.districts')}
            name="districts"
            extra={t('staff.districtsHint')}
            rules={[
              {
                validator: async (_, value: string | undefined) => {
                  const list = parseDistricts(value);
                  if (list.some((d) => !DISTRICT_CODE.test(d.code) || !d.name.zh || !d.name.en)) throw new Error(fieldText('INVALID_FORMAT'));
                  if (new Set(list.map((d) => d.code)).size !== list.length) throw new Error(fieldText('DUPLICATE_REF'));
                },
              },
            ]}
          >
            <Input.TextArea rows={5} />
          </Form.Item>
        </Col>
      </Row>
    </>
  );
}
