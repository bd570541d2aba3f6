import { useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Card, Flex, Form, Select, Typography, Upload } from 'antd';
import { useTranslation } from 'react-i18next';
import { isApiRequestError } from '../api/api-request-error';
import { uploadComputeUsage } from '../api/compute.api';
import { listOrganizations } from '../api/organizations.api';
import { FormFailure } from '../forms/form-failure';
import { useFormMutation } from '../forms/use-form-mutation';
import { useBilingual } from '../i18n/use-bilingual';

type Values = { provider?: string; file?: File };

/** The server names the provider `providerId`; the file's problems (`body`, `format`) are one sentence and bad rows (`rows.<line>.<column>`) a list. */
const fieldFor = (path: string) => (path === 'providerId' ? ['provider'] : null);

/** Holds the chosen file as the form's value (the Upload's button chooses it); shows nothing. */
const KeptFile = (_: { value?: File }) => null;

/**
 * A provider's usage file (CSV or XLSX) uploaded on its behalf: all or nothing; bad rows listed
 * by line and column. One form on the one pattern: choosing the file sends it, with the form's
 * Idempotency-Key (a new file is a new key).
 */
export function UsageUploadCard({ hub, onDone }: { hub: string; onDone: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const bilingual = useBilingual();
  const [form] = Form.useForm<Values>();
  const provider = Form.useWatch('provider', form);
  const providers = useQuery({ queryKey: ['compute', hub, 'providers'], queryFn: () => listOrganizations(hub, { kind: 'compute_provider', limit: 100 }) });
  const send = useFormMutation({
    form,
    idempotent: true,
    fieldFor,
    mutationFn: (v: Values, key) => uploadComputeUsage(hub, v.provider!, v.file!, key),
    onSuccess: ({ results }) => {
      const count = (o: string) => results.filter((r) => r.outcome === o).length;
      message.success(t('compute.upload.done', { applied: count('applied'), replayed: count('replayed'), refused: count('refused') }));
      onDone();
    },
  });
  const rows = isApiRequestError(send.failure) ? send.failure.fields.filter((f) => f.path.startsWith('rows.')) : [];
  const problems = rows.map((f) => {
    const [, line, column] = /^rows\.(\d+)\.(\w+)$/.exec(f.path) ?? [];
    return line ? `${t('compute.upload.where', { line, column })} ${f.message}` : f.message;
  });

  return (
    <Card title={t('compute.upload.title')}>
      <Form<Values> name="usage-upload" form={form} onValuesChange={send.onValuesChange} onFinish={send.submit}>
        <Flex vertical gap={12}>
          <Typography.Text type="secondary">{t('compute.upload.intro')}</Typography.Text>
          <Flex gap={12} wrap>
            <Form.Item name="provider" style={{ marginBottom: 0 }}>
              <Select
                aria-label={t('compute.forms.provider')}
                placeholder={t('compute.forms.provider')}
                style={{ minWidth: 260 }}
                options={(providers.data?.items ?? []).map((o) => ({ value: o.id, label: bilingual(o.name).primary }))}
              />
            </Form.Item>
            <Upload
              accept=".csv,.xlsx"
              showUploadList={false}
              disabled={!provider}
              beforeUpload={(file) => {
                // The chosen file is the form's value; another file is another write, so submitWith gives it a new key.
                send.submitWith({ file });
                return false;
              }}
            >
              <Button disabled={!provider} loading={send.submitting}>
                {t('compute.upload.choose')}
              </Button>
            </Upload>
            <Form.Item name="file" hidden>
              <KeptFile />
            </Form.Item>
          </Flex>
          {problems.length === 0 && <FormFailure failure={send.failure} />}
          {problems.length > 0 && (
            <Alert
              type="error"
              role="alert"
              title={t('compute.upload.problems')}
              description={
                <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                  {problems.map((p) => (
                    <li key={p}>{p}</li>
                  ))}
                </ul>
              }
            />
          )}
        </Flex>
      </Form>
    </Card>
  );
}
