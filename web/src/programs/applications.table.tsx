import { Card, Empty, Flex, Grid, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Application } from '../api/programs.api';
import { useBilingual } from '../i18n/use-bilingual';
import { useLocale } from '../i18n/locale-context';
import { LoadMore } from '../layout/load-more';
import { PageError } from '../layout/page-states';
import { ApplicationStatusTag } from './application-status';
import { formatMoment } from '../i18n/format-date';
import { useApplications, usePrograms } from './use-programs';
import { Money } from '../money/money';

/**
 * Applications: the signed-in person's own (no `program`), or, for staff, one program's with
 * who applied. Each has its short number; on a phone each is a card instead of a table row.
 */
export function ApplicationsTable({ hub, program }: { hub: string; program?: string }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const bilingual = useBilingual();
  const screens = Grid.useBreakpoint();
  const applications = useApplications(hub, program);
  const programs = usePrograms(hub);
  const names = new Map(programs.data?.items.map((p) => [p.id, p.name]) ?? []);
  if (applications.isError) return <PageError error={applications.error} onRetry={() => void applications.refetch()} />;
  const staff = program !== undefined;
  const empty = staff ? t('programs.applications.empty') : t('programs.mine.empty');
  // A draft opens where it is finished: the apply form, with its answers.
  const linkOf = (a: Application) => (a.status === 'draft' ? `/hubs/${hub}/programs/${a.programId}/apply?draft=${a.id}` : `/hubs/${hub}/applications/${a.id}`);
  const programName = (a: Application) => {
    const name = names.get(a.programId);
    return name ? bilingual(name).primary : t('programs.applications.aProgram');
  };
  const applicantName = (a: Application) => (a.applicant.name ? bilingual(a.applicant.name).primary : '—');
  const amount = (a: Application) => (a.amount ? <Money value={a.amount} /> : '—');
  const items = applications.items;

  if (screens.md === false) {
    if (applications.isPending) return <Card loading />;
    if (items.length === 0) return <Empty description={empty} />;
    return (
      <Flex vertical gap={12}>
        <Flex vertical gap={12} role="list" aria-label={staff ? t('programs.tabs.applications') : t('programs.mine.title')}>
          {items.map((a) => (
            <Card key={a.id} size="small" role="listitem">
              <Flex justify="space-between" gap={8} wrap>
                <Link to={linkOf(a)} style={{ fontWeight: 600, overflowWrap: 'anywhere' }}>
                  {staff ? applicantName(a) : programName(a)}
                </Link>
                <ApplicationStatusTag status={a.status} />
              </Flex>
              <Typography.Text type="secondary" style={{ display: 'block' }}>
                {t('programs.applications.number')} {a.number}
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

  const columns: ColumnsType<Application> = [
    { title: t('programs.applications.number'), render: (_, a) => <Link to={linkOf(a)}>{a.number}</Link> },
    staff
      ? { title: t('programs.applications.applicant'), render: (_, a) => applicantName(a) }
      : { title: t('programs.result.program'), render: (_, a) => <Link to={linkOf(a)}>{programName(a)}</Link> },
    { title: t('programs.mine.status'), render: (_, a) => <ApplicationStatusTag status={a.status} /> },
    { title: t('programs.mine.amount'), align: 'right', render: (_, a) => amount(a) },
    { title: t('programs.mine.submittedAt'), render: (_, a) => formatMoment(a.createdAt, locale) },
  ];
  return (
    <Flex vertical gap={12}>
      <Table<Application>
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
