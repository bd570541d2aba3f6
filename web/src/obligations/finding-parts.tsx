import { Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ObligationFinding } from '../api/obligations.api';
import { formatDay, formatDayRange } from '../i18n/format-date';
import { useLocale } from '../i18n/locale-context';
import { useBilingual } from '../i18n/use-bilingual';
import { useFormatMoney } from '../money/money';

const statusColor: Record<ObligationFinding['status'], string> = {
  open: 'gold',
  breach: 'red',
  dismissed: 'green',
  appealed: 'blue',
  upheld: 'red',
  overturned: 'green',
};

/** A finding's state as a tag in plain words. */
export function FindingStatus({ finding }: { finding: ObligationFinding }) {
  const { t } = useTranslation();
  return <Tag color={statusColor[finding.status]}>{t(`obligations.statuses.${finding.status}`)}</Tag>;
}

/** The obligation in words, with its period and recovery rule. */
export function ObligationText({ finding }: { finding: ObligationFinding }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const o = finding.obligation;
  return (
    <Flex vertical>
      <Typography.Text>{t(`obligations.kinds.${o.kind}`)}</Typography.Text>
      <Typography.Text type="secondary">{formatDayRange(o.startsOn, o.endsOn, locale)}</Typography.Text>
    </Flex>
  );
}

/** What is owed, by when, and what came back so far. */
export function RecoveryText({ finding }: { finding: ObligationFinding }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const format = useFormatMoney();
  const r = finding.recovery;
  if (!r) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <Flex vertical>
      <Typography.Text>{t('obligations.owed', { amount: format(r.amountDue), date: formatDay(r.dueOn, locale) })}</Typography.Text>
      {r.repaid !== '0' && <Typography.Text type="secondary">{t('obligations.repaidSoFar', { amount: format(r.repaid) })}</Typography.Text>}
      <Tag style={{ width: 'fit-content' }}>{t(`obligations.recoveryStatuses.${r.status}`)}</Tag>
    </Flex>
  );
}

/** The evidence's summary in the reader's language. */
export function EvidenceText({ finding }: { finding: ObligationFinding }) {
  const bilingual = useBilingual();
  return <Typography.Text>{bilingual(finding.evidence.summary).primary}</Typography.Text>;
}
