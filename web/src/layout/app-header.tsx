import { Flex, Layout, Space, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from './language-switch';
import { NotificationBell } from './notification-bell';
import { UserMenu } from './user-menu';

/** The bar on every page: brand (or hub name), optional navigation, language, user. */
export function AppHeader({ title, nav }: { title?: ReactNode; nav?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Layout.Header style={{ background: '#fff', borderBottom: '1px solid #f0f0f0', paddingInline: 24 }}>
      <Flex align="center" justify="space-between" gap={16} style={{ height: '100%' }}>
        <Flex align="center" gap={24} style={{ minWidth: 0, flex: 1 }}>
          <Link to="/" aria-label={t('app.allHubs')}>
            <Typography.Text strong style={{ fontSize: 18, whiteSpace: 'nowrap' }}>
              {t('app.name')}
            </Typography.Text>
          </Link>
          {title}
          {nav}
        </Flex>
        <Space size="middle">
          <NotificationBell />
          <LanguageSwitch />
          <UserMenu />
        </Space>
      </Flex>
    </Layout.Header>
  );
}
