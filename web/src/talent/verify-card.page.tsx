import { useQuery } from '@tanstack/react-query';
import { Card, Flex, Result, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import { isApiRequestError } from '../api/api-request-error';
import { verifyCard } from '../api/talent.api';
import { useBilingual } from '../i18n/use-bilingual';
import { formatDay } from '../i18n/format-date';
import { useLocale } from '../i18n/locale-context';
import { PartError } from '../layout/page-states';
import { looksLikeCardToken } from './card-to-check';
import { CheckCardForm } from './check-card.form';

/**
 * Public: anyone checks a talent card, from its QR link (?token=) or by pasting its link or
 * code; the answer names no one. Opened bare, the page says what it is for.
 */
export function VerifyCardPage() {
  const { hub = '' } = useParams();
  const [params] = useSearchParams();
  const token = (params.get('token') ?? '').trim();
  const { t } = useTranslation();
  return (
    <Flex vertical gap={16} style={{ maxWidth: 640, width: '100%', margin: '0 auto' }}>
      {token ? (
        <CheckAnswer hub={hub} token={token} />
      ) : (
        <div>
          <Typography.Title level={1} style={{ fontSize: 24 }}>
            {t('stays.card.verifyTitle')}
          </Typography.Title>
          <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
            {t('stays.card.verifyIntro')}
          </Typography.Paragraph>
        </div>
      )}
      <Card title={token ? t('stays.card.checkAnother') : undefined}>
        <CheckCardForm hub={hub} />
      </Card>
    </Flex>
  );
}

/** What the hub says of one token: valid, expired or revoked; altered or forged; or not a card's code at all. */
function CheckAnswer({ hub, token }: { hub: string; token: string }) {
  const { t } = useTranslation();
  const bilingual = useBilingual();
  const { locale } = useLocale();
  const shaped = looksLikeCardToken(token);
  const check = useQuery({ queryKey: ['talent-card-check', hub, token], queryFn: () => verifyCard(hub, token), retry: false, enabled: shaped });
  const title = (text: string) => (
    <Typography.Title level={1} style={{ margin: 0, fontSize: 24 }}>
      {text}
    </Typography.Title>
  );
  // A cut-off or mistyped link is not a card at all: only a real token that fails the signature was altered.
  if (!shaped) return <Result status="error" title={title(t('stays.card.verifyTitle'))} subTitle={t('stays.card.notACard')} />;
  if (check.isPending) return <Card loading />;
  if (check.isError) {
    if (isApiRequestError(check.error) && check.error.code === 'CARD_INVALID')
      return <Result status="error" title={title(t('stays.card.verifyTitle'))} subTitle={t('stays.card.invalid')} />;
    return (
      <div>
        {title(t('stays.card.verifyTitle'))}
        <PartError error={check.error} onRetry={() => void check.refetch()} />
      </div>
    );
  }
  const { status, tier, expiresOn, hub: issuer } = check.data;
  return (
    <Result
      status={status === 'valid' ? 'success' : 'warning'}
      title={title(t('punct.labelledValue', { label: t('stays.card.verifyTitle'), value: t(`stays.card.${status}`) }))}
      subTitle={`${t('stays.card.tierValue', { tier })} · ${t('stays.card.expires')} ${formatDay(expiresOn, locale)} · ${t('stays.card.hub')} ${bilingual(issuer.name).primary}`}
    />
  );
}
