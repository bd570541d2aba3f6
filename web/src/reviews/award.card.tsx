import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Card, Flex, Input, List, Modal, Statistic, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Award } from '../api/reviews.api';
import { clawBackAward, releaseTranche, reviewMilestoneReport, submitMilestoneReport } from '../api/reviews.api';
import { newIdempotencyKey } from '../api/idempotency-key';
import { formatYuan, yuanToFen } from '../budget/yuan';
import { useErrorText } from '../errors/use-error-text';
import { useBilingual } from '../i18n/use-bilingual';
import { useLocale } from '../i18n/locale-context';
import { useRefreshApplication } from './use-reviews';

type Props = { hub: string; award: Award; own: boolean; officer: boolean; finance: boolean };
type Pending = { kind: 'release'; seq: number } | { kind: 'clawback' } | null;

/** The award: schedule and what was paid (everyone who may see it), reports, and finance's release and claw-back. */
export function AwardCard({ hub, award, own, officer, finance }: Props) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const bilingual = useBilingual();
  const describe = useErrorText();
  const refresh = useRefreshApplication(hub, award.applicationId);
  const [pending, setPending] = useState<Pending>(null);
  const [reason, setReason] = useState('');
  const [amount, setAmount] = useState('');
  const [key, setKey] = useState(newIdempotencyKey);
  const [reports, setReports] = useState<Record<string, string>>({});
  const open = ['awarded', 'in_payment', 'approved'].includes(award.status);
  const money = useMutation({
    mutationFn: () =>
      pending?.kind === 'release' ? releaseTranche(hub, award.applicationId, pending.seq, reason, key) : clawBackAward(hub, award.applicationId, yuanToFen(amount) ?? '0', reason, key),
    onSuccess: async () => {
      setPending(null);
      setReason('');
      setKey(newIdempotencyKey());
      await refresh();
    },
  });
  const report = useMutation({ mutationFn: (k: string) => submitMilestoneReport(hub, award.applicationId, k, reports[k] ?? ''), onSuccess: refresh });
  const verdict = useMutation({
    mutationFn: ({ k, outcome }: { k: string; outcome: 'accept' | 'return' }) => reviewMilestoneReport(hub, award.applicationId, k, outcome, '', key),
    onSuccess: async () => {
      setKey(newIdempotencyKey());
      await refresh();
    },
  });
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
          <Statistic title={t('reviews.award.amount')} value={formatYuan(award.amount, locale)} />
          <Statistic title={t('reviews.award.paid')} value={formatYuan(award.paid, locale)} valueStyle={{ color: '#3f8600' }} />
          {award.clawedBack !== '0' && <Statistic title={t('reviews.award.clawedBack')} value={formatYuan(award.clawedBack, locale)} valueStyle={{ color: '#cf1322' }} />}
        </Flex>
        <Table
          size="small"
          pagination={false}
          rowKey="seq"
          dataSource={award.tranches}
          columns={[
            { title: '#', render: (_, tr) => t('reviews.award.tranche', { seq: tr.seq }) },
            { title: t('programs.result.amount'), align: 'right', render: (_, tr) => formatYuan(tr.amount, locale) },
            { title: t('reviews.award.condition'), render: (_, tr) => conditionText(tr) },
            { title: t('reviews.award.dueOn'), render: (_, tr) => tr.paidAt?.slice(0, 10) ?? tr.dueOn ?? '' },
            { title: '', render: (_, tr) => <Tag color={tr.status === 'paid' ? 'green' : tr.status === 'waiting' ? 'gold' : 'default'}>{t(`reviews.award.trancheStatus.${tr.status}`)}</Tag> },
            ...(finance && open
              ? [{ title: '', render: (_: unknown, tr: Award['tranches'][number]) => tr.status === 'waiting' && <Button onClick={() => setPending({ kind: 'release', seq: tr.seq })}>{t('reviews.award.release')}</Button> }]
              : []),
          ]}
        />
        {award.milestones.length > 0 && (
          <List
            header={<Typography.Text strong>{t('reviews.award.milestones')}</Typography.Text>}
            dataSource={award.milestones}
            renderItem={(m) => (
              <List.Item data-testid={`milestone-${m.key}`}>
                <Flex vertical gap={8} style={{ width: '100%' }}>
                  <Flex gap={8} align="center">
                    <Typography.Text strong>{bilingual(m.name).primary}</Typography.Text>
                    <Typography.Text type="secondary">{m.dueOn}</Typography.Text>
                    <Tag>{t(`reviews.award.milestoneStatus.${m.status}`)}</Tag>
                  </Flex>
                  {m.text && <Typography.Paragraph style={{ margin: 0 }}>{m.text}</Typography.Paragraph>}
                  {own && open && (m.status === 'due' || m.status === 'returned') && (
                    <Flex gap={8}>
                      <Input.TextArea aria-label={t('reviews.award.reportText')} placeholder={t('reviews.award.reportText')} value={reports[m.key] ?? ''} onChange={(e) => setReports({ ...reports, [m.key]: e.target.value })} />
                      <Button type="primary" disabled={!reports[m.key]?.trim()} loading={report.isPending} onClick={() => report.mutate(m.key)}>
                        {t('reviews.award.report')}
                      </Button>
                    </Flex>
                  )}
                  {officer && m.status === 'submitted' && (
                    <Flex gap={8}>
                      <Button type="primary" onClick={() => verdict.mutate({ k: m.key, outcome: 'accept' })} loading={verdict.isPending}>
                        {t('reviews.award.accept')}
                      </Button>
                      <Button onClick={() => verdict.mutate({ k: m.key, outcome: 'return' })}>{t('reviews.award.return')}</Button>
                    </Flex>
                  )}
                </Flex>
              </List.Item>
            )}
          />
        )}
        {(report.isError || verdict.isError) && <Alert type="error" showIcon message={describe(report.error ?? verdict.error)} />}
        {award.clawbacks.length > 0 && (
          <List
            header={<Typography.Text strong>{t('reviews.award.clawbacks')}</Typography.Text>}
            dataSource={award.clawbacks}
            renderItem={(c) => <List.Item>{`${formatYuan(c.amount, locale)} · ${c.reason} · ${c.at.slice(0, 10)}`}</List.Item>}
          />
        )}
        {finance && open && award.paid !== '0' && (
          <div>
            <Button danger onClick={() => setPending({ kind: 'clawback' })}>
              {t('reviews.award.clawBack')}
            </Button>
          </div>
        )}
      </Flex>
      <Modal
        open={pending !== null}
        title={pending?.kind === 'clawback' ? t('reviews.award.clawBack') : t('reviews.award.release')}
        onCancel={() => setPending(null)}
        onOk={() => money.mutate()}
        okButtonProps={{ danger: pending?.kind === 'clawback', disabled: !reason.trim() || (pending?.kind === 'clawback' && !yuanToFen(amount)), loading: money.isPending }}
      >
        <Flex vertical gap={8}>
          {money.isError && <Alert type="error" showIcon message={describe(money.error)} />}
          {pending?.kind === 'clawback' && <Input aria-label={t('reviews.award.clawBackAmount')} placeholder={t('reviews.award.clawBackAmount')} value={amount} onChange={(e) => setAmount(e.target.value)} />}
          <Input.TextArea
            aria-label={pending?.kind === 'clawback' ? t('reviews.award.clawBackReason') : t('reviews.award.releaseReason')}
            placeholder={pending?.kind === 'clawback' ? t('reviews.award.clawBackReason') : t('reviews.award.releaseReason')}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
          />
        </Flex>
      </Modal>
    </Card>
  );
}
