import { Card, Empty, Flex, Table, Typography, type TableColumnsType } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Envelope } from '../../../contracts/budget';
import { EChart } from '../ecosystem/echart';
import { useBilingual } from '../i18n/use-bilingual';
import { useLocale } from '../i18n/locale-context';
import { PageLoading, PartError } from '../layout/page-states';
import { yearOverYearOption } from './budget-charts';
import { useEnvelopes } from './use-budget';
import { Money } from '../money/money';

const YEARS_BACK = 2;

/** This year next to the years before it that exist: the envelope and what each line paid out. */
export function YearOverYear({ hub, envelope }: { hub: string; envelope: Envelope }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const bilingual = useBilingual();
  const earlier = useEnvelopes(
    hub,
    Array.from({ length: YEARS_BACK }, (_, i) => envelope.year - YEARS_BACK + i),
  );
  const envelopes = useMemo(
    () => [...earlier.envelopes.filter((e) => e.year !== envelope.year), envelope].sort((a, b) => a.year - b.year),
    [earlier.envelopes, envelope],
  );

  const option = useMemo(() => {
    const names = new Map(envelopes.flatMap((e) => e.lines.map((l) => [l.code, bilingual(l.name).primary] as const)));
    return yearOverYearOption(envelopes, (code) => t('budget.disbursedBy', { line: names.get(code) ?? code }), t('budget.envelope'), locale);
  }, [envelopes, bilingual, t, locale]);

  if (earlier.isPending) return <PageLoading />;
  if (earlier.error) return <PartError error={earlier.error} />;

  const columns: TableColumnsType<Envelope> = [
    { title: t('budget.year'), dataIndex: 'year' },
    { title: t('budget.revenue'), dataIndex: 'revenue', align: 'right', render: (fen: string) => <Money value={fen} /> },
    { title: t('budget.envelope'), dataIndex: 'envelope', align: 'right', render: (fen: string) => <Money value={fen} /> },
    {
      title: t('budget.disbursed'),
      key: 'disbursed',
      align: 'right',
      render: (_, e) => <Money value={e.lines.reduce((total, l) => total + BigInt(l.disbursed), 0n).toString()} />,
    },
    { title: t('budget.statusLabel'), dataIndex: 'status', render: (status: Envelope['status']) => t(`budget.status.${status}`) },
  ];

  return (
    <Flex vertical gap={16}>
      {envelopes.length < 2 && <Empty description={t('budget.noEarlierYears', { from: envelope.year - YEARS_BACK, to: envelope.year - 1 })} />}
      <Card size="small" title={t('budget.yoyChart')}>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
          {t('budget.yoyHint', { year: envelope.year })}
        </Typography.Paragraph>
        <EChart option={option} height={340} label={t('budget.yoyChart')} />
      </Card>
      <Table<Envelope> rowKey="year" columns={columns} dataSource={envelopes} pagination={false} size="small" />
    </Flex>
  );
}
