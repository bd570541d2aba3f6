import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Flex, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { getComputeDashboard, getComputeUsage, getFairShare, listComputeQueue, type ComputeRequest, type ComputeUsageRecord } from '../api/compute.api';
import { EChart } from '../ecosystem/echart';
import { useCapabilities } from '../auth/use-capabilities';
import { useBilingual } from '../i18n/use-bilingual';
import { Money } from '../money/money';
import { BurnDownChart, UtilisationChart, WaitsChart } from './compute-charts';
import { PoolFormModal } from './pool-form.modal';
import { QuotaFormModal } from './quota-form.modal';
import { UsageUploadCard } from './usage-upload.card';
import { useLocale } from '../i18n/locale-context';

/**
 * The compute operator's desk: pools and quotas (forms), utilisation, waits and voucher
 * burn-down (charts), each company's fair-share standing, the requests, usage files and
 * metered usage with what vouchers paid.
 */
export function ComputeDeskPage() {
  const { hub = '' } = useParams();
  const { t } = useTranslation();
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
  const option = useMemo(() => {
    const items = share.data?.items ?? [];
    const names = items.map((i) => bilingual(i.organization.name).primary);
    const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
    return {
      tooltip: { trigger: 'axis' },
      legend: { top: 0, data: [t('compute.desk.share'), t('compute.desk.decayed')] },
      // Each axis named under (or over) its middle, where a long name has room; at the end it was cut off.
      grid: { left: 8, right: 24, top: 72, bottom: 36, containLabel: true },
      xAxis: [
        {
          type: 'value',
          name: t('compute.desk.share'),
          nameLocation: 'middle',
          nameGap: 28,
          axisLabel: { formatter: (v: number) => percent.format(v) },
        },
        { type: 'value', name: t('compute.desk.decayed'), nameLocation: 'middle', nameGap: 28 },
      ],
      yAxis: { type: 'category', data: names },
      series: [
        { name: t('compute.desk.share'), type: 'bar', data: items.map((i) => Number(i.dominantShare.toFixed(4))) },
        { name: t('compute.desk.decayed'), type: 'bar', xAxisIndex: 1, data: items.map((i) => i.decayedGpuHours) },
      ],
    };
  }, [share.data, t, bilingual, locale]);
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
      <Card
        title={t('compute.desk.fairShare')}
        extra={share.data ? t('compute.desk.halfLife', { hours: share.data.halfLifeHours }) : null}
        loading={share.isPending}
      >
        <EChart option={option} height={Math.max(200, 60 * (share.data?.items.length ?? 1))} label={t('compute.desk.fairShare')} />
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
            { title: t('compute.desk.columns.hours'), dataIndex: 'hours', align: 'right' },
            { title: t('compute.desk.columns.start'), render: (_, r) => (r.start ? dayjs(r.start).format('YYYY-MM-DD HH:mm') : '—') },
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
            { title: t('compute.desk.columns.hours'), dataIndex: 'gpuHours', align: 'right' },
            { title: t('compute.desk.columns.cost'), render: (_, u) => <Money value={u.cost} />, align: 'right' },
            { title: t('compute.desk.columns.paid'), render: (_, u) => <Money value={u.voucherPaid} />, align: 'right' },
          ]}
        />
      </Card>
    </Flex>
  );
}
