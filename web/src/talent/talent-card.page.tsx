import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import { Card, Descriptions, Flex, QRCode, Result, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { isApiRequestError } from '../api/api-request-error';
import { myTalentCard, type TalentCard } from '../api/talent.api';
import { formatDay } from '../i18n/format-date';
import { useLocale } from '../i18n/locale-context';
import { PageError } from '../layout/page-states';
import { TalentProfileCard } from './talent-profile.card';

/**
 * The holder's talent card (class, validity, a QR of the public check link) and talent profile;
 * without a current class, how to get one (evidence in the profile below, read by an officer).
 */
export function TalentCardPage() {
  const { hub = '' } = useParams();
  const card = useQuery({ queryKey: ['hubs', hub, 'talent', 'card'], queryFn: () => myTalentCard(hub), retry: false });
  return (
    <Flex vertical gap={16}>
      <CardOfTalent card={card} />
      <div id="talent-profile">
        <TalentProfileCard hub={hub} />
      </div>
    </Flex>
  );
}

function CardOfTalent({ card }: { card: UseQueryResult<TalentCard> }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  if (card.isPending) return <Card loading />;
  if (card.isError) {
    if (isApiRequestError(card.error) && card.error.status === 404)
      return (
        <Result
          status="info"
          title={
            <Typography.Title level={1} style={{ margin: 0, fontSize: 24 }}>
              {t('stays.card.none')}
            </Typography.Title>
          }
          subTitle={t('stays.card.howToGet')}
          extra={<Typography.Link href="#talent-profile">{t('stays.card.toProfile')}</Typography.Link>}
        />
      );
    return <PageError error={card.error} onRetry={() => void card.refetch()} />;
  }
  const link = `${window.location.origin}${card.data.verifyPath}`;
  return (
    <Card
      title={
        <Typography.Title level={1} style={{ margin: 0, fontSize: 20 }}>
          {t('stays.card.title')}
        </Typography.Title>
      }
      style={{ maxWidth: 640 }}
    >
      <Flex gap={24} wrap align="center">
        <QRCode value={link} size={200} />
        <Flex vertical gap={8}>
          <Descriptions
            column={1}
            items={[
              { key: 'tier', label: t('stays.card.tier'), children: <Tag color="gold">{t('stays.card.tierValue', { tier: card.data.tier })}</Tag> },
              { key: 'exp', label: t('stays.card.expires'), children: formatDay(card.data.expiresOn, locale) },
              { key: 'status', label: '', children: t(`stays.card.${card.data.status}`) },
            ]}
          />
          <Typography.Text type="secondary">{t('stays.card.scan')}</Typography.Text>
          <Link to={card.data.verifyPath}>{t('stays.card.verifyTitle')}</Link>
        </Flex>
      </Flex>
    </Card>
  );
}
