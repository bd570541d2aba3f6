import { EnvironmentOutlined } from '@ant-design/icons';
import { Card, Col, Empty, Row, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useBilingual } from '../i18n/use-bilingual';
import { PageError, PageLoading } from '../layout/page-states';
import { useHubs } from './use-hub';

/** Home page: one card per hub of this deployment. */
export function HubPickerPage() {
  const { t } = useTranslation();
  const hubs = useHubs();
  const bilingual = useBilingual();

  if (hubs.isPending) return <PageLoading />;
  if (hubs.isError) return <PageError error={hubs.error} onRetry={() => void hubs.refetch()} />;

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <div>
        <Typography.Title level={2}>{t('hubs.pickTitle')}</Typography.Title>
        <Typography.Paragraph type="secondary">{t('hubs.pickIntro')}</Typography.Paragraph>
      </div>
      {hubs.data.length === 0 ? (
        <Empty description={t('hubs.empty')} />
      ) : (
        <Row gutter={[16, 16]}>
          {hubs.data.map((hub) => {
            const name = bilingual(hub.name);
            return (
              <Col key={hub.slug} xs={24} sm={12} lg={8}>
                <Link to={`/hubs/${hub.slug}/organizations`} aria-label={name.primary}>
                  <Card hoverable title={<Space><EnvironmentOutlined />{name.primary}</Space>}>
                    <Typography.Paragraph type="secondary">{name.secondary}</Typography.Paragraph>
                    <Space wrap>
                      <Tag>{t('hubs.timeZone')}: {hub.timeZone}</Tag>
                      <Tag>{t('hubs.currency')}: {hub.currency}</Tag>
                    </Space>
                  </Card>
                </Link>
              </Col>
            );
          })}
        </Row>
      )}
    </Space>
  );
}
