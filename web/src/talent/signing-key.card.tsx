import { Alert, Button, Card, Form, Popconfirm, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { rotateTalentSigningKey } from '../api/talent.api';
import { FormFailure } from '../forms/form-failure';
import { useFormMutation } from '../forms/use-form-mutation';

/**
 * The security admin's key rotation (on the hub's security page): new talent cards are
 * signed with a new key; cards signed by the old one still verify until they expire.
 * An action with a confirm: a form of no fields on the one pattern.
 */
export function SigningKeyCard({ hub }: { hub: string }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Record<string, never>>();
  const rotate = useFormMutation({ form, mutationFn: () => rotateTalentSigningKey(hub) });
  const rotated = rotate.mutation.data;
  return (
    <Card
      title={
        <Typography.Title level={2} style={{ margin: 0, fontSize: 18 }}>
          {t('stays.signingKey.title')}
        </Typography.Title>
      }
    >
      <Typography.Paragraph type="secondary">{t('stays.signingKey.intro')}</Typography.Paragraph>
      <Form name="rotate-signing-key" form={form} onValuesChange={rotate.onValuesChange} onFinish={rotate.submit}>
        <FormFailure failure={rotate.failure} />
        {rotated && <Alert type="success" showIcon role="status" title={t('stays.signingKey.rotated', { kid: rotated.kid })} style={{ marginBottom: 16 }} />}
        <Popconfirm
          title={t('stays.signingKey.rotateConfirm')}
          onConfirm={() => form.submit()}
          okText={t('stays.signingKey.rotate')}
          cancelText={t('org.cancel')}
        >
          <Button danger loading={rotate.submitting}>
            {t('stays.signingKey.rotate')}
          </Button>
        </Popconfirm>
      </Form>
    </Card>
  );
}
