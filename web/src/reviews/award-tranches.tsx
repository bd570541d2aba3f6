import { Button, Flex, Grid, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Award } from '../api/reviews.api';
import { allows } from '../auth/allows';
import { formatDay, formatMomentDay } from '../i18n/format-date';
import { useLocale } from '../i18n/locale-context';
import { useBilingual } from '../i18n/use-bilingual';
import { ItemList, ListItem } from '../layout/item-list';
import { Money } from '../money/money';

type Tranche = Award['tranches'][number];

/**
 * An award's tranches: amount, when each is paid, its date and state, and finance's release
 * where the server lists it. A table from antd's md breakpoint up; on a phone each tranche is
 * a row of its own, so nothing is cut at the right edge.
 */
export function AwardTranches({ award, onRelease }: { award: Award; onRelease: (seq: number) => void }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const bilingual = useBilingual();
  const phone = Grid.useBreakpoint().md === false;
  const conditionText = (tr: Tranche) => {
    const c = tr.condition;
    if (!c) return t('reviews.award.none');
    if (c.kind === 'milestone_accepted') {
      const m = award.milestones.find((x) => x.key === c.milestone);
      return t('programs.result.waiting_milestone_accepted', { milestone: m ? bilingual(m.name).primary : c.milestone });
    }
    return t(`programs.result.waiting_${c.kind}`, { ...c });
  };
  const dateText = (tr: Tranche) => (tr.paidAt ? formatMomentDay(tr.paidAt, locale) : tr.dueOn ? formatDay(tr.dueOn, locale) : '');
  const status = (tr: Tranche) => (
    <Tag color={tr.status === 'paid' ? 'green' : tr.status === 'waiting' ? 'gold' : 'default'}>{t(`reviews.award.trancheStatus.${tr.status}`)}</Tag>
  );
  const release = (tr: Tranche) => allows(tr, 'release') && <Button onClick={() => onRelease(tr.seq)}>{t('reviews.award.release')}</Button>;

  if (phone)
    return (
      <ItemList
        aria-label={t('reviews.award.tranches')}
        items={award.tranches}
        renderItem={(tr) => (
          <ListItem data-testid={`tranche-${tr.seq}`}>
            <Flex vertical gap={4} style={{ width: '100%' }}>
              <Flex justify="space-between" align="center" gap={8} wrap>
                <Typography.Text strong>
                  {t('reviews.award.tranche', { seq: tr.seq })} · <Money value={tr.amount} />
                </Typography.Text>
                {status(tr)}
              </Flex>
              <Typography.Text type="secondary">{conditionText(tr)}</Typography.Text>
              {dateText(tr) && <Typography.Text type="secondary">{dateText(tr)}</Typography.Text>}
              {release(tr)}
            </Flex>
          </ListItem>
        )}
      />
    );

  return (
    <Table
      size="small"
      pagination={false}
      rowKey="seq"
      dataSource={award.tranches}
      columns={[
        { title: '#', render: (_, tr) => t('reviews.award.tranche', { seq: tr.seq }) },
        { title: t('programs.result.amount'), align: 'right', render: (_, tr) => <Money value={tr.amount} /> },
        { title: t('reviews.award.condition'), render: (_, tr) => conditionText(tr) },
        { title: t('reviews.award.dueOn'), render: (_, tr) => dateText(tr) },
        { title: t('programs.mine.status'), render: (_, tr) => status(tr) },
        ...(award.tranches.some((tr) => allows(tr, 'release')) ? [{ title: '', render: (_: unknown, tr: Tranche) => release(tr) }] : []),
      ]}
    />
  );
}
