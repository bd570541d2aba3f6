import { Button, Card, Flex, Statistic, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ItemList, ListItem } from '../layout/item-list';
import { milestoneReportFileUrl } from '../api/files.api';
import type { Award } from '../api/reviews.api';
import { allows } from '../auth/allows';
import { useBilingual } from '../i18n/use-bilingual';
import { useLocale } from '../i18n/locale-context';
import { useRefreshApplication } from './use-reviews';
import { formatMoney } from '../money/format-money';
import { formatDay, formatMomentDay } from '../i18n/format-date';
import { AwardMoneyModal } from './award-money.modal';
import { AwardTranches } from './award-tranches';
import { AttachedFiles } from '../programs/file-attachments';
import { MilestoneReportForm } from './milestone-report.form';
import { MilestoneReviewForm } from './milestone-review.form';
import { useHubToday } from '../stays/hub-today';

type Props = { hub: string; award: Award };
type Milestone = Award['milestones'][number];
type Pending = { kind: 'release'; seq: number } | { kind: 'clawback' } | null;

/** A report still to send: "Due Dec 31, 2026" (neutral) until its day (the hub's) has passed, then its day and a red "Overdue". */
function DueReport({ dueOn }: { dueOn: string }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const today = useHubToday().format('YYYY-MM-DD');
  const day = formatDay(dueOn, locale);
  if (dueOn >= today) return <Tag color="blue">{t('reviews.award.dueBy', { date: day })}</Tag>;
  return (
    <>
      <Typography.Text type="secondary">{day}</Typography.Text>
      <Tag color="red">{t('reviews.award.overdue')}</Tag>
    </>
  );
}

/** A report's day and where it stands; one sent, its day and its status. */
function MilestoneDue({ milestone: m }: { milestone: Milestone }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  if (m.status === 'due') return <DueReport dueOn={m.dueOn} />;
  return (
    <>
      <Typography.Text type="secondary">{formatDay(m.dueOn, locale)}</Typography.Text>
      <Tag>{t(`reviews.award.milestoneStatus.${m.status}`)}</Tag>
    </>
  );
}

/**
 * The award: schedule and what was paid (everyone who may see it), reports, and finance's
 * release and claw-back; each button only where the server lists the action (allowedActions).
 */
export function AwardCard({ hub, award }: Props) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const bilingual = useBilingual();
  const refresh = useRefreshApplication(hub, award.applicationId);
  const [pending, setPending] = useState<Pending>(null);
  /** The tranches still waiting on a report: accepting it pays them. */
  const paysOn = (milestone: string) =>
    award.tranches
      .filter((tr) => tr.status === 'waiting' && tr.condition?.kind === 'milestone_accepted' && tr.condition.milestone === milestone)
      .map((tr) => ({ seq: tr.seq, amount: tr.amount }));

  return (
    <Card title={t('reviews.award.title')} data-testid="award">
      <Flex vertical gap={16}>
        <Flex gap={32} wrap>
          <Statistic title={t('reviews.award.amount')} value={formatMoney(award.amount, locale)} />
          <Statistic title={t('reviews.award.paid')} value={formatMoney(award.paid, locale)} styles={{ content: { color: '#3f8600' } }} />
          {award.clawedBack !== '0' && (
            <Statistic title={t('reviews.award.clawedBack')} value={formatMoney(award.clawedBack, locale)} styles={{ content: { color: '#cf1322' } }} />
          )}
        </Flex>
        <AwardTranches award={award} onRelease={(seq) => setPending({ kind: 'release', seq })} />
        {award.milestones.length > 0 && (
          <ItemList
            header={<Typography.Text strong>{t('reviews.award.milestones')}</Typography.Text>}
            items={award.milestones}
            renderItem={(m) => (
              <ListItem data-testid={`milestone-${m.key}`}>
                <Flex vertical gap={8} style={{ width: '100%' }}>
                  <Flex gap={8} align="center">
                    <Typography.Text strong>{bilingual(m.name).primary}</Typography.Text>
                    <MilestoneDue milestone={m} />
                  </Flex>
                  {m.text && <Typography.Paragraph style={{ margin: 0 }}>{m.text}</Typography.Paragraph>}
                  <AttachedFiles files={m.attachments} urlOf={(id) => milestoneReportFileUrl(hub, award.applicationId, m.key, id)} />
                  {allows(award, 'reportMilestone') && (m.status === 'due' || m.status === 'returned') && (
                    <MilestoneReportForm
                      hub={hub}
                      applicationId={award.applicationId}
                      milestone={m.key}
                      attached={m.status === 'returned' ? m.attachments : []}
                      onDone={refresh}
                    />
                  )}
                  {allows(award, 'reviewMilestone') && m.status === 'submitted' && (
                    <MilestoneReviewForm hub={hub} applicationId={award.applicationId} milestone={m.key} pays={paysOn(m.key)} onDone={refresh} />
                  )}
                </Flex>
              </ListItem>
            )}
          />
        )}
        {award.clawbacks.length > 0 && (
          <ItemList
            header={<Typography.Text strong>{t('reviews.award.clawbacks')}</Typography.Text>}
            items={award.clawbacks}
            renderItem={(c) => <ListItem>{`${formatMoney(c.amount, locale)} · ${c.reason} · ${formatMomentDay(c.at, locale)}`}</ListItem>}
          />
        )}
        {allows(award, 'clawBack') && (
          <div>
            <Button danger onClick={() => setPending({ kind: 'clawback' })}>
              {t('reviews.award.clawBack')}
            </Button>
          </div>
        )}
      </Flex>
      {pending && (
        <AwardMoneyModal
          hub={hub}
          applicationId={award.applicationId}
          {...(pending.kind === 'release' ? { seq: pending.seq } : {})}
          onClose={() => setPending(null)}
          onDone={refresh}
        />
      )}
    </Card>
  );
}
