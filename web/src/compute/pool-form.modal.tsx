import { useQuery } from '@tanstack/react-query';
import { App, Button, Checkbox, Flex, Form, Input, InputNumber, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { flavorInputSchema, poolInputSchema, vendors } from '../../../contracts/compute';
import { createComputePool } from '../api/compute.api';
import { listOrganizations } from '../api/organizations.api';
import { useFieldErrorText } from '../errors/use-field-error-text';
import { FormModal } from '../forms/form-modal';
import { useFormMutation } from '../forms/use-form-mutation';
import { zodRule } from '../forms/zod-rule';
import { useBilingual } from '../i18n/use-bilingual';
import { MoneyField } from '../money/money-field';
import { majorToMinor } from '../money/money-math';

type FlavorValues = {
  code: string;
  model: string;
  vendor: (typeof vendors)[number];
  domestic?: boolean;
  gpuMemoryGib: number;
  cpuPerGpu: number;
  memoryGibPerGpu: number;
  gpus: number;
  price: string;
};
type Values = { providerId: string; name: { zh: string; en: string }; region: string; flavors: FlavorValues[] };
type FieldName = (string | number)[];

const shape = poolInputSchema.shape;
const flavor = flavorInputSchema.shape;
const flavorFields = new Set(['code', 'model', 'vendor', 'domestic', 'gpuMemoryGib', 'cpuPerGpu', 'memoryGibPerGpu', 'gpus', 'pricePerGpuHour']);

/** The server's path ("flavors.1.pricePerGpuHour") to the form's field (['flavors', 1, 'price']); null when the form has none. */
export function poolField(path: string): FieldName | null {
  const [head, second, third] = path.split('.');
  if (head === 'providerId' || head === 'region') return [head];
  if (head === 'name' && (second === 'zh' || second === 'en')) return ['name', second];
  if (head === 'flavors' && /^\d+$/.test(second ?? '') && third && flavorFields.has(third)) {
    return ['flavors', Number(second), third === 'pricePerGpuHour' ? 'price' : third];
  }
  return null;
}

/** The operator adds a provider's pool with its flavors (accelerator, memory, GPUs in service, list price per GPU-hour). */
export function PoolFormModal({ hub, open, onClose, onDone }: { hub: string; open: boolean; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const fieldText = useFieldErrorText();
  const bilingual = useBilingual();
  const [form] = Form.useForm<Values>();
  const providers = useQuery({
    queryKey: ['compute', hub, 'providers'],
    queryFn: () => listOrganizations(hub, { kind: 'compute_provider', limit: 100 }),
    enabled: open,
  });

  const save = useFormMutation({
    form,
    fieldFor: poolField,
    mutationFn: (v: Values) =>
      createComputePool(hub, {
        providerId: v.providerId,
        name: { zh: v.name.zh.trim(), en: v.name.en.trim() },
        region: v.region.trim(),
        maintenance: [],
        flavors: v.flavors.map((f) => ({
          code: f.code,
          model: f.model.trim(),
          vendor: f.vendor,
          domestic: Boolean(f.domestic),
          gpuMemoryGib: f.gpuMemoryGib,
          cpuPerGpu: f.cpuPerGpu,
          memoryGibPerGpu: f.memoryGibPerGpu,
          gpus: f.gpus,
          pricePerGpuHour: majorToMinor(f.price) ?? '0',
        })),
      }),
    onSuccess: (pool) => {
      message.success(t('compute.forms.poolAdded', { name: bilingual(pool.name).primary }));
      onDone();
    },
  });

  const n = (name: [number, 'gpus' | 'gpuMemoryGib' | 'cpuPerGpu' | 'memoryGibPerGpu'], label: string, min: number, max: number) => (
    <Form.Item name={name} label={label} rules={[zodRule(flavor[name[1]], fieldText)]} required style={{ flex: '1 1 120px' }}>
      <InputNumber min={min} max={max} style={{ width: '100%' }} />
    </Form.Item>
  );
  return (
    <FormModal
      open={open}
      title={t('compute.forms.addPool')}
      onClose={onClose}
      form={form}
      mutation={save}
      name="compute-pool"
      initialValues={{ flavors: [{ vendor: 'nvidia', gpuMemoryGib: 80, cpuPerGpu: 16, memoryGibPerGpu: 128, gpus: 8 }] }}
      okText={t('compute.forms.save')}
      width={640}
    >
      <Form.Item name="providerId" label={t('compute.forms.provider')} rules={[zodRule(shape.providerId, fieldText)]} required>
        <Select loading={providers.isPending} options={(providers.data?.items ?? []).map((o) => ({ value: o.id, label: bilingual(o.name).primary }))} />
      </Form.Item>
      <Flex gap={12} wrap>
        <Form.Item
          name={['name', 'zh']}
          label={t('compute.forms.nameZh')}
          rules={[zodRule(shape.name.shape.zh, fieldText)]}
          required
          style={{ flex: '1 1 200px' }}
        >
          <Input />
        </Form.Item>
        <Form.Item
          name={['name', 'en']}
          label={t('compute.forms.nameEn')}
          rules={[zodRule(shape.name.shape.en, fieldText)]}
          required
          style={{ flex: '1 1 200px' }}
        >
          <Input />
        </Form.Item>
      </Flex>
      <Form.Item name="region" label={t('compute.forms.region')} rules={[zodRule(shape.region, fieldText)]} required>
        <Input />
      </Form.Item>
      <Form.List name="flavors">
        {(fields, { add, remove }) => (
          <Flex vertical gap={8}>
            {fields.map((field) => (
              <fieldset key={field.key} style={{ border: '1px solid #d9d9d9', borderRadius: 8, padding: 12 }}>
                <legend style={{ fontSize: 14, padding: '0 4px', width: 'auto', marginBottom: 0, border: 0 }}>
                  {t('compute.forms.flavor', { n: field.name + 1 })}
                </legend>
                <Flex gap={12} wrap>
                  <Form.Item
                    name={[field.name, 'model']}
                    label={t('compute.forms.model')}
                    rules={[zodRule(flavor.model, fieldText)]}
                    required
                    style={{ flex: '1 1 160px' }}
                  >
                    <Input placeholder="H20" />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'code']}
                    label={t('compute.forms.code')}
                    rules={[zodRule(flavor.code, fieldText)]}
                    required
                    extra={t('compute.forms.codeRule')}
                    style={{ flex: '1 1 120px' }}
                  >
                    <Input placeholder="h20" />
                  </Form.Item>
                  <Form.Item name={[field.name, 'vendor']} label={t('compute.forms.vendor')} style={{ flex: '1 1 120px' }}>
                    <Select options={vendors.map((v) => ({ value: v, label: t(`compute.vendor.${v}`) }))} />
                  </Form.Item>
                </Flex>
                <Flex gap={12} wrap>
                  {n([field.name, 'gpus'], t('compute.forms.gpus'), 1, 100_000)}
                  {n([field.name, 'gpuMemoryGib'], t('compute.forms.gpuMemory'), 1, 1024)}
                  {n([field.name, 'cpuPerGpu'], t('compute.forms.cpuPerGpu'), 1, 256)}
                  {n([field.name, 'memoryGibPerGpu'], t('compute.forms.memoryPerGpu'), 1, 4096)}
                </Flex>
                <MoneyField name={[field.name, 'price']} label={t('compute.forms.price')} />
                <Flex justify="space-between">
                  <Form.Item name={[field.name, 'domestic']} valuePropName="checked" noStyle>
                    <Checkbox>{t('compute.forms.domestic')}</Checkbox>
                  </Form.Item>
                  {fields.length > 1 && (
                    <Button size="small" onClick={() => remove(field.name)}>
                      {t('compute.forms.removeFlavor')}
                    </Button>
                  )}
                </Flex>
              </fieldset>
            ))}
            <Button onClick={() => add({ vendor: 'nvidia', gpuMemoryGib: 80, cpuPerGpu: 16, memoryGibPerGpu: 128, gpus: 8 })}>
              {t('compute.forms.addFlavor')}
            </Button>
          </Flex>
        )}
      </Form.List>
    </FormModal>
  );
}
