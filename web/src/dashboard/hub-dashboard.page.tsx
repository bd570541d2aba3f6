import { PrinterOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { getHubDashboard } from '../api/hub-dashboard.api';
import { useHub } from '../hubs/use-hub';
import { useBilingual } from '../i18n/use-bilingual';
import { PageLoading, PartError } from '../layout/page-states';
import { HubDashboardFigures } from './hub-dashboard';

/** /hubs/:hub/dashboard: the hub admin's figures for one year, printable as a report. */
export function HubDashboardPage() {
  const { hub: slug = '' } = useParams();
  const { t } = useTranslation();
  const hub = useHub(slug);
  const bilingual = useBilingual();
  const [year, setYear] = useState<number | undefined>();
  const dashboard = useQuery({ queryKey: ['hub-dashboard', slug, year ?? null], queryFn: () => getHubDashboard(slug, year) });
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <div>
        <Typography.Title level={1}>
          {t('dashboard.title')}
          {hub.data ? ` · ${bilingual(hub.data.name).primary}` : ''}
          {dashboard.data?.year ? ` · ${dashboard.data.year}` : ''}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t('dashboard.intro')}</Typography.Paragraph>
        <Space wrap className="no-print">
          {dashboard.data && dashboard.data.years.length > 0 && (
            <>
              <label htmlFor="dashboard-year">{t('dashboard.year')}</label>
              <Select
                id="dashboard-year"
                value={dashboard.data.year ?? undefined}
                onChange={setYear}
                options={dashboard.data.years.map((y) => ({ value: y, label: String(y) }))}
                style={{ width: 120 }}
              />
            </>
          )}
          <Button icon={<PrinterOutlined />} onClick={() => window.print()}>
            {t('dashboard.print')}
          </Button>
        </Space>
      </div>
      {dashboard.isPending ? (
        <PageLoading />
      ) : dashboard.isError ? (
        <PartError error={dashboard.error} onRetry={() => void dashboard.refetch()} />
      ) : (
        <HubDashboardFigures dashboard={dashboard.data} />
      )}
    </Space>
  );
}
