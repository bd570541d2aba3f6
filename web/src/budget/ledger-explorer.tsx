import { DownloadOutlined } from '@ant-design/icons';
import { Button, Flex, Select, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { reasonCodes, type Envelope, type LedgerTransfer, type LedgerTransferAccount, type ReasonCode } from '../../../contracts/budget';
import { ledgerExportUrl } from '../api/budget.api';
import { useBilingual } from '../i18n/use-bilingual';
import { useLocale } from '../i18n/locale-context';
import { PartError } from '../layout/page-states';
import { useTransfers, useYearAccounts } from './use-budget';
import { Money } from '../money/money';
import type { ShownAccount } from './shown-account';
import { DayRangePicker } from '../forms/day-range-picker';
import { formatMoment } from '../i18n/format-date';
import { ShortRef } from '../layout/short-ref';

type Filters = { account?: string; reason?: ReasonCode; range?: [Dayjs | null, Dayjs | null] | null };

/** Every transfer of the year, newest first, filtered; each account opens its balance. */
export function LedgerExplorer({ hub, envelope, onShowAccount }: { hub: string; envelope: Envelope; onShowAccount: (account: ShownAccount) => void }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const bilingual = useBilingual();
  const [filters, setFilters] = useState<Filters>({});
  const yearAccounts = useYearAccounts(hub, envelope.year);
  const [start, end] = filters.range ?? [null, null];
  const transfers = useTransfers(hub, envelope.year, {
    account: filters.account,
    reason: filters.reason,
    from: start ? start.startOf('day').toISOString() : undefined,
    to: end ? end.endOf('day').toISOString() : undefined,
  });
  const rows = transfers.data?.pages.flatMap((page) => page.items) ?? [];

  const accountOptions = [
    ...(yearAccounts.data
      ? [
          { value: yearAccounts.data.envelope.id, label: t('budget.envelopeAccount') },
          { value: yearAccounts.data.treasury.id, label: t('budget.treasuryAccount') },
        ]
      : []),
    ...envelope.lines.map((line) => ({ value: line.id, label: bilingual(line.name).primary })),
  ];
  const shortNumber = (number: string | null | undefined) =>
    number && (
      <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
        <ShortRef>{number}</ShortRef>
      </Typography.Text>
    );
  // An award account links to its application; the others open their balance. An award
  // account shows its cause's short number (an application's, a lease's) under its name.
  const accountLink = (account: LedgerTransferAccount) => {
    const name = bilingual(account.name).primary;
    if (account.kind === 'award' && account.cause?.type === 'application')
      return (
        <span>
          <Link to={`/hubs/${hub}/applications/${account.cause.id}`}>{name}</Link>
          {shortNumber(account.cause.number)}
        </span>
      );
    return (
      <span>
        <Typography.Link onClick={() => onShowAccount({ id: account.id, name: account.name })} title={t('budget.showBalance')}>
          {name}
        </Typography.Link>
        {account.kind === 'award' && shortNumber(account.cause?.number)}
      </span>
    );
  };

  const columns: TableColumnsType<LedgerTransfer> = [
    { title: t('budget.when'), dataIndex: 'createdAt', width: 180, render: (at: string) => formatMoment(at, locale) },
    {
      title: t('budget.reason'),
      dataIndex: 'reason',
      render: (reason: ReasonCode, transfer) => (
        <Space size={4} wrap>
          <Tag color="blue">{t(`budget.reasons.${reason}`)}</Tag>
          {transfer.kind !== 'posted' && <Tag>{t(`budget.kinds.${transfer.kind}`)}</Tag>}
        </Space>
      ),
    },
    { title: t('budget.debit'), key: 'debit', render: (_, transfer) => accountLink(transfer.debitAccount) },
    { title: t('budget.credit'), key: 'credit', render: (_, transfer) => accountLink(transfer.creditAccount) },
    { title: t('budget.amount'), dataIndex: 'amount', align: 'right', render: (fen: string) => <Money value={fen} /> },
    {
      title: t('budget.cause'),
      key: 'cause',
      render: (_, transfer) => {
        const cause = transfer.cause;
        if (!cause) return '—';
        const type = <Tag>{t(`budget.causeTypes.${cause.type}`, { defaultValue: t('budget.causeTypes.other') })}</Tag>;
        if (cause.type === 'application')
          return (
            <span>
              {type}{' '}
              <Link to={`/hubs/${hub}/applications/${cause.id}`}>
                {cause.number ? <ShortRef>{cause.number}</ShortRef> : t('budget.causeTypes.application')}
              </Link>
            </span>
          );
        // A line's funding: the line it funded, by name.
        if (cause.type === 'budget_line')
          return (
            <span>
              {type} {accountLink(transfer.creditAccount)}
            </span>
          );
        // Any other cause its module names (a lease of a rent subsidy): its short reference.
        // A space between the word and the reference, in Chinese too ("申请 HZ-2026-000002").
        return (
          <span>
            {type} {cause.number && <ShortRef>{cause.number}</ShortRef>}
          </span>
        );
      },
    },
    { title: t('budget.note'), dataIndex: 'note', ellipsis: true, render: (note: string | null) => note ?? '—' },
  ];

  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" wrap gap={8}>
        <Space wrap>
          <Select
            aria-label={t('budget.filterAccount')}
            placeholder={t('budget.allAccounts')}
            allowClear
            showSearch
            optionFilterProp="label"
            value={filters.account}
            onChange={(account) => setFilters((f) => ({ ...f, account }))}
            options={accountOptions}
            style={{ width: 240 }}
          />
          <Select
            aria-label={t('budget.filterReason')}
            placeholder={t('budget.allReasons')}
            allowClear
            value={filters.reason}
            onChange={(reason) => setFilters((f) => ({ ...f, reason }))}
            options={reasonCodes.map((reason) => ({ value: reason, label: t(`budget.reasons.${reason}`) }))}
            style={{ width: 200 }}
          />
          <DayRangePicker
            label={t('budget.filterDates')}
            endLabel={t('forms.lastDay')}
            value={filters.range ?? null}
            onChange={(range) => setFilters((f) => ({ ...f, range }))}
            allowEmpty={[true, true]}
          />
        </Space>
        <Button icon={<DownloadOutlined />} href={ledgerExportUrl(hub, envelope.year, locale)} download>
          {t('budget.exportXlsx')}
        </Button>
      </Flex>
      {transfers.isError ? (
        <PartError error={transfers.error} onRetry={() => void transfers.refetch()} />
      ) : (
        <Table<LedgerTransfer>
          rowKey="id"
          columns={columns}
          dataSource={rows}
          loading={transfers.isFetching && !transfers.isFetchingNextPage}
          locale={{ emptyText: transfers.isPending ? ' ' : t('budget.noTransfers') }}
          pagination={false}
          size="middle"
          scroll={{ x: 900 }}
        />
      )}
      {transfers.hasNextPage && (
        <Flex justify="center">
          <Button onClick={() => void transfers.fetchNextPage()} loading={transfers.isFetchingNextPage}>
            {t('budget.loadMore')}
          </Button>
        </Flex>
      )}
    </Flex>
  );
}
