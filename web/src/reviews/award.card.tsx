import { Button, Card, Flex, Statistic, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ItemList, ListItem } from '../layout/item-list';
import type { Award } from '../api/reviews.api';
import { allows } from '../auth/allows';
import { useBilingual } from '../i18n/use-bilingual';
import { useLocale } from '../i18n/locale-context';
import { useRefreshApplication } from './use-reviews';
import { formatMoney } from '../money/format-money';
import { formatDay, formatMomentDay } from '../i18n/format-date';
import { Money } from '../money/money';
import { AwardMoneyModal } from './award-money.modal';
import { MilestoneReportForm } from './milestone-report.form';
import { MilestoneReviewForm } from './milestone-review.form';

type Props = { hub: string; award: Award };
type Pending = { kind: 'release'; seq: number } | { kind: 'clawback' } | null;

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
  const conditionText = (tr: Award['tranches'][number]) => {
    const c = tr.condition;
    if (!c) return t('reviews.award.none');
    if (c.kind === 'milestone_accepted') {
      const m = award.milestones.find((x) => x.key === c.milestone);
      return t('programs.result.waiting_milestone_accepted', { milestone: m ? bilingual(m.name).primary : c.milestone });
    }
    return t(`programs.result.waiting_${c.kind}`, { ...c });
  };

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
        <Table
          size="small"
          pagination={false}
          rowKey="seq"
          dataSource={award.tranches}
          columns={[
            { title: '#', render: (_, tr) => t('reviews.award.tranche', { seq: tr.seq }) },
            { title: t('programs.result.amount'), align: 'right', render: (_, tr) => <Money value={tr.amount} /> },
            { title: t('reviews.award.condition'), render: (_, tr) => conditionText(tr) },
            {
              title: t('reviews.award.dueOn'),
              render: (_, tr) => (tr.paidAt ? formatMomentDay(tr.paidAt, locale) : tr.dueOn ? formatDay(tr.dueOn, locale) : ''),
            },
            {
              title: t('programs.mine.status'),
              render: (_, tr) => (
                <Tag color={tr.status === 'paid' ? 'green' : tr.status === 'waiting' ? 'gold' : 'default'}>{t(`reviews.award.trancheStatus.${tr.status}`)}</Tag>
              ),
            },
            ...(award.tranches.some((tr) => allows(tr, 'release'))
              ? [
                  {
                    title: '',
                    render: (_: unknown, tr: Award['tranches'][number]) =>
                      allows(tr, 'release') && <Button onClick={() => setPending({ kind: 'release', seq: tr.seq })}>{t('reviews.award.release')}</Button>,
                  },
                ]
              : []),
          ]}
        />
        {award.milestones.length > 0 && (
          <ItemList
            header={<Typography.Text strong>{t('reviews.award.milestones')}</Typography.Text>}
            items={award.milestones}
            renderItem={(m) => (
              <ListItem data-testid={`milestone-${m.key}`}>
                <Flex vertical gap={8} style={{ width: '100%' }}>
                  <Flex gap={8} align="center">
                    <Typography.Text strong>{bilingual(m.name).primary}</Typography.Text>
                    <Typography.Text type="secondary">{m.dueOn}</Typography.Text>
                    <Tag>{t(`reviews.award.milestoneStatus.${m.status}`)}</Tag>
                  </Flex>
                  {m.text && <Typography.Paragraph style={{ margin: 0 }}>{m.text}</Typography.Paragraph>}
                  {allows(award, 'reportMilestone') && (m.status === 'due' || m.status === 'returned') && (
                    <MilestoneReportForm hub={hub} applicationId={award.applicationId} milestone={m.key} onDone={refresh} />
                  )}
                  {allows(award, 'reviewMilestone') && m.status === 'submitted' && (
                    <MilestoneReviewForm hub={hub} applicationId={award.applicationId} milestone={m.key} onDone={refresh} />
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
            renderItem={(c) => <ListItem>{`${formatMoney(c.amount, locale)} · ${c.reason} · ${c.at.slice(0, 10)}`}</ListItem>}
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
