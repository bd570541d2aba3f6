import { Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Lease } from '../api/spaces.api';
import { formatDayRange } from '../i18n/format-date';
import { useLocale } from '../i18n/locale-context';
import { ItemList, ListItem } from '../layout/item-list';
import { Money } from '../money/money';

/**
 * A lease's rent steps, each month's rent split into what the tenant pays and the subsidy.
 * `payer`: "you" on the company's own page, "the company" to anyone else (the operator).
 */
export function RentSteps({ steps, payer }: { steps: Lease['steps']; payer: 'you' | 'company' }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  return (
    <ItemList
      size="small"
      header={t('spaces.lease.steps')}
      items={steps}
      renderItem={(s) => (
        <ListItem key={s.startsOn}>
          <Flex vertical gap={2} style={{ width: '100%' }}>
            <Typography.Text type="secondary">{formatDayRange(s.startsOn, s.endsOn, locale)}</Typography.Text>
            <Flex gap={12} wrap>
              <span>
                {t('spaces.lease.rent')} <Money value={s.monthlyRent} />
              </span>
              <span>
                {t(payer === 'you' ? 'spaces.lease.tenantShare' : 'spaces.lease.companyPays')} <Money value={s.tenantShare} strong />
              </span>
              <span>
                {t('spaces.lease.subsidyShare')} <Money value={s.subsidyShare} />
              </span>
            </Flex>
          </Flex>
        </ListItem>
      )}
    />
  );
}
