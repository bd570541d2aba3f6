import { Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Application } from '../../../contracts/applications';
import { formatYuan } from '../budget/yuan';
import { useBilingual } from '../i18n/use-bilingual';
import { useLocale } from '../i18n/locale-context';
import { PageError } from '../layout/page-states';
import { ApplicationStatusTag } from './application-status';
import { formatMoment } from './program-format';
import { useApplications, usePrograms } from './use-programs';

/** Applications: the signed-in person's own, or (staff) a program's. */
export function ApplicationsTable({ hub, program }: { hub: string; program?: string }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const bilingual = useBilingual();
  const applications = useApplications(hub, program);
  const programs = usePrograms(hub);
  const names = new Map(programs.data?.items.map((p) => [p.id, p.name]) ?? []);
  if (applications.isError) return <PageError error={applications.error} onRetry={() => void applications.refetch()} />;
  return (
    <Table<Application>
      rowKey="id"
      loading={applications.isPending}
      dataSource={applications.data?.items ?? []}
      locale={{ emptyText: t('programs.mine.empty') }}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      columns={[
        {
          title: t('programs.result.program'),
          render: (_, a) => {
            const name = names.get(a.programId);
            // A draft opens where it is finished: the apply form, with its answers.
            const to = a.status === 'draft' ? `/hubs/${hub}/programs/${a.programId}/apply?draft=${a.id}` : `/hubs/${hub}/applications/${a.id}`;
            return <Link to={to}>{name ? bilingual(name).primary : a.programId}</Link>;
          },
        },
        { title: t('programs.mine.status'), render: (_, a) => <ApplicationStatusTag status={a.status} /> },
        { title: t('programs.mine.amount'), align: 'right', render: (_, a) => (a.amount ? formatYuan(a.amount, locale) : '—') },
        { title: t('programs.mine.submittedAt'), render: (_, a) => formatMoment(a.createdAt, locale) },
      ]}
    />
  );
}
