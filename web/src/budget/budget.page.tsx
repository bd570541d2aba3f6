import type { ShownAccount } from './shown-account';
import { Card, DatePicker, Empty, Flex, Tabs, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import { isApiRequestError } from '../api/api-request-error';
import { NotFoundPage, PageLoading, PartError } from '../layout/page-states';
import { BalanceDrawer } from './balance-drawer';
import { EnvelopeOverview } from './envelope-overview';
import { LedgerExplorer } from './ledger-explorer';
import { OpenYearForm } from './open-year.form';
import { useBudgetRoles, useEnvelope } from './use-budget';
import { YearOverYear } from './year-over-year';

const tabs = ['overview', 'ledger', 'years'] as const;
type Tab = (typeof tabs)[number];

/** The finance view of one fiscal year: envelope and lines, the ledger, and earlier years. */
export function BudgetPage() {
  const { hub = '' } = useParams();
  const { t } = useTranslation();
  const roles = useBudgetRoles(hub);
  const [params, setParams] = useSearchParams();
  const year = Number(params.get('year')) || new Date().getFullYear();
  const tab: Tab = tabs.find((key) => key === params.get('tab')) ?? 'overview';
  const envelope = useEnvelope(hub, year);
  const [account, setAccount] = useState<ShownAccount | null>(null);
  const update = (next: Record<string, string>) => setParams((current) => ({ ...Object.fromEntries(current), ...next }), { replace: true });

  if (!roles.canRead) return <NotFoundPage title={t('budget.staffOnly')} />;

  const missing = envelope.isError && isApiRequestError(envelope.error) && envelope.error.status === 404;
  let body;
  if (envelope.isPending) body = <PageLoading />;
  else if (missing)
    body = roles.canWrite ? (
      <OpenYearForm key={year} hub={hub} year={year} onOpened={(opened) => update({ year: String(opened) })} />
    ) : (
      <Card>
        <Empty description={t('budget.yearMissing', { year })} />
      </Card>
    );
  else if (envelope.isError) body = <PartError error={envelope.error} onRetry={() => void envelope.refetch()} />;
  else
    body = (
      <Tabs
        activeKey={tab}
        onChange={(key) => update({ tab: key })}
        items={[
          {
            key: 'overview',
            label: t('budget.tabOverview'),
            children: <EnvelopeOverview hub={hub} envelope={envelope.data} canWrite={roles.canWrite} onShowAccount={setAccount} />,
          },
          { key: 'ledger', label: t('budget.tabLedger'), children: <LedgerExplorer hub={hub} envelope={envelope.data} onShowAccount={setAccount} /> },
          { key: 'years', label: t('budget.tabYears'), children: <YearOverYear hub={hub} envelope={envelope.data} /> },
        ]}
      />
    );

  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={1} style={{ margin: 0 }}>
          {t('budget.title', { year })}
        </Typography.Title>
        <DatePicker
          picker="year"
          allowClear={false}
          aria-label={t('budget.pickYear')}
          value={dayjs(`${year}-01-01`)}
          onChange={(value) => value && update({ year: String(value.year()) })}
        />
      </Flex>
      {body}
      <BalanceDrawer hub={hub} account={account} onClose={() => setAccount(null)} />
    </Flex>
  );
}
