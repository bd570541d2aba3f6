import { Alert, Button, List, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** The backup codes, shown once after enrolment, until the person says they have them. */
export function BackupCodes({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  const { t } = useTranslation();
  return (
    <>
      <Typography.Title level={2} style={{ fontSize: 18 }}>
        {t('twoFactor.backupTitle')}
      </Typography.Title>
      <Alert type="warning" showIcon title={t('twoFactor.backupShownOnce')} style={{ marginBottom: 16 }} />
      <List
        data-testid="backup-codes"
        grid={{ gutter: 8, xs: 2, sm: 2, md: 5 }}
        dataSource={codes}
        renderItem={(code) => (
          <List.Item>
            <Typography.Text code>{code}</Typography.Text>
          </List.Item>
        )}
      />
      <Typography.Paragraph copyable={{ text: codes.join('\n') }} />
      <Button type="primary" onClick={onDone}>
        {t('twoFactor.saved')}
      </Button>
    </>
  );
}
