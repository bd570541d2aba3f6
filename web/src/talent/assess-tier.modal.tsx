import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Checkbox, DatePicker, Form, Input, Modal, Radio, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { talentTiers } from '../../../contracts/people';
import { assessTalentTier, talentCatalogue } from '../api/stays.api';
import { useErrorText } from '../errors/use-error-text';
import { useLocale } from '../i18n/locale-context';

type Values = { tier: (typeof talentTiers)[number]; decision: 'granted' | 'refused'; conditions: string[]; evidence: string[]; note: string; validity: [Dayjs, Dayjs] };

/** An officer decides a person's talent class against the hub's catalogue. */
export function AssessTierModal({ hub, person, onClose }: { hub: string; person: { id: string; name: string } | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const { message } = App.useApp();
  const describe = useErrorText();
  const client = useQueryClient();
  const catalogue = useQuery({ queryKey: ['hubs', hub, 'talent', 'catalogue'], queryFn: () => talentCatalogue(hub), enabled: person !== null });
  const [form] = Form.useForm<Values>();
  const tier = Form.useWatch('tier', form);
  const [saving, setSaving] = useState(false);
  const lang = locale === 'zh-CN' ? 'zh' : 'en';

  async function save(values: Values) {
    if (!person) return;
    setSaving(true);
    try {
      await assessTalentTier(hub, person.id, {
        tier: values.tier,
        decision: values.decision,
        conditions: values.conditions ?? [],
        evidence: values.evidence ?? [],
        note: values.note ?? '',
        validFrom: values.validity[0].format('YYYY-MM-DD'),
        validUntil: values.validity[1].format('YYYY-MM-DD'),
      });
      message.success(t('stays.assess.saved'));
      await client.invalidateQueries({ queryKey: ['hubs', hub] });
      onClose();
    } catch (error) {
      message.error(describe(error));
    } finally {
      setSaving(false);
    }
  }

  const conditions = catalogue.data?.find((c) => c.tier === tier)?.conditions ?? [];
  return (
    <Modal open={person !== null} title={t('stays.assess.title', { name: person?.name ?? '' })} okText={t('stays.assess.save')} confirmLoading={saving} onCancel={onClose} onOk={() => form.submit()} destroyOnHidden>
      <Form<Values> form={form} layout="vertical" onFinish={(v) => void save(v)} initialValues={{ decision: 'granted', validity: [dayjs(), dayjs().add(3, 'year')], conditions: [], evidence: [] }}>
        <Form.Item name="tier" label={t('stays.assess.tier')} rules={[{ required: true }]}>
          <Select options={talentTiers.map((tr) => ({ value: tr, label: catalogue.data?.find((c) => c.tier === tr)?.name[lang] ?? tr }))} onChange={() => form.setFieldValue('conditions', [])} />
        </Form.Item>
        <Form.Item name="decision" label={t('stays.assess.decision')}>
          <Radio.Group options={[{ value: 'granted', label: t('stays.assess.granted') }, { value: 'refused', label: t('stays.assess.refused') }]} />
        </Form.Item>
        <Form.Item name="conditions" label={t('stays.assess.conditions')}>
          <Checkbox.Group options={conditions.map((c) => ({ value: c.key, label: c[lang] }))} style={{ display: 'flex', flexDirection: 'column', gap: 4 }} />
        </Form.Item>
        <Form.Item name="evidence" label={t('stays.assess.evidence')} tooltip={t('stays.assess.evidenceHint')}>
          <Select mode="tags" open={false} />
        </Form.Item>
        <Form.Item name="note" label={t('stays.assess.note')}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
        <Form.Item name="validity" label={t('stays.assess.validity')} rules={[{ required: true }]}>
          <DatePicker.RangePicker allowClear={false} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
