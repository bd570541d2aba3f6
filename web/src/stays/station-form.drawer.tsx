import { Alert, App, Button, Col, Drawer, Form, Input, Row, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { stayDegreeLevels } from '../../../contracts/stays';
import { isApiRequestError } from '../api/api-request-error';
import { createStation } from '../api/stays.api';
import { useErrorText } from '../errors/use-error-text';
import { useFieldErrorText } from '../errors/use-field-error-text';
import { StationLineError, stationInputFrom, type StationFormValues } from './station-input';

const mono = { fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace' };

/** Hub admins open a youth station: names, address, rules, calendar, rooms and beds, blackouts. */
export function StationFormDrawer({ hub, open, today, onClose, onCreated }: { hub: string; open: boolean; today: string; onClose: () => void; onCreated: () => Promise<void> }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const describe = useErrorText();
  const fieldText = useFieldErrorText();
  const [form] = Form.useForm<StationFormValues>();
  const [problem, setProblem] = useState<string[] | null>(null);
  const [saving, setSaving] = useState(false);
  const required = [{ required: true, whitespace: true, message: fieldText('REQUIRED') }];

  async function save(values: StationFormValues) {
    setProblem(null);
    let input;
    try {
      input = stationInputFrom(values);
    } catch (error) {
      if (!(error instanceof StationLineError)) throw error;
      setProblem([t('stays.admin.badLine', { field: t(`stays.admin.${error.field}`), line: error.line })]);
      return;
    }
    setSaving(true);
    try {
      await createStation(hub, input);
      message.success(t('stays.admin.created'));
      form.resetFields();
      await onCreated();
      onClose();
    } catch (error) {
      setProblem([describe(error), ...(isApiRequestError(error) ? error.fields.map((f) => `${f.path}: ${fieldText(f.code)}`) : [])]);
    } finally {
      setSaving(false);
    }
  }

  return (
    <Drawer open={open} onClose={onClose} width={760} title={t('stays.admin.newStation')} extra={<Button type="primary" loading={saving} onClick={() => form.submit()}>{t('stays.admin.create')}</Button>}>
      <Form<StationFormValues>
        form={form}
        layout="vertical"
        initialValues={{ opensOn: today, minDegree: 'junior_college', maxNightsPerStay: '6', maxNightsLifetime: '6', graduatedWithinMonths: '24', noShowHour: '22', rooms: '1F=10' }}
        onFinish={(v) => void save(v)}
      >
        <Row gutter={12}>
          <Col span={12}><Form.Item label={t('stays.admin.nameZh')} name="nameZh" rules={required}><Input /></Form.Item></Col>
          <Col span={12}><Form.Item label={t('stays.admin.nameEn')} name="nameEn" rules={required}><Input /></Form.Item></Col>
          <Col span={12}><Form.Item label={t('stays.admin.addressZh')} name="addressZh" rules={required}><Input /></Form.Item></Col>
          <Col span={12}><Form.Item label={t('stays.admin.addressEn')} name="addressEn" rules={required}><Input /></Form.Item></Col>
          <Col span={8}><Form.Item label={t('stays.admin.district')} name="district" rules={required}><Input /></Form.Item></Col>
          <Col span={8}><Form.Item label={t('stays.admin.opensOn')} name="opensOn" rules={required}><Input type="date" /></Form.Item></Col>
          <Col span={8}><Form.Item label={t('stays.admin.closesOn')} name="closesOn"><Input type="date" /></Form.Item></Col>
          <Col span={8}><Form.Item label={t('stays.admin.maxNightsPerStay')} name="maxNightsPerStay"><Input inputMode="numeric" /></Form.Item></Col>
          <Col span={8}><Form.Item label={t('stays.admin.maxNightsLifetime')} name="maxNightsLifetime"><Input inputMode="numeric" /></Form.Item></Col>
          <Col span={8}><Form.Item label={t('stays.admin.maxNightsPerYear')} name="maxNightsPerYear"><Input inputMode="numeric" /></Form.Item></Col>
          <Col span={8}>
            <Form.Item label={t('stays.admin.minDegree')} name="minDegree">
              <Select options={stayDegreeLevels.map((l) => ({ value: l, label: t(`stays.levels.${l}`) }))} />
            </Form.Item>
          </Col>
          <Col span={8}><Form.Item label={t('stays.admin.graduatedWithinMonths')} name="graduatedWithinMonths"><Input inputMode="numeric" /></Form.Item></Col>
          <Col span={8}><Form.Item label={t('stays.admin.noShowHour')} name="noShowHour"><Input inputMode="numeric" /></Form.Item></Col>
          <Col span={12}><Form.Item label={t('stays.admin.roomsLabel')} name="rooms" rules={required}><Input.TextArea autoSize={{ minRows: 2 }} style={mono} placeholder={'1F=12\n2F=12'} /></Form.Item></Col>
          <Col span={12}><Form.Item label={t('stays.admin.blackoutsLabel')} name="blackouts"><Input.TextArea autoSize={{ minRows: 2 }} style={mono} placeholder="2026-12-31..2027-01-02 New Year" /></Form.Item></Col>
          <Col span={24}><Form.Item label={t('stays.admin.photos')} name="photos"><Input.TextArea autoSize={{ minRows: 1 }} style={mono} placeholder="https://…" /></Form.Item></Col>
        </Row>
        {problem && <Alert type="error" role="alert" showIcon message={problem[0]} description={problem.length > 1 ? <ul style={{ margin: 0 }}>{problem.slice(1).map((p) => <li key={p}>{p}</li>)}</ul> : undefined} />}
      </Form>
    </Drawer>
  );
}
