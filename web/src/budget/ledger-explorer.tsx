import { DownloadOutlined } from '@ant-design/icons';
import { Button, DatePicker, Flex, Select, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { reasonCodes, type Envelope, type LedgerTransfer, type ReasonCode } from '../../../contracts/budget';
import { ledgerExportUrl } from '../api/budget.api';
import { useBilingual } from '../i18n/use-bilingual';
import { useLocale } from '../i18n/locale-context';
import { PageError } from '../layout/page-states';
import { useTransfers, useYearAccounts } from './use-budget';
import { formatYuan } from './yuan';

type Filters = { account?: string; reason?: ReasonCode; range?: [Dayjs | null, Dayjs | null] | null };
type Account = { id: string; code: string };

/** Every transfer of the year, newest first, filtered; each account opens its balance. */
export function LedgerExplorer({ hub, envelope, onShowAccount }: { hub: string; envelope: Envelope; onShowAccount: (account: Account) => void }) {
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
    ...envelope.lines.map((line) => ({ value: line.id, label: `${bilingual(line.name).primary} (${line.code})` })),
  ];
  const accountLink = (account: Account) => (
    <Typography.Link onClick={() => onShowAccount(account)} title={t('budget.showBalance')}>
      <Typography.Text code>{account.code}</Typography.Text>
    </Typography.Link>
  );

  const columns: TableColumnsType<LedgerTransfer> = [
    { title: t('budget.when'), dataIndex: 'createdAt', width: 180, render: (at: string) => new Date(at).toLocaleString(locale) },
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
    { title: t('budget.amount'), dataIndex: 'amount', align: 'right', render: (fen: string) => formatYuan(fen, locale) },
    {
      title: t('budget.cause'),
      key: 'cause',
      render: (_, transfer) =>
        transfer.cause ? (
          <span>
            <Tag>{t(`budget.causeTypes.${transfer.cause.type}`, { defaultValue: transfer.cause.type })}</Tag>
            {/* The tail of the id: UUIDv7s made close together share their first (time) digits. */}
            {transfer.cause.type === 'budget_line' ? (
              <Typography.Link title={transfer.cause.id} onClick={() => onShowAccount({ id: transfer.cause!.id, code: transfer.creditAccount.code })} style={{ fontSize: 12 }}>
                …{transfer.cause.id.slice(-8)}
              </Typography.Link>
            ) : (
              <Typography.Text type="secondary" title={transfer.cause.id} copyable={{ text: transfer.cause.id }} style={{ fontSize: 12 }}>…{transfer.cause.id.slice(-8)}</Typography.Text>
            )}
          </span>
        ) : (
          '—'
        ),
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
          <DatePicker.RangePicker
            aria-label={t('budget.filterDates')}
            value={filters.range ?? null}
            onChange={(range) => setFilters((f) => ({ ...f, range }))}
            allowEmpty={[true, true]}
          />
        </Space>
        <Button icon={<DownloadOutlined />} href={ledgerExportUrl(hub, envelope.year)} download>{t('budget.exportXlsx')}</Button>
      </Flex>
      {transfers.isError ? (
        <PageError error={transfers.error} onRetry={() => void transfers.refetch()} />
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
          <Button onClick={() => void transfers.fetchNextPage()} loading={transfers.isFetchingNextPage}>{t('budget.loadMore')}</Button>
        </Flex>
      )}
    </Flex>
  );
}
