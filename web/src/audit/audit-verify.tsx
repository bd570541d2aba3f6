import { SafetyCertificateOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Flex } from 'antd';
import { useTranslation } from 'react-i18next';
import { verifyAuditLog } from '../api/audit.api';
import { formatMoment } from '../i18n/format-date';
import { useLocale } from '../i18n/locale-context';
import { PartError } from '../layout/page-states';

/** "Verify the chain": the server recomputes every hash and says whether the log is whole, or where it breaks. */
export function AuditVerify({ hub }: { hub: string }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const verify = useMutation({ mutationFn: () => verifyAuditLog(hub) });
  const result = verify.data;
  return (
    <Flex vertical gap={8} style={{ flex: 'auto', minWidth: 0 }}>
      <div>
        <Button icon={<SafetyCertificateOutlined />} loading={verify.isPending} onClick={() => verify.mutate()}>
          {t('audit.verify.button')}
        </Button>
      </div>
      {verify.isError && <PartError error={verify.error} onRetry={() => verify.mutate()} />}
      {result && (
        <Alert
          role="status"
          showIcon
          type={result.ok ? 'success' : 'error'}
          title={
            result.brokenAt
              ? t('audit.verify.broken', { seq: result.brokenAt.seq, count: result.events, reason: t(`audit.verify.reasons.${result.brokenAt.reason}`) })
              : t('audit.verify.ok', { count: result.events })
          }
          description={t('audit.verify.checkedAt', { at: formatMoment(result.checkedAt, locale) })}
        />
      )}
    </Flex>
  );
}
