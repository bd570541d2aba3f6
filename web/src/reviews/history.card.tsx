import { Card, Flex, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatMoment } from '../i18n/format-date';
import { useLocale } from '../i18n/locale-context';
import { Money } from '../money/money';
import { useHistory } from './use-reviews';

/**
 * Everything that happened to an application, in order: status changes and the money after the
 * award. A reason the system wrote comes with its code and is said in the page's language; a
 * person's reason is shown as they typed it.
 */
export function HistoryCard({ hub, applicationId }: { hub: string; applicationId: string }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const history = useHistory(hub, applicationId);
  if (!history.data?.items.length) return null;
  return (
    <Card title={t('reviews.history.title')}>
      <Timeline
        items={history.data.items.map((h, i) => ({
          key: i,
          color: ['recovery_due', 'claw_back', 'reject', 'second_reject', 'refuse'].includes(h.event) ? 'red' : h.event === 'close' ? 'gray' : 'blue',
          content: (
            <Flex vertical gap={2}>
              <Typography.Text strong>
                {t(`reviews.history.events.${h.event}`)}
                {h.amount && (
                  <>
                    {' · '}
                    <Money value={h.amount} />
                  </>
                )}
              </Typography.Text>
              <Typography.Text type="secondary">{formatMoment(h.at, locale)}</Typography.Text>
              {h.reasonCode ? (
                <Typography.Text>{t(`reviews.history.reasons.${h.reasonCode}`)}</Typography.Text>
              ) : (
                h.reason && <Typography.Text>{h.reason}</Typography.Text>
              )}
            </Flex>
          ),
        }))}
      />
    </Card>
  );
}
