import { useQuery } from '@tanstack/react-query';
import { Card, Flex, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { listFindings } from '../api/obligations.api';
import { formatDay } from '../i18n/format-date';
import { useLocale } from '../i18n/locale-context';
import { useBilingual } from '../i18n/use-bilingual';
import { NotFoundPage, PageError, PageLoading } from '../layout/page-states';
import { useCapabilities } from '../auth/use-capabilities';
import { CheckObligationsForm } from './check-obligations.form';
import { FindingActions } from './finding-actions';
import { EvidenceText, FindingStatus, ObligationText, RecoveryText } from './finding-parts';

/** Officers and finance: findings of the obligations check, their decisions and recoveries. */
export function FindingsPage() {
  const { hub = '' } = useParams();
  const { t } = useTranslation();
  const { locale } = useLocale();
  const bilingual = useBilingual();
  const can = useCapabilities(hub).data?.actions.obligations;
  const officer = can?.decide ?? false;
  const findings = useQuery({ queryKey: ['obligation-findings', hub], queryFn: () => listFindings(hub), enabled: can?.read === true });
  // An awardee's reports and findings are on each award's page; this desk is the staff's.
  if (can && !can.read) return <NotFoundPage title={t('obligations.staffOnly')} hint={t('obligations.staffOnlyHint')} />;
  if (findings.isPending) return <PageLoading />;
  if (findings.isError) return <PageError error={findings.error} onRetry={() => void findings.refetch()} />;
  return (
    <Card title={<h1 style={{ fontSize: 20, margin: 0 }}>{t('obligations.title')}</h1>}>
      <Flex vertical gap={12}>
        <Typography.Paragraph type="secondary">{t('obligations.intro')}</Typography.Paragraph>
        {officer && <CheckObligationsForm hub={hub} />}
        <Table
          rowKey="id"
          dataSource={findings.data.items}
          pagination={false}
          scroll={{ x: true }}
          locale={{ emptyText: t('obligations.empty') }}
          columns={[
            { title: t('obligations.reference'), render: (_, f) => f.reference },
            { title: t('obligations.applicant'), render: (_, f) => bilingual(f.applicantName).primary },
            { title: t('obligations.program'), render: (_, f) => bilingual(f.programName).primary },
            { title: t('obligations.obligation'), render: (_, f) => <ObligationText finding={f} /> },
            { title: t('obligations.evidence'), render: (_, f) => <EvidenceText finding={f} /> },
            { title: t('obligations.foundOn'), render: (_, f) => formatDay(f.foundOn, locale) },
            { title: t('obligations.state'), render: (_, f) => <FindingStatus finding={f} /> },
            { title: t('obligations.recovery'), render: (_, f) => <RecoveryText finding={f} /> },
            { title: t('obligations.actions'), render: (_, f) => <FindingActions hub={hub} finding={f} /> },
          ]}
        />
      </Flex>
    </Card>
  );
}
