import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Card, Popconfirm, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { rotateTalentSigningKey } from '../api/talent.api';
import { FormFailure } from '../forms/form-failure';

/**
 * The security admin's key rotation (on the hub's security page): new talent cards are
 * signed with a new key; cards signed by the old one still verify until they expire.
 */
export function SigningKeyCard({ hub }: { hub: string }) {
  const { t } = useTranslation();
  const rotate = useMutation({ mutationFn: () => rotateTalentSigningKey(hub) });
  return (
    <Card
      title={
        <Typography.Title level={2} style={{ margin: 0, fontSize: 18 }}>
          {t('stays.signingKey.title')}
        </Typography.Title>
      }
    >
      <Typography.Paragraph type="secondary">{t('stays.signingKey.intro')}</Typography.Paragraph>
      <FormFailure failure={rotate.error} />
      {rotate.data && (
        <Alert type="success" showIcon role="status" message={t('stays.signingKey.rotated', { kid: rotate.data.kid })} style={{ marginBottom: 16 }} />
      )}
      <Popconfirm
        title={t('stays.signingKey.rotateConfirm')}
        onConfirm={() => rotate.mutate()}
        okText={t('stays.signingKey.rotate')}
        cancelText={t('org.cancel')}
      >
        <Button danger loading={rotate.isPending}>
          {t('stays.signingKey.rotate')}
        </Button>
      </Popconfirm>
    </Card>
  );
}
