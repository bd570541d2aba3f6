import { useQuery } from '@tanstack/react-query';
import { Button, Card, Empty, Flex, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ItemList, ListItem } from '../layout/item-list';
import { searchSpaceAvailability } from '../api/spaces.api';
import { useFormatArea } from '../i18n/format-area';
import { formatDay } from '../i18n/format-date';
import { useLocale } from '../i18n/locale-context';
import { useBilingual } from '../i18n/use-bilingual';
import { Money } from '../money/money';
import { UnitPhotos } from './unit-photos';

const SHOWN = 6;

/** Units free for a year from next month, with their photos, area, seats and list rent: what a company may ask for. */
export function FreeSpaceCard({ hub }: { hub: string }) {
  const { t } = useTranslation();
  const bilingual = useBilingual();
  const { locale } = useLocale();
  const area = useFormatArea();
  const from = dayjs().add(1, 'month').startOf('month');
  const [all, setAll] = useState(false);
  const free = useQuery({
    queryKey: ['spaces', hub, 'free', from.format('YYYY-MM')],
    queryFn: () => searchSpaceAvailability(hub, { from: from.format('YYYY-MM-DD'), to: from.add(1, 'year').format('YYYY-MM-DD') }),
  });
  const units = free.data?.units ?? [];
  return (
    <Card title={t('spaces.free.title')} loading={free.isPending}>
      <Typography.Paragraph type="secondary">{t('spaces.free.intro', { from: formatDay(from.format('YYYY-MM-DD'), locale) })}</Typography.Paragraph>
      <ItemList
        empty={<Empty description={t('spaces.free.none')} />}
        items={all ? units : units.slice(0, SHOWN)}
        renderItem={(u) => (
          <ListItem key={u.id} data-testid="free-unit">
            <Flex vertical gap={8} style={{ width: '100%' }}>
              <Typography.Text strong>
                {u.code} · {bilingual(u.name).primary}
              </Typography.Text>
              <Typography.Text type="secondary">
                {[u.unitKind ? t(`spaces.unitKinds.${u.unitKind}`) : null, area(u.areaM2), u.seats ? t('spaces.units.seatCount', { count: u.seats }) : null]
                  .filter(Boolean)
                  .join(' · ')}
                {u.listRent && (
                  <>
                    {' · '}
                    {t('spaces.free.rent')} <Money value={u.listRent} />
                    {t('spaces.units.perM2Month')}
                  </>
                )}
              </Typography.Text>
              <UnitPhotos hub={hub} node={u} />
            </Flex>
          </ListItem>
        )}
      />
      {!all && units.length > SHOWN && (
        <Button block onClick={() => setAll(true)}>
          {t('spaces.free.more', { n: units.length })}
        </Button>
      )}
    </Card>
  );
}
