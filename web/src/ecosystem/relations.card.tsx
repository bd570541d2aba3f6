import { Button, Card, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Relation } from '../../../contracts/relations';
import { useBilingual } from '../i18n/use-bilingual';
import { formatDay, formatDayRange } from '../i18n/format-date';
import { useLocale } from '../i18n/locale-context';
import { PartError } from '../layout/page-states';
import { FactSource } from './facts.card';
import { RelationFormModal } from './relation-form.modal';
import { useRelations } from './use-ecosystem';
import { formatMoney } from '../money/format-money';

type Props = { hub: string; organization: { id: string; label: string }; canEdit: boolean };

/** The organisation's ties (staff only): kind, the other end, dates, details and source. */
export function RelationsCard({ hub, organization, canEdit }: Props) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const bilingual = useBilingual();
  const relations = useRelations(hub, { organization: organization.id });
  const [adding, setAdding] = useState(false);

  const otherEnd = (relation: Relation) => (relation.to.id === organization.id ? relation.from : relation.to);
  const details = (relation: Relation) =>
    [
      relation.title,
      relation.degree && t(`degree.${relation.degree}`),
      relation.round && t(`round.${relation.round}`),
      relation.amount && formatMoney(relation.amount, locale),
    ]
      .filter(Boolean)
      .join(' · ') || '—';

  // Both ends known: one range with the year said once; an open end: "… – Jan 1, 2026" or "Jan 1, 2026 – now".
  const datesText = ({ startsOn, endsOn }: Relation) => {
    if (startsOn && endsOn) return formatDayRange(startsOn, endsOn, locale);
    if (!startsOn && !endsOn) return '—';
    return `${startsOn ? formatDay(startsOn, locale) : '…'} – ${endsOn ? formatDay(endsOn, locale) : t('relations.now')}`;
  };

  const columns: TableColumnsType<Relation> = [
    {
      title: t('relations.kind'),
      dataIndex: 'kind',
      width: 150,
      render: (_, relation) => (
        <Tag color="blue">{t(relation.to.id === organization.id ? `relationKind.${relation.kind}` : `relationKindFrom.${relation.kind}`)}</Tag>
      ),
    },
    {
      title: t('relations.other'),
      key: 'other',
      render: (_, relation) => {
        const end = otherEnd(relation);
        const name = bilingual(end.name).primary;
        return (
          <span>
            {end.type === 'organization' ? <Link to={`/hubs/${hub}/organizations/${end.id}`}>{name}</Link> : name}{' '}
            <Typography.Text type="secondary">({t(`relations.${end.type}`)})</Typography.Text>
          </span>
        );
      },
    },
    {
      title: t('relations.dates'),
      key: 'dates',
      width: 210,
      render: (_, relation) => datesText(relation),
    },
    { title: t('relations.details'), key: 'details', render: (_, relation) => details(relation) },
    { title: t('facts.source'), key: 'source', render: (_, relation) => <FactSource source={relation.source} /> },
  ];

  return (
    <Card title={t('relations.title')} extra={canEdit && <Button onClick={() => setAdding(true)}>{t('relations.add')}</Button>}>
      {relations.isError ? (
        <PartError error={relations.error} onRetry={() => void relations.refetch()} />
      ) : (
        <Table<Relation>
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={relations.data?.items ?? []}
          loading={relations.isFetching}
          pagination={false}
          scroll={{ x: 720 }}
          locale={{ emptyText: relations.isPending ? ' ' : t('relations.empty') }}
        />
      )}
      {canEdit && <RelationFormModal hub={hub} organization={organization} open={adding} onClose={() => setAdding(false)} />}
    </Card>
  );
}
