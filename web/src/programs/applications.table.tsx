import { Card, Empty, Flex, Grid, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ApplicationListItem } from '../api/programs.api';
import { useBilingual } from '../i18n/use-bilingual';
import { useLocale } from '../i18n/locale-context';
import { LoadMore } from '../layout/load-more';
import { PartError } from '../layout/page-states';
import { ApplicationStatusTag } from './application-status';
import { formatMoment } from '../i18n/format-date';
import { useApplications, usePrograms } from './use-programs';
import { useCapabilities } from '../auth/use-capabilities';
import { Money } from '../money/money';

/**
 * Applications: one program's, for staff, with who applied; without `program`, the
 * signed-in person's own, or for staff who read every application the hub's, with who
 * applied and to what. Each has its short number; on a phone each is a card, not a row.
 */
export function ApplicationsTable({ hub, program }: { hub: string; program?: string }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const bilingual = useBilingual();
  const screens = Grid.useBreakpoint();
  const applications = useApplications(hub, program);
  // The server lists the hub's applications to staff who read them all, the caller's own to anyone else.
  const hubWide = (useCapabilities(hub).data?.actions.applications.listAll ?? false) && program === undefined;
  const programs = usePrograms(hub);
  const names = new Map(programs.data?.items.map((p) => [p.id, p.name]) ?? []);
  if (applications.isError) return <PartError error={applications.error} onRetry={() => void applications.refetch()} />;
  const staff = program !== undefined || hubWide;
  const empty = program !== undefined ? t('programs.applications.empty') : hubWide ? t('programs.applications.emptyHub') : t('programs.mine.empty');
  // A draft opens where it is finished: the apply form, with its answers.
  const linkOf = (a: ApplicationListItem) =>
    a.status === 'draft' ? `/hubs/${hub}/programs/${a.programId}/apply?draft=${a.id}` : `/hubs/${hub}/applications/${a.id}`;
  const programName = (a: ApplicationListItem) => {
    const name = names.get(a.programId);
    return name ? bilingual(name).primary : t('programs.applications.aProgram');
  };
  const applicantName = (a: ApplicationListItem) => (a.applicant.name ? bilingual(a.applicant.name).primary : '—');
  const amount = (a: ApplicationListItem) => (a.amount ? <Money value={a.amount} /> : '—');
  const items = applications.items;

  if (screens.md === false) {
    if (applications.isPending) return <Card loading />;
    if (items.length === 0) return <Empty description={empty} />;
    return (
      <Flex vertical gap={12}>
        <Flex
          vertical
          gap={12}
          role="list"
          aria-label={program !== undefined ? t('programs.tabs.applications') : hubWide ? t('programs.mine.hubTitle') : t('programs.mine.title')}
        >
          {items.map((a) => (
            <Card key={a.id} size="small" role="listitem">
              <Flex justify="space-between" gap={8} wrap>
                <Link to={linkOf(a)} style={{ fontWeight: 600, overflowWrap: 'anywhere' }}>
                  {staff ? applicantName(a) : programName(a)}
                </Link>
                <ApplicationStatusTag status={a.status} awaitingSecondApproval={a.awaitingSecondApproval} />
              </Flex>
              <Typography.Text type="secondary" style={{ display: 'block' }}>
                {t('programs.applications.number')} {a.number}
                {hubWide && ` · ${programName(a)}`}
              </Typography.Text>
              <Flex justify="space-between" gap={8} wrap>
                <Typography.Text>{amount(a)}</Typography.Text>
                <Typography.Text type="secondary">{formatMoment(a.createdAt, locale)}</Typography.Text>
              </Flex>
            </Card>
          ))}
        </Flex>
        <LoadMore list={applications} />
      </Flex>
    );
  }

  const columns: ColumnsType<ApplicationListItem> = [
    { title: t('programs.applications.number'), render: (_, a) => <Link to={linkOf(a)}>{a.number}</Link> },
    ...(staff ? [{ title: t('programs.applications.applicant'), render: (_: unknown, a: ApplicationListItem) => applicantName(a) }] : []),
    ...(program === undefined
      ? [{ title: t('programs.result.program'), render: (_: unknown, a: ApplicationListItem) => <Link to={linkOf(a)}>{programName(a)}</Link> }]
      : []),
    { title: t('programs.mine.status'), render: (_, a) => <ApplicationStatusTag status={a.status} awaitingSecondApproval={a.awaitingSecondApproval} /> },
    { title: t('programs.mine.amount'), align: 'right', render: (_, a) => amount(a) },
    { title: t('programs.mine.submittedAt'), render: (_, a) => formatMoment(a.createdAt, locale) },
  ];
  return (
    <Flex vertical gap={12}>
      <Table<ApplicationListItem>
        rowKey="id"
        loading={applications.isPending}
        dataSource={items}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={empty} /> }}
        pagination={false}
        columns={columns}
      />
      <LoadMore list={applications} />
    </Flex>
  );
}
