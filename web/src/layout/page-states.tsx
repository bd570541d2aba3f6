import { Alert, Button, Flex, Result, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { isApiRequestError } from '../api/api-request-error';
import { useErrorText } from '../errors/use-error-text';

export function PageLoading() {
  const { t } = useTranslation();
  return (
    <Flex justify="center" style={{ padding: 64 }}>
      <Spin size="large" description={t('app.loading')}>
        <div style={{ width: 120, height: 60 }} />
      </Spin>
    </Flex>
  );
}

/** Trying again can help: no answer came, the server failed or was busy, or someone else changed it meanwhile. */
function retryCanHelp(error: unknown): boolean {
  if (!isApiRequestError(error)) return true;
  return error.status === 0 || error.status >= 500 || [408, 409, 429].includes(error.status);
}

/**
 * A failed load, translated. What does not exist (a 404) is a not-found state with a way
 * back; a retry button only where trying again can help.
 */
export function PageError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  const describe = useErrorText();
  if (isApiRequestError(error) && error.status === 404) return <NotFoundPage title={describe(error)} hint={t('app.notFoundHint')} />;
  return (
    <Result
      status="warning"
      title={
        // The failure replaces the page, so it is the page's one h1 (as NotFoundPage's title).
        <Typography.Title level={1} style={{ margin: 0, fontSize: 24 }}>
          {describe(error)}
        </Typography.Title>
      }
      extra={onRetry && retryCanHelp(error) ? <Button onClick={onRetry}>{t('app.retry')}</Button> : undefined}
    />
  );
}

/**
 * A failed load of a part of a page (a card, a panel): a line in the part's place, with a
 * retry only where trying again can help. Never the not-found state: the page around it
 * keeps its own h1, and says itself when its subject is gone.
 */
export function PartError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  const describe = useErrorText();
  return (
    <Alert
      type="warning"
      showIcon
      title={describe(error)}
      action={
        onRetry && retryCanHelp(error) ? (
          <Button size="small" onClick={onRetry}>
            {t('app.retry')}
          </Button>
        ) : undefined
      }
    />
  );
}

/**
 * Nothing here: the page's one h1 and a way back. Inside a hub, to the hub's home (its
 * programs, which anyone may read) and to all hubs; elsewhere, or when the hub itself is
 * unknown (`hubHome={false}`), to all hubs.
 */
export function NotFoundPage({ title, hint, hubHome = true }: { title?: string; hint?: string; hubHome?: boolean }) {
  const { t } = useTranslation();
  const { hub } = useParams();
  const home = hubHome && hub ? `/hubs/${hub}/programs` : null;
  return (
    <Result
      status="404"
      title={
        <Typography.Title level={1} style={{ margin: 0, fontSize: 24 }}>
          {title ?? t('app.notFound')}
        </Typography.Title>
      }
      subTitle={hint}
      extra={
        <Flex wrap gap={8} justify="center">
          {home && (
            <Link to={home}>
              <Button type="primary">{t('app.backToHub')}</Button>
            </Link>
          )}
          <Link to="/">
            <Button type={home ? 'default' : 'primary'}>{home ? t('app.allHubs') : t('app.backHome')}</Button>
          </Link>
        </Flex>
      }
    />
  );
}
