import { EnvironmentOutlined } from '@ant-design/icons';
import { Button, Card, Col, Empty, Row, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMe } from '../auth/use-me';
import { useBilingual } from '../i18n/use-bilingual';
import { PageError, PageLoading } from '../layout/page-states';
import { useHubs } from './use-hub';

/** Home page: one card per hub of this deployment. */
export function HubPickerPage() {
  const { t } = useTranslation();
  const hubs = useHubs();
  const bilingual = useBilingual();
  const me = useMe();

  if (hubs.isPending) return <PageLoading />;
  if (hubs.isError) return <PageError error={hubs.error} onRetry={() => void hubs.refetch()} />;

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <div>
        <Typography.Title level={1}>{t('hubs.pickTitle')}</Typography.Title>
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
                <Card
                  title={
                    <Space>
                      <EnvironmentOutlined aria-hidden />
                      {name.primary}
                    </Space>
                  }
                  aria-label={name.primary}
                  style={{ height: '100%' }}
                >
                  <Typography.Paragraph type="secondary">{t('hubs.cardText', { city: name.primary })}</Typography.Paragraph>
                  <Space wrap>
                    {/* Programs are public: signed-out visitors read them; signing in comes with Apply. */}
                    <Link to={`/hubs/${hub.slug}/programs`}>
                      <Button type="primary">{t('hubs.seePrograms')}</Button>
                    </Link>
                    <Link to={`/hubs/${hub.slug}/open`}>
                      <Button>{t('open.link')}</Button>
                    </Link>
                    {me.data && (
                      <Link to={`/hubs/${hub.slug}/organizations`}>
                        <Button>{t('hubs.open')}</Button>
                      </Link>
                    )}
                  </Space>
                </Card>
              </Col>
            );
          })}
        </Row>
      )}
    </Space>
  );
}
