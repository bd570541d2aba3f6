import { MenuOutlined } from '@ant-design/icons';
import { Button, Drawer, Flex, Grid, Layout, Space, Typography } from 'antd';
import { lazy, Suspense, useState, type ReactNode } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMe } from '../auth/use-me';
import { LanguageSwitch } from './language-switch';
import { UserMenu } from './user-menu';

// Notifications (antd's List, Popover, Badge) load only inside a hub for someone signed in.
const NotificationBell = lazy(() => import('./notification-bell').then((module) => ({ default: module.NotificationBell })));

/** The navigation as a bar across the header, or as a list down a phone's drawer. */
export type NavMode = 'horizontal' | 'inline';

/**
 * The bar on every page: brand (or hub name), optional navigation, language, user. On a
 * phone (narrower than antd's `md`) the navigation and the language switch move into a
 * drawer opened by a menu button, and the account button shows its icon alone: a bar of
 * 390 px holds the brand, the hub's name, the bell, the account and that button.
 */
export function AppHeader({ title, nav }: { title?: ReactNode; nav?: (mode: NavMode) => ReactNode }) {
  const { t } = useTranslation();
  const { hub } = useParams();
  const me = useMe();
  const phone = Grid.useBreakpoint().md === false;
  const { pathname } = useLocation();
  // The drawer is open on the page it was opened on: a page chosen in it closes it.
  const [openOn, setOpenOn] = useState<string | null>(null);
  const drawer = openOn === pathname;
  const folded = phone && nav !== undefined;
  return (
    <Layout.Header style={{ background: '#fff', borderBottom: '1px solid #f0f0f0', paddingInline: phone ? 12 : 24 }}>
      <Flex align="center" justify="space-between" gap={phone ? 8 : 16} style={{ height: '100%' }}>
        <Flex align="center" gap={phone ? 12 : 24} style={{ minWidth: 0, flex: 1, overflow: 'hidden' }}>
          {/* Its name starts with the brand it shows (WCAG 2.5.3), then says where it leads. */}
          <Link to="/" aria-label={t('app.brandLink', { name: t('app.name') })}>
            <Typography.Text strong style={{ fontSize: 18, whiteSpace: 'nowrap' }}>
              {t('app.name')}
            </Typography.Text>
          </Link>
          {title}
          {folded ? null : nav?.('horizontal')}
        </Flex>
        <Space size={phone ? 'small' : 'middle'}>
          {hub && me.data && (
            <Suspense fallback={null}>
              <NotificationBell />
            </Suspense>
          )}
          {folded ? null : <LanguageSwitch />}
          <UserMenu compact={folded} />
          {folded && <Button icon={<MenuOutlined />} aria-label={t('app.menu')} aria-expanded={drawer} onClick={() => setOpenOn(pathname)} />}
        </Space>
      </Flex>
      {folded && (
        <Drawer title={t('app.menu')} placement="right" open={drawer} onClose={() => setOpenOn(null)} size={300} styles={{ body: { padding: 0 } }}>
          {nav('inline')}
          <div style={{ padding: 16 }}>
            <LanguageSwitch />
          </div>
        </Drawer>
      )}
    </Layout.Header>
  );
}
