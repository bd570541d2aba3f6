import { Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { AvailabilityCard } from './availability.card';
import { MyBookingsCard } from './my-bookings.card';
import { StandingCard } from './standing.card';

/** A graduate's page: am I eligible (and why), find a bed, my bookings and waitlist. */
export function StaysPage() {
  const { hub = '' } = useParams();
  const { t } = useTranslation();
  return (
    <Flex vertical gap={16}>
      <div>
        <Typography.Title level={1} style={{ marginBottom: 4 }}>
          {t('stays.title')}
        </Typography.Title>
        <Typography.Text type="secondary">{t('stays.intro')}</Typography.Text>
      </div>
      <StandingCard hub={hub} />
      <AvailabilityCard hub={hub} />
      <MyBookingsCard hub={hub} />
    </Flex>
  );
}
