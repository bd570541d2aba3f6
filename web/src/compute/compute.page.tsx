import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Descriptions, Empty, Flex, Progress, Select, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { mayApplyFor } from '../../../contracts/auth';
import { ItemList, ListItem } from '../layout/item-list';
import { cancelComputeRequest, getComputeDashboard, getComputeUsage, listComputeQueue } from '../api/compute.api';
import { useMe } from '../auth/use-me';
import { ActionForm } from '../forms/action-form';
import { formatDayRange, formatMomentDay, formatMomentRange } from '../i18n/format-date';
import { useLocale } from '../i18n/locale-context';
import { useBilingual } from '../i18n/use-bilingual';
import { Money } from '../money/money';
import { fenMinus } from '../money/money-math';
import { BurnDownChart, WaitsChart } from './compute-charts';
import { useFormatHours } from './format-hours';
import { RequestFormCard } from './request-form.card';

/** A company's GPU time: its quota and voucher balance, asking for time, its requests, usage and burn-down. Works on a phone. */
export function ComputePage() {
  const { hub = '' } = useParams();
  const { t } = useTranslation();
  const { message } = App.useApp();
  const bilingual = useBilingual();
  const hours = useFormatHours();
  const { locale } = useLocale();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const me = useMe();
  const orgs = (me.data?.organizations ?? []).filter((o) => o.hub === hub);
  const [chosen, setChosen] = useState<string | undefined>();
  // A company the person may act for comes first; one they only view shows read-only.
  const org = chosen ?? (orgs.find((o) => mayApplyFor(o.role)) ?? orgs[0])?.id;
  const current = orgs.find((o) => o.id === org);
  const acts = mayApplyFor(current?.role ?? null);
  const key = ['compute', hub, 'mine', org] as const;
  const dashboard = useQuery({ queryKey: [...key, 'dashboard'], queryFn: () => getComputeDashboard(hub, org), enabled: Boolean(org) });
  const requests = useQuery({ queryKey: [...key, 'requests'], queryFn: () => listComputeQueue(hub, { organizationId: org }), enabled: Boolean(org) });
  const usage = useQuery({ queryKey: [...key, 'usage'], queryFn: () => getComputeUsage(hub, { organizationId: org }), enabled: Boolean(org) });
  const refresh = () => queryClient.invalidateQueries({ queryKey: key });

  if (!org)
    return (
      <Empty
        description={
          <Flex vertical gap={4}>
            <Typography.Text>{t('compute.mine.noCompany')}</Typography.Text>
            <Typography.Text type="secondary">{t('compute.mine.joinHint')}</Typography.Text>
          </Flex>
        }
      >
        <Button type="primary" onClick={() => void navigate(`/hubs/${hub}/organizations/new`)}>
          {t('compute.mine.registerCompany')}
        </Button>
      </Empty>
    );
  const quotas = dashboard.data?.quotas ?? [];
  const burnDown = dashboard.data?.burnDown ?? [];
  return (
    <Flex vertical gap={16}>
      <div>
        <Typography.Title level={1} style={{ marginBottom: 4 }}>
          {t('compute.mine.title')}
        </Typography.Title>
        <Typography.Text type="secondary">{t('compute.mine.intro')}</Typography.Text>
      </div>
      {orgs.length > 1 && (
        <Select
          aria-label={t('compute.mine.company')}
          value={org}
          onChange={setChosen}
          options={orgs.map((o) => ({ value: o.id, label: bilingual(o.name).primary }))}
          style={{ maxWidth: 360 }}
        />
      )}

      <Card title={t('compute.mine.quotas')} loading={dashboard.isPending}>
        <ItemList
          empty={<Empty description={t('compute.mine.noQuota')} />}
          items={quotas}
          renderItem={(q) => (
            <ListItem key={q.id} data-testid="compute-quota">
              <Flex vertical gap={4} style={{ width: '100%' }}>
                <Typography.Text strong>
                  {q.flavorModel} · {formatDayRange(q.periodStart, q.periodEnd, locale)}
                </Typography.Text>
                <Progress
                  percent={q.gpuHours > 0 ? Math.min(100, Math.round((q.gpuHoursUsed / q.gpuHours) * 100)) : 0}
                  aria-label={t('compute.mine.hoursUsed', { used: hours(q.gpuHoursUsed), total: hours(q.gpuHours) })}
                />
                <Typography.Text type="secondary">
                  {t('compute.mine.hoursUsed', { used: hours(q.gpuHoursUsed), total: hours(q.gpuHours) })} ·{' '}
                  {t('compute.mine.atOnce', { n: hours(q.concurrentGpus) })}
                </Typography.Text>
                {q.voucher && (
                  <Descriptions size="small" column={1}>
                    <Descriptions.Item label={t('compute.mine.voucherLeft')}>
                      <Money value={fenMinus(q.voucher.granted, q.voucher.paid, q.voucher.held)} strong />
                    </Descriptions.Item>
                    <Descriptions.Item label={t('compute.mine.voucherPaid')}>
                      <Money value={q.voucher.paid} />
                    </Descriptions.Item>
                    <Descriptions.Item label={t('compute.mine.voucherHeld')}>
                      <Money value={q.voucher.held} />
                    </Descriptions.Item>
                  </Descriptions>
                )}
              </Flex>
            </ListItem>
          )}
        />
      </Card>

      {!acts && current && <Alert type="info" showIcon title={t('compute.mine.viewOnly', { name: bilingual(current.name).primary })} />}
      {acts && quotas.length > 0 && <RequestFormCard hub={hub} organizationId={org} quotas={quotas} onDone={() => void refresh()} />}

      <Card title={t('compute.mine.requests')} loading={requests.isPending}>
        <ItemList
          empty={<Empty description={t('compute.desk.empty')} />}
          items={requests.data?.items ?? []}
          pageSize={5}
          renderItem={(r) => (
            <ListItem key={r.id} data-testid="compute-request">
              <Flex vertical gap={4} style={{ width: '100%' }}>
                <Flex justify="space-between" wrap gap={8}>
                  <Typography.Text strong>
                    {r.reference} · {r.flavor?.model ?? t('compute.mine.anyDomestic')}
                  </Typography.Text>
                  <Tag color={r.status === 'running' ? 'green' : r.status === 'refused' || r.status === 'preempted' ? 'red' : undefined}>
                    {t(`compute.desk.status.${r.status}`)}
                  </Tag>
                </Flex>
                <Typography.Text type="secondary">
                  {t('compute.mine.shape', { gpus: hours(r.gpus), hours: hours(r.hours) })}
                  {r.start && r.end ? ` · ${formatMomentRange(r.start, r.end, locale)}` : ''}
                </Typography.Text>
                {r.refusal && <Typography.Text type="danger">{t(`compute.refusal.${r.refusal}`)}</Typography.Text>}
                {acts && ['pending', 'admitted', 'running'].includes(r.status) && (
                  <ActionForm
                    name={`cancel-${r.id}`}
                    label={t('compute.mine.cancel')}
                    button={{ size: 'small' }}
                    mutationFn={() => cancelComputeRequest(hub, r.id)}
                    onSuccess={async () => {
                      message.success(t('compute.mine.cancelled', { ref: r.reference }));
                      await refresh();
                    }}
                  />
                )}
              </Flex>
            </ListItem>
          )}
        />
      </Card>

      {burnDown.length > 0 && (
        <Card title={t('compute.charts.burnDown')}>
          <BurnDownChart data={burnDown} />
        </Card>
      )}
      <Card title={t('compute.charts.waits')} loading={dashboard.isPending}>
        <WaitsChart data={dashboard.data?.waits ?? []} />
      </Card>

      <Card title={t('compute.mine.usage')} loading={usage.isPending}>
        <ItemList
          empty={<Empty description={t('compute.desk.empty')} />}
          items={usage.data?.items ?? []}
          pageSize={5}
          renderItem={(u) => (
            <ListItem key={u.id}>
              <Flex justify="space-between" wrap gap={8} style={{ width: '100%' }}>
                <Typography.Text>
                  {u.requestReference} · {u.flavor.model} · {t('compute.mine.gpuHours', { n: hours(u.gpuHours) })} · {formatMomentDay(u.endedAt, locale)}
                </Typography.Text>
                <Typography.Text>
                  <Money value={u.cost} /> · {t('compute.mine.paidBy')} <Money value={u.voucherPaid} />
                </Typography.Text>
              </Flex>
            </ListItem>
          )}
        />
      </Card>
    </Flex>
  );
}
