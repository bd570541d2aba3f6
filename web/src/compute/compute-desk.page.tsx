import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Flex, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { getComputeDashboard, getComputeUsage, getFairShare, listComputeQueue, type ComputeRequest, type ComputeUsageRecord } from '../api/compute.api';
import { useCapabilities } from '../auth/use-capabilities';
import { formatMoment } from '../i18n/format-date';
import { useLocale } from '../i18n/locale-context';
import { useBilingual } from '../i18n/use-bilingual';
import { Money } from '../money/money';
import { BurnDownChart, FairShareChart, UtilisationChart, WaitsChart } from './compute-charts';
import { useFormatHours } from './format-hours';
import { PoolFormModal } from './pool-form.modal';
import { QuotaFormModal } from './quota-form.modal';
import { UsageUploadCard } from './usage-upload.card';

/**
 * The compute operator's desk: pools and quotas (forms), utilisation, waits and voucher
 * burn-down (charts), each company's fair-share standing, the requests, usage files and
 * metered usage with what vouchers paid.
 */
export function ComputeDeskPage() {
  const { hub = '' } = useParams();
  const { t } = useTranslation();
  const hours = useFormatHours();
  const { locale } = useLocale();
  const bilingual = useBilingual();
  // Pools, quotas and usage files for whom the server allows them; the hub's auditor reads the desk.
  const can = useCapabilities(hub).data?.actions.compute;
  const share = useQuery({ queryKey: ['compute', hub, 'fair-share'], queryFn: () => getFairShare(hub) });
  const queue = useQuery({ queryKey: ['compute', hub, 'queue'], queryFn: () => listComputeQueue(hub) });
  const usage = useQuery({ queryKey: ['compute', hub, 'usage'], queryFn: () => getComputeUsage(hub) });
  const dashboard = useQuery({ queryKey: ['compute', hub, 'dashboard'], queryFn: () => getComputeDashboard(hub) });
  const queryClient = useQueryClient();
  const refresh = () => void queryClient.invalidateQueries({ queryKey: ['compute', hub] });
  const [form, setForm] = useState<'pool' | 'quota' | null>(null);
  const status = (s: ComputeRequest['status']) => (
    <Tag color={s === 'running' ? 'green' : s === 'refused' || s === 'preempted' ? 'red' : undefined}>{t(`compute.desk.status.${s}`)}</Tag>
  );
  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={1} style={{ margin: 0 }}>
          {t('compute.desk.title')}
        </Typography.Title>
        {can?.manage && (
          <Flex gap={8} wrap>
            <Button onClick={() => setForm('pool')}>{t('compute.forms.addPool')}</Button>
            <Button type="primary" onClick={() => setForm('quota')}>
              {t('compute.forms.setQuota')}
            </Button>
          </Flex>
        )}
      </Flex>
      <PoolFormModal hub={hub} open={form === 'pool'} onClose={() => setForm(null)} onDone={() => (setForm(null), refresh())} />
      <QuotaFormModal
        hub={hub}
        open={form === 'quota'}
        vouchers={dashboard.data?.burnDown ?? []}
        onClose={() => setForm(null)}
        onDone={() => (setForm(null), refresh())}
      />
      <Card title={t('compute.charts.utilisation')} loading={dashboard.isPending}>
        <UtilisationChart data={dashboard.data?.utilisation ?? []} />
      </Card>
      <Flex gap={16} wrap>
        <Card title={t('compute.charts.waits')} loading={dashboard.isPending} style={{ flex: '1 1 420px' }}>
          <WaitsChart data={dashboard.data?.waits ?? []} />
        </Card>
        <Card title={t('compute.charts.burnDown')} loading={dashboard.isPending} style={{ flex: '1 1 420px' }}>
          <BurnDownChart data={dashboard.data?.burnDown ?? []} />
        </Card>
      </Flex>
      <Card title={t('compute.desk.fairShare')} loading={share.isPending}>
        {share.data && (
          <Typography.Paragraph type="secondary">{t('compute.desk.fairShareHelp', { days: hours(share.data.halfLifeHours / 24) })}</Typography.Paragraph>
        )}
        <FairShareChart data={share.data?.items ?? []} />
      </Card>
      <Card title={t('compute.desk.queue')}>
        <Table<ComputeRequest>
          rowKey="id"
          size="small"
          loading={queue.isPending}
          dataSource={queue.data?.items ?? []}
          locale={{ emptyText: t('compute.desk.empty') }}
          scroll={{ x: true }}
          pagination={{ pageSize: 10 }}
          columns={[
            { title: t('compute.desk.columns.reference'), dataIndex: 'reference' },
            { title: t('compute.desk.columns.company'), render: (_, r) => bilingual(r.organization.name).primary },
            { title: t('compute.desk.columns.flavor'), render: (_, r) => r.flavor?.model ?? r.flavorRequested },
            { title: t('compute.desk.columns.gpus'), dataIndex: 'gpus', align: 'right' },
            { title: t('compute.desk.columns.hours'), render: (_, r) => hours(r.hours), align: 'right' },
            { title: t('compute.desk.columns.start'), render: (_, r) => (r.start ? formatMoment(r.start, locale) : '—') },
            { title: t('compute.desk.columns.status'), render: (_, r) => status(r.status) },
          ]}
        />
      </Card>
      {can?.reportUsage && <UsageUploadCard hub={hub} onDone={refresh} />}
      <Card title={t('compute.desk.usage')}>
        <Table<ComputeUsageRecord>
          rowKey="id"
          size="small"
          loading={usage.isPending}
          dataSource={usage.data?.items ?? []}
          locale={{ emptyText: t('compute.desk.empty') }}
          scroll={{ x: true }}
          pagination={{ pageSize: 10 }}
          columns={[
            { title: t('compute.desk.columns.record'), dataIndex: 'recordId' },
            { title: t('compute.desk.columns.company'), render: (_, u) => bilingual(u.organization.name).primary },
            { title: t('compute.desk.columns.flavor'), render: (_, u) => u.flavor.model },
            { title: t('compute.desk.columns.gpuHours'), render: (_, u) => hours(u.gpuHours), align: 'right' },
            { title: t('compute.desk.columns.cost'), render: (_, u) => <Money value={u.cost} />, align: 'right' },
            { title: t('compute.desk.columns.paid'), render: (_, u) => <Money value={u.voucherPaid} />, align: 'right' },
          ]}
        />
      </Card>
    </Flex>
  );
}
