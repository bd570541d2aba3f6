import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Card, Flex, Select, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiRequestError } from '../api/api-request-error';
import { uploadComputeUsage } from '../api/compute.api';
import { newIdempotencyKey } from '../api/idempotency-key';
import { listOrganizations } from '../api/organizations.api';
import { FormFailure } from '../forms/form-failure';
import { useBilingual } from '../i18n/use-bilingual';

/** A provider's usage file (CSV or XLSX) uploaded on its behalf: all or nothing; bad rows listed by line and column. */
export function UsageUploadCard({ hub, onDone }: { hub: string; onDone: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const bilingual = useBilingual();
  const [provider, setProvider] = useState<string>();
  const providers = useQuery({ queryKey: ['compute', hub, 'providers'], queryFn: () => listOrganizations(hub, { kind: 'compute_provider', limit: 100 }) });

  // An upload is all or nothing: bad rows come back as fields `rows.<line>.<column>`, listed by line; any other refusal is one sentence.
  const send = useMutation({
    mutationFn: ({ providerId, file }: { providerId: string; file: File }) => uploadComputeUsage(hub, providerId, file, newIdempotencyKey()),
    onSuccess: ({ results }) => {
      const count = (o: string) => results.filter((r) => r.outcome === o).length;
      message.success(t('compute.upload.done', { applied: count('applied'), replayed: count('replayed'), refused: count('refused') }));
      onDone();
    },
  });
  const rows = isApiRequestError(send.error) ? send.error.fields : [];
  const problems = rows.map((f) => {
    const [, line, column] = /^rows\.(\d+)\.(\w+)$/.exec(f.path) ?? [];
    return line ? `${t('compute.upload.where', { line, column })} ${f.message}` : f.message;
  });

  return (
    <Card title={t('compute.upload.title')}>
      <Flex vertical gap={12}>
        <Typography.Text type="secondary">{t('compute.upload.intro')}</Typography.Text>
        <Flex gap={12} wrap>
          <Select
            aria-label={t('compute.forms.provider')}
            placeholder={t('compute.forms.provider')}
            value={provider}
            onChange={setProvider}
            style={{ minWidth: 260 }}
            options={(providers.data?.items ?? []).map((o) => ({ value: o.id, label: bilingual(o.name).primary }))}
          />
          <Upload
            accept=".csv,.xlsx"
            showUploadList={false}
            disabled={!provider}
            beforeUpload={(file) => {
              if (provider) send.mutate({ providerId: provider, file });
              return false;
            }}
          >
            <Button disabled={!provider} loading={send.isPending}>
              {t('compute.upload.choose')}
            </Button>
          </Upload>
        </Flex>
        {send.isError && problems.length === 0 && <FormFailure failure={send.error} />}
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
    </Card>
  );
}
