import { ConfigProvider, Layout, Menu, Typography, type MenuProps } from 'antd';
import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, Outlet, useLocation, useParams } from 'react-router';
import { isApiRequestError } from '../api/api-request-error';
import { useMe } from '../auth/use-me';
import { canReadBudget } from '../budget/budget-roles';
import { useBilingual } from '../i18n/use-bilingual';
import { useLocale } from '../i18n/locale-context';
import { AppHeader } from '../layout/app-header';
import { NotFoundPage, PageError, PageLoading } from '../layout/page-states';
import { useHub } from './use-hub';

/** Everything under /hubs/:hub: needs a signed-in person; the hub sets the default language. */
export function HubLayout() {
  const { hub: slug = '' } = useParams();
  const { t } = useTranslation();
  const location = useLocation();
  const me = useMe();
  const hub = useHub(slug);
  const bilingual = useBilingual();
  const { setHubDefault } = useLocale();

  useEffect(() => {
    setHubDefault(hub.data?.defaultLocale ?? null);
  }, [hub.data?.defaultLocale, setHubDefault]);

  if (me.isPending || hub.isPending) return <PageLoading />;
  if (me.isError) return <PageError error={me.error} onRetry={() => void me.refetch()} />;
  const section = location.pathname.split('/')[3] ?? 'organizations';
  // The program catalog and program pages and the talent card check are public; everything else needs an account.
  const publicPage = (section === 'programs' && !/\/(apply|edit)$|\/new$/.test(location.pathname)) || /\/talent\/verify$/.test(location.pathname);
  if (!me.data && !publicPage) {
    const next = encodeURIComponent(location.pathname + location.search);
    return <Navigate to={`/sign-in?next=${next}`} replace />;
  }
  if (hub.isError) {
    if (isApiRequestError(hub.error) && hub.error.status === 404) return <NotFoundPage title={t('hubs.notFound')} />;
    return <PageError error={hub.error} onRetry={() => void hub.refetch()} />;
  }

  // Staff see the people register; editors also the import page; finance, admins, officers and auditors the budget. The server enforces all three.
  const roles = me.data?.hubs.find((h) => h.slug === slug)?.roles ?? [];
  const canEdit = roles.includes('hub_admin') || roles.includes('program_officer');
  // Programs are for everyone (signed out too); My applications for the signed in; My reviews for reviewers.
  // Youth stations are for applicants (no staff role); the station desk for those who run stations.
  const canRunStations = roles.includes('station_manager') || roles.includes('hub_admin');
  const sections = ([...ECOSYSTEM, 'budget', 'programs', 'applications', 'reviews', 'stays', 'station-desk'] as const).filter((key) =>
    me.data
      ? (key !== 'people' || roles.length > 0) &&
        (key !== 'import' || canEdit) &&
        (key !== 'budget' || canReadBudget(roles)) &&
        (key !== 'reviews' || roles.includes('reviewer')) &&
        (key !== 'stays' || roles.length === 0) &&
        (key !== 'station-desk' || canRunStations)
      : key === 'programs',
  );
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <AppHeader
        title={<Typography.Text style={{ fontSize: 16, whiteSpace: 'nowrap' }}>{bilingual(hub.data.name).primary}</Typography.Text>}
        nav={
          <ConfigProvider theme={{ components: { Menu: { itemPaddingInline: 12 } } }}>
            <Menu
              mode="horizontal"
              selectedKeys={[section]}
              style={{ borderBottom: 'none', minWidth: 0, flex: 'auto' }}
              items={menuItems(sections, (key) => <Link to={`/hubs/${slug}/${key}`}>{t(`nav.${key}`)}</Link>, t('nav.ecosystem'))}
            />
          </ConfigProvider>
        }
      />
      <Layout.Content style={{ padding: 24, maxWidth: 1280, width: '100%', margin: '0 auto' }}>
        <Outlet />
      </Layout.Content>
    </Layout>
  );
}

/** The ecosystem's pages sit under one menu, so the bar keeps its other sections in view. */
const ECOSYSTEM = ['organizations', 'people', 'talent-pipeline', 'compare', 'search', 'import'] as const;

function menuItems<K extends string>(sections: readonly K[], label: (key: K) => ReactNode, ecosystemLabel: string): MenuProps['items'] {
  const inEcosystem = (key: K) => (ECOSYSTEM as readonly string[]).includes(key);
  const ecosystem = sections.filter(inEcosystem);
  const rest = sections.filter((key) => !inEcosystem(key)).map((key) => ({ key, label: label(key) }));
  if (ecosystem.length <= 1) return [...ecosystem.map((key) => ({ key, label: label(key) })), ...rest];
  return [{ key: 'ecosystem', label: ecosystemLabel, children: ecosystem.map((key) => ({ key, label: label(key) })) }, ...rest];
}
