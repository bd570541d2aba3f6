import { useQuery } from '@tanstack/react-query';
import { Card, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ItemList, ListItem } from '../layout/item-list';
import { listFindings } from '../api/obligations.api';
import { formatDay } from '../i18n/format-date';
import { useLocale } from '../i18n/locale-context';
import { FindingActions } from './finding-actions';
import { EvidenceText, FindingStatus, ObligationText, RecoveryText } from './finding-parts';

/** Under an awardee's application: decided findings on it, what is owed and the appeal. */
export function OwnFindingsCard({ hub, applicationId }: { hub: string; applicationId: string }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const findings = useQuery({ queryKey: ['obligation-findings', hub, applicationId], queryFn: () => listFindings(hub, { applicationId }) });
  if (!findings.data?.items.length) return null;
  return (
    <Card title={t('obligations.yourFindings')}>
      <ItemList
        items={findings.data.items}
        renderItem={(f) => (
          <ListItem>
            <Flex vertical gap={6} style={{ width: '100%' }}>
              <Flex gap={8} wrap align="center">
                <Typography.Text strong>{f.reference}</Typography.Text>
                <FindingStatus finding={f} />
              </Flex>
              <ObligationText finding={f} />
              <EvidenceText finding={f} />
              {f.decisionReason && <Typography.Text>{t('obligations.decided', { reason: f.decisionReason })}</Typography.Text>}
              <RecoveryText finding={f} />
              {f.status === 'breach' && f.appealUntil && (
                <Typography.Text type="secondary">{t('obligations.appealUntil', { date: formatDay(f.appealUntil, locale) })}</Typography.Text>
              )}
              <FindingActions hub={hub} finding={f} />
            </Flex>
          </ListItem>
        )}
      />
    </Card>
  );
}
