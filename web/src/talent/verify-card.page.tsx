import { useQuery } from '@tanstack/react-query';
import { Card, Result, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import { verifyCard } from '../api/talent.api';
import { useBilingual } from '../i18n/use-bilingual';

/** Public: anyone checks a talent card from its QR link; the answer names no one. */
export function VerifyCardPage() {
  const { hub = '' } = useParams();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const { t } = useTranslation();
  const bilingual = useBilingual();
  const check = useQuery({ queryKey: ['talent-card-check', hub, token], queryFn: () => verifyCard(hub, token), retry: false, enabled: token.length > 0 });
  if (check.isPending && token) return <Card loading />;
  if (!check.data)
    return (
      <Result
        status="error"
        title={
          <Typography.Title level={1} style={{ margin: 0, fontSize: 24 }}>
            {t('stays.card.verifyTitle')}
          </Typography.Title>
        }
        subTitle={t('stays.card.invalid')}
      />
    );
  const { status, tier, expiresOn, hub: issuer } = check.data;
  return (
    <Result
      status={status === 'valid' ? 'success' : 'warning'}
      title={
        <Typography.Title level={1} style={{ margin: 0, fontSize: 24 }}>{`${t('stays.card.verifyTitle')}: ${t(`stays.card.${status}`)}`}</Typography.Title>
      }
      subTitle={`${t('stays.card.tierValue', { tier })} · ${t('stays.card.expires')} ${expiresOn} · ${t('stays.card.hub')} ${bilingual(issuer.name).primary}`}
    />
  );
}
