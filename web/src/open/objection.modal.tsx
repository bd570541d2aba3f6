import { Alert, Form, Input, Upload, type FormRule, type UploadFile } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EVIDENCE_MAX_BYTES, objectionInputSchema } from '../../../contracts/notices';
import { lodgeObjection } from '../api/open-data.api';
import { useFieldErrorText } from '../errors/use-field-error-text';
import { FormModal } from '../forms/form-modal';
import { useFormMutation } from '../forms/use-form-mutation';
import { zodRule } from '../forms/zod-rule';

type Values = { contact: string; reason: string; evidence?: UploadFile[] };

const shape = objectionInputSchema.shape;
const fileOf = (values: Pick<Values, 'evidence'>) => values.evidence?.[0]?.originFileObj ?? null;

const base64 = async (file: File) => {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let text = '';
  for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(text);
};

/** Anyone objects to an award on notice: contact, reason, an optional file. Phone-sized. */
export function ObjectionModal({ hub, number, onClose }: { hub: string; number: string; onClose: () => void }) {
  const { t } = useTranslation();
  const fieldText = useFieldErrorText();
  const [form] = Form.useForm<Values>();
  const [reference, setReference] = useState<string | null>(null);
  const object = useFormMutation({
    form,
    fields: ['contact', 'reason', 'evidence'],
    mutationFn: async (values: Values) => {
      const file = fileOf(values);
      const evidence = file ? { name: file.name, content: await base64(file) } : undefined;
      return lodgeObjection(hub, number, { contact: values.contact.trim(), reason: values.reason.trim(), ...(evidence ? { evidence } : {}) });
    },
    onSuccess: (receipt) => setReference(receipt.reference),
  });
  const fitsLimit: FormRule = {
    validator: async (_rule, value: UploadFile[] | undefined) => {
      const file = fileOf({ evidence: value });
      if (file && file.size > EVIDENCE_MAX_BYTES) throw new Error(t('open.tooBig'));
    },
  };

  return (
    <FormModal
      title={t('open.objectTitle', { number })}
      onClose={onClose}
      form={form}
      mutation={object}
      name="objection"
      okText={reference ? t('open.cancel') : t('open.send')}
      receipt={reference && <Alert type="success" showIcon title={t('open.received', { reference })} />}
    >
      <Form.Item label={t('open.contact')} name="contact" extra={t('open.contactHint')} rules={[zodRule(shape.contact, fieldText)]} required>
        <Input autoComplete="email" />
      </Form.Item>
      <Form.Item label={t('open.objectionReason')} name="reason" rules={[zodRule(shape.reason, fieldText)]} required>
        <Input.TextArea rows={4} maxLength={4000} />
      </Form.Item>
      <Form.Item
        label={t('open.evidence')}
        name="evidence"
        valuePropName="fileList"
        getValueFromEvent={(event: { fileList: UploadFile[] }) => event.fileList}
        rules={[fitsLimit]}
      >
        <Upload beforeUpload={() => false} maxCount={1}>
          <a href="#evidence" onClick={(e) => e.preventDefault()}>
            {t('open.evidence')}
          </a>
        </Upload>
      </Form.Item>
    </FormModal>
  );
}
