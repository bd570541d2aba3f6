import { Alert, Button, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ItemList, ListItem } from '../layout/item-list';

/** The backup codes, shown once after enrolment, until the person says they have them. */
export function BackupCodes({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  const { t } = useTranslation();
  return (
    <>
      <Typography.Title level={2} style={{ fontSize: 18 }}>
        {t('twoFactor.backupTitle')}
      </Typography.Title>
      <Alert type="warning" showIcon title={t('twoFactor.backupShownOnce')} style={{ marginBottom: 16 }} />
      <ItemList
        data-testid="backup-codes"
        grid={{ minColumnWidth: 120 }}
        items={codes}
        renderItem={(code) => (
          <ListItem>
            <Typography.Text code>{code}</Typography.Text>
          </ListItem>
        )}
      />
      <Typography.Paragraph copyable={{ text: codes.join('\n') }} />
      <Button type="primary" onClick={onDone}>
        {t('twoFactor.saved')}
      </Button>
    </>
  );
}
