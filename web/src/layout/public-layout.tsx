import { Layout } from 'antd';
import { Outlet } from 'react-router';
import { AppHeader } from './app-header';
import { PageRenderBoundary } from './page-render-boundary';

/** Pages outside a hub: the hub picker, sign-in, sign-up. */
export function PublicLayout() {
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <AppHeader />
      <Layout.Content style={{ padding: 24, maxWidth: 1200, width: '100%', margin: '0 auto' }}>
        <PageRenderBoundary>
          <Outlet />
        </PageRenderBoundary>
      </Layout.Content>
    </Layout>
  );
}
