import { ConfigProvider, Layout, Menu, Typography, type MenuProps } from 'antd';
import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, Outlet, useLocation, useParams } from 'react-router';
import { isApiRequestError } from '../api/api-request-error';
import { useMe } from '../auth/use-me';
import { useCapabilities } from '../auth/use-capabilities';
import { useBilingual } from '../i18n/use-bilingual';
import { useLocale } from '../i18n/locale-context';
import { AppHeader, type NavMode } from '../layout/app-header';
import { NotFoundPage, PageError, PageLoading } from '../layout/page-states';
import { PageRenderBoundary } from '../layout/page-render-boundary';
import { enrolPath } from '../two-factor/use-after-sign-in';
import { useHub } from './use-hub';

/** Everything under /hubs/:hub: needs a signed-in person; the hub's language is the default for a browser in one we do not have. */
export function HubLayout() {
  const { hub: slug = '' } = useParams();
  const { t } = useTranslation();
  const location = useLocation();
  const me = useMe();
  const hub = useHub(slug);
  const capabilities = useCapabilities(slug);
  const bilingual = useBilingual();
  const { setHubDefault } = useLocale();

  useEffect(() => {
    setHubDefault(hub.data?.defaultLocale ?? null);
  }, [hub.data?.defaultLocale, setHubDefault]);

  if (me.isPending || hub.isPending || (capabilities.isPending && capabilities.fetchStatus !== 'idle')) return <PageLoading />;
  if (me.isError) return <PageError error={me.error} onRetry={() => void me.refetch()} />;
  const section = location.pathname.split('/')[3] ?? 'organizations';
  // The program catalog and program pages, the talent card check and the public money page are public; everything else needs an account.
  const publicPage =
    (section === 'programs' && !/\/(apply|edit)$|\/new$/.test(location.pathname)) || /\/talent\/verify$/.test(location.pathname) || section === 'open';
  if (!me.data && !publicPage) {
    const next = encodeURIComponent(location.pathname + location.search);
    return <Navigate to={`/sign-in?next=${next}`} replace />;
  }
  // The hub requires a second factor of this person's role and they have none: enrol first.
  if (capabilities.data?.mustEnrolTwoFactor) return <Navigate to={enrolPath(location.pathname + location.search, slug)} replace />;
  if (hub.isError) {
    if (isApiRequestError(hub.error) && hub.error.status === 404) return <NotFoundPage title={t('hubs.notFound')} hubHome={false} />;
    return <PageError error={hub.error} onRetry={() => void hub.refetch()} />;
  }

  // The menu shows what the server says this person may open (GET capabilities), in the house order.
  const allowed = new Set<string>(capabilities.data?.sections ?? ['programs']);
  const sections = SECTIONS.filter((key) => allowed.has(key));
  // Staff who read every application of the hub: the page is the hub's, not theirs.
  const allApplications = capabilities.data?.actions.applications.listAll ?? false;
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <AppHeader
        title={
          <Typography.Text ellipsis style={{ fontSize: 16, minWidth: 0, flexShrink: 1 }}>
            {bilingual(hub.data.name).primary}
          </Typography.Text>
        }
        nav={(mode) => (
          <ConfigProvider theme={{ components: { Menu: { itemPaddingInline: 12 } } }}>
            <Menu
              mode={mode}
              selectedKeys={[section]}
              style={mode === 'horizontal' ? { borderBottom: 'none', minWidth: 0, flex: 'auto' } : { borderInlineEnd: 'none' }}
              items={menuItems(
                sections,
                (key) => (
                  <Link to={`/hubs/${slug}/${key}`}>{key === 'applications' && allApplications ? t('nav.hubApplications') : t(`nav.${key}`)}</Link>
                ),
                t('nav.ecosystem'),
                mode,
              )}
            />
          </ConfigProvider>
        )}
      />
      <Layout.Content style={{ padding: 24, maxWidth: 1280, width: '100%', margin: '0 auto' }}>
        <PageRenderBoundary>
          <Outlet />
        </PageRenderBoundary>
      </Layout.Content>
    </Layout>
  );
}

/** The ecosystem's pages sit under one menu, so the bar keeps its other sections in view. */
const ECOSYSTEM = ['organizations', 'people', 'identity-claims', 'talent-pipeline', 'compare', 'search', 'import'] as const;
const SECTIONS = [
  ...ECOSYSTEM,
  'dashboard',
  'budget',
  'programs',
  'applications',
  'reviews',
  'obligations',
  'stays',
  'station-desk',
  'spaces',
  'space-desk',
  'compute',
  'compute-desk',
  'staff',
  'settings',
  'security',
  'api-tokens',
  'audit',
] as const;

/** In the bar the ecosystem is a submenu; down a phone's drawer it is a group shown open, under its heading. */
function menuItems<K extends string>(sections: readonly K[], label: (key: K) => ReactNode, ecosystemLabel: string, mode: NavMode): MenuProps['items'] {
  const inEcosystem = (key: K) => (ECOSYSTEM as readonly string[]).includes(key);
  const ecosystem = sections.filter(inEcosystem);
  const rest = sections.filter((key) => !inEcosystem(key)).map((key) => ({ key, label: label(key) }));
  if (ecosystem.length <= 1) return [...ecosystem.map((key) => ({ key, label: label(key) })), ...rest];
  const children = ecosystem.map((key) => ({ key, label: label(key) }));
  if (mode === 'inline') return [{ type: 'group', key: 'ecosystem', label: ecosystemLabel, children }, { type: 'divider' }, ...rest];
  return [{ key: 'ecosystem', label: ecosystemLabel, children }, ...rest];
}
