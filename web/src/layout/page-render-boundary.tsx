import { Button, Flex, Result, Typography } from 'antd';
import { Component, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { isStaleCodeError } from './new-build';

/**
 * What a page says when it failed while showing itself: in the page's language, a reload
 * and a way back (inside a hub, to the hub's home and to all hubs; elsewhere, home). Never
 * the error's own text or stack: that is for developers, in the console.
 */
function PageRenderFailed() {
  const { t } = useTranslation();
  const { hub } = useParams();
  const home = hub ? `/hubs/${hub}/programs` : null;
  return (
    <Result
      status="warning"
      title={
        <Typography.Title level={1} style={{ margin: 0, fontSize: 24 }}>
          {t('app.renderFailed')}
        </Typography.Title>
      }
      subTitle={t('app.renderFailedHint')}
      extra={
        <Flex wrap gap={8} justify="center">
          <Button type="primary" onClick={() => location.reload()}>
            {t('app.reload')}
          </Button>
          {home && (
            <Link to={home}>
              <Button>{t('app.backToHub')}</Button>
            </Link>
          )}
          <Link to="/">
            <Button>{home ? t('app.allHubs') : t('app.backHome')}</Button>
          </Link>
        </Flex>
      }
    />
  );
}

/**
 * Around a page's content, inside its layout: a page that fails while rendering (say, a
 * field it did not expect) says so in its place, and the header and menu stay. A page whose
 * code could not be loaded is PageLoadBoundary's (it reloads for the new build): that error
 * goes on up. On another page (`page`, the path) it tries afresh.
 */
class RenderBoundary extends Component<{ children: ReactNode; page: string }, { error: unknown }> {
  state: { error: unknown } = { error: null };

  componentDidUpdate(previous: { page: string }): void {
    if (previous.page !== this.props.page && this.state.error !== null) this.setState({ error: null });
  }

  static getDerivedStateFromError(error: unknown): { error: unknown } {
    return { error };
  }

  render(): ReactNode {
    const { error } = this.state;
    if (error === null) return this.props.children;
    if (isStaleCodeError(error)) throw error;
    return <PageRenderFailed />;
  }
}

/** The page's content, kept from taking its layout down with it when it fails to render. */
export function PageRenderBoundary({ children }: { children: ReactNode }) {
  const { pathname } = useLocation();
  return <RenderBoundary page={pathname}>{children}</RenderBoundary>;
}
