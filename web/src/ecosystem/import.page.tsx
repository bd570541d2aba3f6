import { DownloadOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useCapabilities } from '../auth/use-capabilities';
import { ecosystemExportUrl } from '../api/ecosystem-transfer.api';
import { NotFoundPage, PageLoading } from '../layout/page-states';
import { ImportUploadForm } from './import-upload.form';

/** The hub's ecosystem in (a dry run first, then the import) and out (XLSX or CSV), for whoever the server lets import. */
export function ImportPage() {
  const { hub = '' } = useParams();
  const { t } = useTranslation();
  const capabilities = useCapabilities(hub);

  if (capabilities.isPending) return <PageLoading />;
  if (!capabilities.data?.actions.organizations.import) return <NotFoundPage title={t('import.editorsOnly')} />;

  return (
    <Flex vertical gap={16}>
      <Typography.Title level={1} style={{ margin: 0 }}>
        {t('import.title')}
      </Typography.Title>
      <ImportUploadForm hub={hub} />
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
