import { Button, Result, Typography } from 'antd';
import { Component, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { isStaleCodeError, reloadForNewBuild } from './new-build';

/** What the page says when its code could not be loaded: a reload, the one thing that helps. */
function PageLoadFailed() {
  const { t } = useTranslation();
  return (
    <Result
      status="warning"
      title={
        <Typography.Title level={1} style={{ margin: 0, fontSize: 24 }}>
          {t('app.loadFailed')}
        </Typography.Title>
      }
      subTitle={t('app.loadFailedHint')}
      extra={
        <Button type="primary" onClick={() => location.reload()}>
          {t('app.reload')}
        </Button>
      }
    />
  );
}

/**
 * Around the routes: a page whose code cannot be loaded (a build deployed since the tab
 * opened, or the network gone) reloads once for the new build, else says so with a reload
 * button, never a blank screen. Other errors are not this boundary's: they go on up. Given
 * `page` (the path): on another page it tries afresh.
 */
export class PageLoadBoundary extends Component<{ children: ReactNode; page: string }, { error: unknown }> {
  state: { error: unknown } = { error: null };

  componentDidUpdate(previous: { page: string }): void {
    if (previous.page !== this.props.page && this.state.error !== null) this.setState({ error: null });
  }

  static getDerivedStateFromError(error: unknown): { error: unknown } {
    return { error };
  }

  componentDidCatch(error: unknown): void {
    if (isStaleCodeError(error)) reloadForNewBuild();
  }

  render(): ReactNode {
    const { error } = this.state;
    if (error === null) return this.props.children;
    if (!isStaleCodeError(error)) throw error;
    return <PageLoadFailed />;
  }
}
