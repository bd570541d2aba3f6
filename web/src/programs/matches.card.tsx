import { Alert, Card, Empty, List, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useBilingual } from '../i18n/use-bilingual';
import { useLocale } from '../i18n/locale-context';
import { PageError } from '../layout/page-states';
import { formatDay } from './program-format';
import { matchingMissing, useMatches } from './use-programs';

/** "Programs you qualify for": what the last matching run found for the signed-in applicant. */
export function MyMatchesCard({ hub }: { hub: string }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const bilingual = useBilingual();
  const matches = useMatches(hub);
  let body;
  if (matches.isPending) body = null;
  else if (matches.isError) body = matchingMissing(matches.error) ? <Alert type="info" showIcon message={t('programs.matches.unavailable')} /> : <PageError error={matches.error} onRetry={() => void matches.refetch()} />;
  else if (matches.data.items.length === 0) body = <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('programs.matches.none')} />;
  else
    body = (
      <List
        dataSource={matches.data.items}
        renderItem={(m) => (
          <List.Item
            key={`${m.program.id}:${m.applicant.id}`}
            actions={[
              <Link key="apply" to={`/hubs/${hub}/programs/${m.program.id}/apply${m.applicant.type === 'organization' ? `?organization=${m.applicant.id}` : ''}`}>
                {t('programs.apply')}
              </Link>,
            ]}
          >
            <List.Item.Meta
              title={<Link to={`/hubs/${hub}/programs/${m.program.id}`}>{bilingual(m.program.name).primary}</Link>}
              description={
                <>
                  <Tag color="blue">{t(`programs.kinds.${m.program.kind}` as 'programs.kinds.subsidy', { defaultValue: m.program.kind })}</Tag>
                  {m.applicant.name && <Typography.Text type="secondary">{t('programs.matches.forApplicant', { name: bilingual(m.applicant.name).primary })} · </Typography.Text>}
                  <Typography.Text type="secondary">{t('programs.window')}: {formatDay(m.program.closesOn, locale)}</Typography.Text>
                </>
              }
            />
          </List.Item>
        )}
      />
    );
  return (
    <Card title={t('programs.matches.mine')} extra={<Typography.Text type="secondary">{t('programs.matches.mineHint')}</Typography.Text>}>
      {body}
    </Card>
  );
}
