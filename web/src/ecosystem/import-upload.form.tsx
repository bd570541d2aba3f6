import { InboxOutlined } from '@ant-design/icons';
import { App, Button, Card, Checkbox, Form, Input, Space, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { importEcosystem, type ImportResult, type TransferFormat } from '../api/ecosystem-transfer.api';
import { useFieldErrorText } from '../errors/use-field-error-text';
import { FormFailure } from '../forms/form-failure';
import { useFormMutation } from '../forms/use-form-mutation';
import { ImportPreview } from './import-preview';

type Values = { file?: File; partial: boolean; dryRun: boolean };

const formatOf = (file: File): TransferFormat | null => (/\.xlsx$/i.test(file.name) ? 'xlsx' : /\.csv$/i.test(file.name) ? 'csv' : null);

/** The server names the raw body `body` and the file's kind `format`: both are the file field; its flags are the checkbox. */
const fieldFor = (path: string) => {
  const head = path.split('.')[0];
  if (head === 'body' || head === 'format') return ['file'];
  return head === 'partial' ? ['partial'] : null;
};

/** The chosen file as a form field: a drop zone that keeps the file instead of sending it. */
function FileField({ value, onChange }: { value?: File; onChange?: (file: File | undefined) => void }) {
  const { t } = useTranslation();
  return (
    <Upload.Dragger
      accept=".xlsx,.csv"
      maxCount={1}
      beforeUpload={(chosen) => {
        onChange?.(chosen);
        return false;
      }}
      onRemove={() => onChange?.(undefined)}
      fileList={value ? [{ uid: 'file', name: value.name, status: 'done' }] : []}
    >
      <p className="ant-upload-drag-icon">
        <InboxOutlined />
      </p>
      <p className="ant-upload-text">{t('import.drop')}</p>
    </Upload.Dragger>
  );
}

/** Upload a workbook: a dry run first shows what would be written or what is wrong; then import. One form, two buttons. */
export function ImportUploadForm({ hub }: { hub: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const fieldText = useFieldErrorText();
  const [form] = Form.useForm<Values>();
  const [preview, setPreview] = useState<{ result: ImportResult; partial: boolean } | null>(null);
  const file = Form.useWatch('file', form);
  const run = useFormMutation({
    form,
    fieldFor,
    mutationFn: (v: Values) => importEcosystem(hub, v.file!, { format: formatOf(v.file!)!, partial: v.partial, dryRun: v.dryRun }),
    onSuccess: (result, v) => {
      if (v.dryRun) return setPreview({ result, partial: v.partial });
      message.success(t('import.done', { count: Object.values(result.written).reduce((sum, n) => sum + n, 0) }));
      setPreview(null);
      form.resetFields();
    },
  });
  const pending = (dryRun: boolean) => run.submitting && run.mutation.variables?.dryRun === dryRun;
  const canConfirm = preview !== null && (preview.result.errors.length === 0 || preview.partial);

  return (
    <>
      <Card title={t('import.uploadTitle')}>
        <Typography.Paragraph type="secondary">{t('import.intro')}</Typography.Paragraph>
        <Form<Values>
          name="ecosystem-import"
          form={form}
          initialValues={{ partial: false, dryRun: true }}
          onValuesChange={() => {
            // Another file or another choice: the dry run shown was about the old ones.
            run.onValuesChange();
            setPreview(null);
          }}
          onFinish={run.submit}
        >
          <FormFailure failure={run.failure} />
          <Form.Item
            name="file"
            rules={[
              { required: true, message: fieldText('REQUIRED') },
              { validator: (_, value?: File) => (!value || formatOf(value) ? Promise.resolve() : Promise.reject(new Error(t('import.wrongType')))) },
            ]}
          >
            <FileField />
          </Form.Item>
          <Form.Item name="dryRun" hidden>
            <Input />
          </Form.Item>
          <Space wrap align="start">
            <Form.Item name="partial" valuePropName="checked" style={{ marginBottom: 0 }}>
              <Checkbox>{t('import.partial')}</Checkbox>
            </Form.Item>
            <Button type="primary" disabled={!file} loading={pending(true)} onClick={() => run.submitWith({ dryRun: true })}>
              {t('import.dryRun')}
            </Button>
            <Button type="primary" danger disabled={!canConfirm} loading={pending(false)} onClick={() => run.submitWith({ dryRun: false })}>
              {t('import.confirm')}
            </Button>
          </Space>
          <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
            {t('import.partialHint')}
          </Typography.Paragraph>
        </Form>
      </Card>
      {preview && <ImportPreview result={preview.result} partial={preview.partial} />}
    </>
  );
}
