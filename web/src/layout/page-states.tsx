import { Button, Flex, Result, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
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

/** A failed load, translated, with a way to try again. */
export function PageError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  const describe = useErrorText();
  return <Result status="warning" title={describe(error)} extra={onRetry ? <Button onClick={onRetry}>{t('app.retry')}</Button> : undefined} />;
}

export function NotFoundPage({ title }: { title?: string }) {
  const { t } = useTranslation();
  return (
    <Result
      status="404"
      title={title ?? t('app.notFound')}
      extra={
        <Link to="/">
          <Button type="primary">{t('app.backHome')}</Button>
        </Link>
      }
    />
  );
}
