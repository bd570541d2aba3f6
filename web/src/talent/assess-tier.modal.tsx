import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Checkbox, Form, Input, Radio, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { talentTiers } from '../../../contracts/people';
import { assessmentInputSchema } from '../../../contracts/talent';
import { assessTalentTier, talentCatalogue } from '../api/talent.api';
import { useFieldErrorText } from '../errors/use-field-error-text';
import { FormModal } from '../forms/form-modal';
import { useFormMutation } from '../forms/use-form-mutation';
import { zodRule } from '../forms/zod-rule';
import { useLocale } from '../i18n/locale-context';
import { DayRangePicker } from '../forms/day-range-picker';

type Values = {
  tier: (typeof talentTiers)[number];
  decision: 'granted' | 'refused';
  conditions: string[];
  evidence: string[];
  note: string;
  validity: [Dayjs, Dayjs];
};

const shape = assessmentInputSchema.shape;
const day = (value: Dayjs) => value.format('YYYY-MM-DD');

/** Server paths onto this form's fields (both validity days show on the one range picker). */
function fieldFor(path: string): string[] | null {
  const head = path.split('.')[0]!;
  if (head === 'validFrom' || head === 'validUntil') return ['validity'];
  return ['tier', 'decision', 'conditions', 'evidence', 'note'].includes(head) ? [head] : null;
}

/** An officer decides a person's talent class against the hub's catalogue. */
export function AssessTierModal({ hub, person, onClose }: { hub: string; person: { id: string; name: string } | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const { message } = App.useApp();
  const fieldText = useFieldErrorText();
  const client = useQueryClient();
  const catalogue = useQuery({ queryKey: ['hubs', hub, 'talent', 'catalogue'], queryFn: () => talentCatalogue(hub), enabled: person !== null });
  const [form] = Form.useForm<Values>();
  const tier = Form.useWatch('tier', form);
  const lang = locale === 'zh-CN' ? 'zh' : 'en';

  const save = useFormMutation({
    form,
    fieldFor,
    mutationFn: (values: Values) =>
      assessTalentTier(hub, person!.id, {
        tier: values.tier,
        decision: values.decision,
        conditions: values.conditions ?? [],
        evidence: values.evidence ?? [],
        note: values.note?.trim() ?? '',
        validFrom: day(values.validity[0]),
        validUntil: day(values.validity[1]),
      }),
    onSuccess: async () => {
      message.success(t('stays.assess.saved'));
      await client.invalidateQueries({ queryKey: ['hubs', hub] });
      onClose();
    },
  });

  const conditions = catalogue.data?.find((c) => c.tier === tier)?.conditions ?? [];
  return (
    <FormModal
      open={person !== null}
      title={t('stays.assess.title', { name: person?.name ?? '' })}
      onClose={onClose}
      form={form}
      mutation={save}
      name="assess-tier"
      initialValues={{ decision: 'granted', validity: [dayjs(), dayjs().add(3, 'year')], conditions: [], evidence: [] }}
      okText={t('stays.assess.save')}
    >
      <Form.Item name="tier" label={t('stays.assess.tier')} rules={[zodRule(shape.tier, fieldText)]} required>
        <Select
          options={talentTiers.map((tr) => ({ value: tr, label: catalogue.data?.find((c) => c.tier === tr)?.name[lang] ?? tr }))}
          onChange={() => form.setFieldValue('conditions', [])}
        />
      </Form.Item>
      <Form.Item name="decision" label={t('stays.assess.decision')}>
        <Radio.Group
          options={[
            { value: 'granted', label: t('stays.assess.granted') },
            { value: 'refused', label: t('stays.assess.refused') },
          ]}
        />
      </Form.Item>
      <Form.Item name="conditions" label={t('stays.assess.conditions')}>
        <Checkbox.Group options={conditions.map((c) => ({ value: c.key, label: c[lang] }))} style={{ display: 'flex', flexDirection: 'column', gap: 4 }} />
      </Form.Item>
      <Form.Item
        name="evidence"
        label={t('stays.assess.evidence')}
        tooltip={t('stays.assess.evidenceHint')}
        rules={[zodRule(shape.evidence, fieldText, { optional: true })]}
      >
        <Select mode="tags" open={false} />
      </Form.Item>
      <Form.Item name="note" label={t('stays.assess.note')} rules={[zodRule(shape.note, fieldText, { optional: true })]}>
        <Input.TextArea rows={2} maxLength={2000} />
      </Form.Item>
      <Form.Item
        name="validity"
        label={t('stays.assess.validity')}
        rules={[zodRule(shape.validUntil, fieldText, { toInput: (range) => day((range as Values['validity'])[1]) })]}
        required
      >
        <DayRangePicker label={t('stays.assess.validity')} endLabel={t('forms.lastDay')} allowClear={false} />
      </Form.Item>
    </FormModal>
  );
}
