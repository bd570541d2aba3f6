import { Card, Flex, Timeline, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Money } from '../money/money';
import { useHistory } from './use-reviews';

/** Everything that happened to an application, in order: status changes and the money after the award. */
export function HistoryCard({ hub, applicationId }: { hub: string; applicationId: string }) {
  const { t } = useTranslation();
  const history = useHistory(hub, applicationId);
  if (!history.data?.items.length) return null;
  return (
    <Card title={t('reviews.history.title')}>
      <Timeline
        items={history.data.items.map((h, i) => ({
          key: i,
          color: ['recovery_due', 'claw_back', 'reject', 'second_reject', 'refuse'].includes(h.event) ? 'red' : h.event === 'close' ? 'gray' : 'blue',
          children: (
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
              <Typography.Text type="secondary">{dayjs(h.at).format('YYYY-MM-DD HH:mm')}</Typography.Text>
              {h.reason && <Typography.Text>{h.reason}</Typography.Text>}
            </Flex>
          ),
        }))}
      />
    </Card>
  );
}
