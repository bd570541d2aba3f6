import { Flex, Layout, Space, Typography } from 'antd';
import { lazy, Suspense, type ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMe } from '../auth/use-me';
import { LanguageSwitch } from './language-switch';
import { UserMenu } from './user-menu';

// Notifications (antd's List, Popover, Badge) load only inside a hub for someone signed in.
const NotificationBell = lazy(() => import('./notification-bell').then((module) => ({ default: module.NotificationBell })));

/** The bar on every page: brand (or hub name), optional navigation, language, user. */
export function AppHeader({ title, nav }: { title?: ReactNode; nav?: ReactNode }) {
  const { t } = useTranslation();
  const { hub } = useParams();
  const me = useMe();
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
          {hub && me.data && (
            <Suspense fallback={null}>
              <NotificationBell />
            </Suspense>
          )}
          <LanguageSwitch />
          <UserMenu />
        </Space>
      </Flex>
    </Layout.Header>
  );
}
