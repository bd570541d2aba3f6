import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Checkbox, Descriptions, Flex, Space, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { fieldErrorMessages } from '../../../contracts/error-messages';
import { isApiRequestError } from '../api/api-request-error';
import { useCapabilities } from '../auth/use-capabilities';
import { ecosystemExportUrl, importEcosystem, type ImportError, type ImportResult, type TransferFormat } from '../api/ecosystem-transfer.api';
import { useErrorText } from '../errors/use-error-text';
import { useFieldErrorText } from '../errors/use-field-error-text';
import { NotFoundPage, PageLoading } from '../layout/page-states';

const formatOf = (file: File): TransferFormat | null => (/\.xlsx$/i.test(file.name) ? 'xlsx' : /\.csv$/i.test(file.name) ? 'csv' : null);

/** Upload a workbook: a dry run first shows what would be written or what is wrong; then import. */
export function ImportPage() {
  const { hub = '' } = useParams();
  const { t } = useTranslation();
  const capabilities = useCapabilities(hub);
  const { message } = App.useApp();
  const describe = useErrorText();
  const fieldText = useFieldErrorText();
  const [file, setFile] = useState<File | null>(null);
  const [partial, setPartial] = useState(false);
  const [preview, setPreview] = useState<ImportResult | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState<'dry' | 'real' | null>(null);

  if (capabilities.isPending) return <PageLoading />;
  if (!capabilities.data?.actions.organizations.import) return <NotFoundPage title={t('import.editorsOnly')} />;

  const run = async (dryRun: boolean) => {
    const format = file && formatOf(file);
    if (!file || !format) return;
    setBusy(dryRun ? 'dry' : 'real');
    setFailure(null);
    try {
      const result = await importEcosystem(hub, file, { format, partial, dryRun });
      if (dryRun) setPreview(result);
      else {
        message.success(t('import.done', { count: Object.values(result.written).reduce((sum, n) => sum + n, 0) }));
        setPreview(null);
        setFile(null);
      }
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(null);
    }
  };

  const notAvailable = isApiRequestError(failure) && (failure.status === 404 || failure.status === 405);
  const canConfirm = preview !== null && (preview.errors.length === 0 || partial);

  return (
    <Flex vertical gap={16}>
      <Typography.Title level={1} style={{ margin: 0 }}>
        {t('import.title')}
      </Typography.Title>
      <Card title={t('import.uploadTitle')}>
        <Typography.Paragraph type="secondary">{t('import.intro')}</Typography.Paragraph>
        <Upload.Dragger
          accept=".xlsx,.csv"
          maxCount={1}
          beforeUpload={(chosen) => {
            if (!formatOf(chosen)) message.error(t('import.wrongType'));
            else setFile(chosen);
            setPreview(null);
            return false;
          }}
          onRemove={() => {
            setFile(null);
            setPreview(null);
          }}
          fileList={file ? [{ uid: 'file', name: file.name, status: 'done' }] : []}
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">{t('import.drop')}</p>
        </Upload.Dragger>
        <Space wrap style={{ marginTop: 16 }}>
          <Checkbox
            checked={partial}
            onChange={(event) => {
              setPartial(event.target.checked);
              setPreview(null);
            }}
          >
            {t('import.partial')}
          </Checkbox>
          <Button type="primary" disabled={!file} loading={busy === 'dry'} onClick={() => void run(true)}>
            {t('import.dryRun')}
          </Button>
          <Button type="primary" danger disabled={!canConfirm} loading={busy === 'real'} onClick={() => void run(false)}>
            {t('import.confirm')}
          </Button>
        </Space>
        <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
          {t('import.partialHint')}
        </Typography.Paragraph>
        {failure !== null && (
          <Alert type={notAvailable ? 'info' : 'error'} showIcon role="alert" message={notAvailable ? t('import.notAvailable') : describe(failure)} />
        )}
      </Card>
      {preview && <ImportPreview result={preview} fieldText={fieldText} partial={partial} />}
      <Card title={t('import.exportTitle')}>
        <Space wrap>
          <Button icon={<DownloadOutlined />} href={ecosystemExportUrl(hub, 'xlsx')} download>
            {t('import.exportXlsx')}
          </Button>
          <Button icon={<DownloadOutlined />} href={ecosystemExportUrl(hub, 'csv')} download>
            {t('import.exportCsv')}
          </Button>
        </Space>
      </Card>
    </Flex>
  );
}

function ImportPreview({ result, fieldText, partial }: { result: ImportResult; fieldText: (code: string) => string; partial: boolean }) {
  const { t } = useTranslation();
  const counts = Object.entries(result.written);
  return (
    <Card title={t('import.previewTitle')}>
      <Flex vertical gap={16}>
        <Alert
          type={result.errors.length === 0 ? 'success' : partial ? 'warning' : 'error'}
          showIcon
          message={result.errors.length === 0 ? t('import.clean') : t('import.hasErrors', { count: result.errors.length, rejected: result.rejected })}
        />
        <Descriptions title={t('import.toWrite')} size="small" bordered column={{ xs: 1, md: 3 }}>
          {counts.map(([entity, count]) => (
            <Descriptions.Item key={entity} label={entity}>
              {count}
            </Descriptions.Item>
          ))}
        </Descriptions>
        {result.errors.length > 0 && (
          <Table<ImportError>
            rowKey={(row) => `${row.sheet}:${row.line}:${row.field}:${row.code}`}
            size="small"
            dataSource={result.errors}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            columns={[
              { title: t('import.sheet'), dataIndex: 'sheet', width: 140 },
              { title: t('import.line'), dataIndex: 'line', width: 80, align: 'right' },
              { title: t('import.field'), dataIndex: 'field', width: 180, render: (value: string) => <Typography.Text code>{value}</Typography.Text> },
              {
                title: t('import.message'),
                key: 'message',
                render: (_, row) => (Object.hasOwn(fieldErrorMessages, row.code) ? fieldText(row.code) : row.message),
              },
            ]}
          />
        )}
      </Flex>
    </Card>
  );
}
