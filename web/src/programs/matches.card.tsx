import { CheckCircleTwoTone, ClockCircleOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Empty, Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { mayApplyFor } from '../../../contracts/auth';
import type { ProgramMatch } from '../api/programs.api';
import { useMe } from '../auth/use-me';
import { useBilingual } from '../i18n/use-bilingual';
import { useLocale } from '../i18n/locale-context';
import { PartError } from '../layout/page-states';
import { formatDay } from '../i18n/format-date';
import { matchingMissing, useMatches } from './use-programs';

/**
 * "Programs you qualify for": what matching found for the signed-in applicant, why, and one
 * click to apply. `hideWhenNone`: nothing at all when nothing matched (a staff member's view).
 */
export function MyMatchesCard({ hub, hideWhenNone = false }: { hub: string; hideWhenNone?: boolean }) {
  const { t } = useTranslation();
  const matches = useMatches(hub);
  let body;
  if (matches.isPending) body = null;
  else if (matches.isError)
    body = matchingMissing(matches.error) ? (
      <Alert type="info" showIcon title={t('programs.matches.unavailable')} />
    ) : (
      <PartError error={matches.error} onRetry={() => void matches.refetch()} />
    );
  else if (matches.data.items.length === 0) {
    if (hideWhenNone) return null;
    body = <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('programs.matches.none')} />;
  } else
    body = (
      <Flex vertical gap={12} role="list" aria-label={t('programs.matches.mine')}>
        {matches.data.items.map((m) => (
          <MatchItem key={`${m.program.id}:${m.applicant.id}`} hub={hub} match={m} />
        ))}
      </Flex>
    );
  return (
    <Card title={<span style={{ whiteSpace: 'normal' }}>{t('programs.matches.mine')}</span>}>
      <Typography.Paragraph type="secondary">{t('programs.matches.mineHint')}</Typography.Paragraph>
      {body}
    </Card>
  );
}

function MatchItem({ hub, match: m }: { hub: string; match: ProgramMatch }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const bilingual = useBilingual();
  const name = bilingual(m.program.name).primary;
  const apply = `/hubs/${hub}/programs/${m.program.id}/apply${m.applicant.type === 'organization' ? `?organization=${m.applicant.id}` : ''}`;
  // A company the person only views: its owner or a "can apply" colleague applies, not them.
  const me = useMe();
  const company = m.applicant.type === 'organization' ? me.data?.organizations.find((o) => o.hub === hub && o.id === m.applicant.id) : undefined;
  const viewOnly = company !== undefined && !mayApplyFor(company.role);
  return (
    <div role="listitem" aria-label={name} data-program={m.program.id} style={{ border: '1px solid #d9d9d9', borderRadius: 8, padding: 12 }}>
      <Flex justify="space-between" align="flex-start" gap={8} wrap>
        <div style={{ minWidth: 0, flex: '1 1 220px' }}>
          <Typography.Title level={3} style={{ fontSize: 16, margin: 0 }}>
            <Link to={`/hubs/${hub}/programs/${m.program.id}`}>{name}</Link>
          </Typography.Title>
          <Flex gap={4} wrap style={{ marginTop: 4 }}>
            <Tag color="blue">{t(`programs.kinds.${m.program.kind}` as 'programs.kinds.subsidy', { defaultValue: m.program.kind })}</Tag>
            {m.applicant.name && (
              <Typography.Text type="secondary">{t('programs.matches.forApplicant', { name: bilingual(m.applicant.name).primary })}</Typography.Text>
            )}
            <Typography.Text type="secondary">· {t('programs.matches.closesOn', { date: formatDay(m.program.closesOn, locale) })}</Typography.Text>
          </Flex>
        </div>
        {viewOnly ? (
          <Typography.Text type="secondary" style={{ flex: '1 1 220px' }}>
            {t('programs.matches.viewOnly', { name: bilingual(company.name).primary })}
          </Typography.Text>
        ) : (
          <Link to={apply}>
            <Button type="primary">{t('programs.matches.applyNow')}</Button>
          </Link>
        )}
      </Flex>
      <Typography.Text strong style={{ display: 'block', marginTop: 8 }}>
        {t('programs.matches.why')}
      </Typography.Text>
      <ul style={{ margin: 0, paddingInlineStart: 0, listStyle: 'none' }} aria-label={t('programs.matches.why')}>
        {m.reasons.map((r) => (
          <li key={r.key}>
            <CheckCircleTwoTone twoToneColor="#389e0d" aria-hidden /> {bilingual(r.name).primary}
          </li>
        ))}
        {m.atApplication.map((r) => (
          <li key={r.key}>
            <ClockCircleOutlined aria-hidden /> {t('programs.matches.checkedWhenApplying', { name: bilingual(r.name).primary })}
          </li>
        ))}
      </ul>
    </div>
  );
}
