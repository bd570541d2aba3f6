import { Descriptions, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { Lease } from '../api/spaces.api';
import { useFormatArea } from '../i18n/format-area';
import { formatDayRange } from '../i18n/format-date';
import { useLocale } from '../i18n/locale-context';
import { useBilingual } from '../i18n/use-bilingual';
import { ListItem } from '../layout/item-list';
import { Money } from '../money/money';
import { LeaseStatusTag } from './lease-status';
import { RentSteps } from './rent-steps';
import { UnitPhotos } from './unit-photos';

/**
 * One lease: its units and term, and each rent step split into what the company pays and the
 * subsidy. `payer`: "you" on the company's own page, "the company" on the operator's desk.
 */
export function LeaseItem({ lease: l, payer }: { lease: Lease; payer: 'you' | 'company' }) {
  const { t } = useTranslation();
  const { hub = '' } = useParams();
  const bilingual = useBilingual();
  const { locale } = useLocale();
  const area = useFormatArea();
  return (
    <ListItem key={l.id} data-testid="lease">
      <Flex vertical gap={8} style={{ width: '100%' }}>
        <Flex justify="space-between" wrap gap={8}>
          <Typography.Text strong>
            {l.ref} · {l.nodes.map((n) => n.code).join(', ')}
          </Typography.Text>
          <LeaseStatusTag lease={l} />
        </Flex>
        {l.nodes.map((n) => (
          <UnitPhotos key={n.id} hub={hub} node={n} />
        ))}
        <Descriptions size="small" column={{ xs: 1, sm: 2 }}>
          <Descriptions.Item label={t('spaces.lease.period')}>{formatDayRange(l.startsOn, l.endsOn, locale)}</Descriptions.Item>
          <Descriptions.Item label={t('spaces.lease.area')}>{area(l.areaM2)}</Descriptions.Item>
          {l.subsidy && <Descriptions.Item label={t('spaces.lease.subsidy')}>{bilingual(l.subsidy.program).primary}</Descriptions.Item>}
          {l.subsidy && (
            <Descriptions.Item label={t('spaces.lease.paid')}>
              <span data-testid="subsidy-paid">
                <Money value={l.subsidy.paid} />
              </span>
            </Descriptions.Item>
          )}
        </Descriptions>
        <RentSteps steps={l.steps} payer={payer} />
      </Flex>
    </ListItem>
  );
}
