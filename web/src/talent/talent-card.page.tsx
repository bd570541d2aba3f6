import { useQuery } from '@tanstack/react-query';
import { Card, Descriptions, Flex, QRCode, Result, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { isApiRequestError } from '../api/api-request-error';
import { myTalentCard } from '../api/stays.api';
import { PageError } from '../layout/page-states';

/** The holder's talent card: class, validity, and a QR of the public check link. */
export function TalentCardPage() {
  const { hub = '' } = useParams();
  const { t } = useTranslation();
  const card = useQuery({ queryKey: ['hubs', hub, 'talent', 'card'], queryFn: () => myTalentCard(hub), retry: false });
  if (card.isPending) return <Card loading />;
  if (card.isError) {
    if (isApiRequestError(card.error) && card.error.status === 404) return <Result status="info" title={t('stays.card.none')} />;
    return <PageError error={card.error} onRetry={() => void card.refetch()} />;
  }
  const link = `${window.location.origin}${card.data.verifyPath}`;
  return (
    <Card title={t('stays.card.title')} style={{ maxWidth: 640 }}>
      <Flex gap={24} wrap align="center">
        <QRCode value={link} size={200} />
        <Flex vertical gap={8}>
          <Descriptions
            column={1}
            items={[
              { key: 'tier', label: t('stays.card.tier'), children: <Tag color="gold">{t('stays.card.tierValue', { tier: card.data.tier })}</Tag> },
              { key: 'exp', label: t('stays.card.expires'), children: card.data.expiresOn },
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
