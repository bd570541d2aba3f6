import { Alert, DatePicker, Descriptions, Drawer, Flex, Spin, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../errors/use-error-text';
import { useBilingual } from '../i18n/use-bilingual';
import { useLocale } from '../i18n/locale-context';
import type { ShownAccount } from './shown-account';
import { useAccountBalance } from './use-budget';
import { formatMoney } from '../money/format-money';
import { fenMinus } from '../money/money-math';
import { formatMoment } from '../i18n/format-date';

/** An account's totals now, or as they stood at any past moment (recomputed from the transfers). */
export function BalanceDrawer({ hub, account, onClose }: { hub: string; account: ShownAccount | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const bilingual = useBilingual();
  const describe = useErrorText();
  const [asOf, setAsOf] = useState<Dayjs | null>(null);
  const balance = useAccountBalance(hub, account?.id ?? null, asOf?.toISOString());
  const money = (fen: string) => formatMoney(fen, locale);
  const b = balance.data;

  return (
    <Drawer
      title={t('budget.balanceTitle', { name: account ? bilingual(account.name).primary : '' })}
      open={account !== null}
      onClose={onClose}
      size={440}
      destroyOnHidden
    >
      <Flex vertical gap={16}>
        <div>
          <Typography.Text strong>{t('budget.asOf')}</Typography.Text>
          <DatePicker
            showTime
            value={asOf}
            onChange={setAsOf}
            placeholder={t('budget.asOfNow')}
            aria-label={t('budget.asOf')}
            style={{ width: '100%', marginTop: 4 }}
            disabledDate={(day) => day.isAfter(new Date(), 'day')}
          />
          <Typography.Text type="secondary">{t('budget.asOfHint')}</Typography.Text>
        </div>
        {balance.isError && <Alert type="error" showIcon title={describe(balance.error)} />}
        {balance.isPending && <Spin />}
        {b && (
          <Descriptions column={1} bordered size="small">
            <Descriptions.Item label={t('budget.creditsPosted')}>{money(b.creditsPosted)}</Descriptions.Item>
            <Descriptions.Item label={t('budget.creditsPending')}>{money(b.creditsPending)}</Descriptions.Item>
            <Descriptions.Item label={t('budget.debitsPosted')}>{money(b.debitsPosted)}</Descriptions.Item>
            <Descriptions.Item label={t('budget.debitsPending')}>{money(b.debitsPending)}</Descriptions.Item>
            <Descriptions.Item label={t('budget.available')}>
              <Typography.Text strong>{money(fenMinus(b.creditsPosted, b.debitsPosted, b.debitsPending))}</Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label={t('budget.asOf')}>{formatMoment(b.asOf, locale)}</Descriptions.Item>
          </Descriptions>
        )}
      </Flex>
    </Drawer>
  );
}
