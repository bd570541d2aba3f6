import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Card, Descriptions, Empty, Flex, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ItemList, ListItem } from '../layout/item-list';
import { listLeases, listSpaceRequests, type Lease } from '../api/spaces.api';
import { useMe } from '../auth/use-me';
import { useBilingual } from '../i18n/use-bilingual';
import { Money } from '../money/money';
import { AcceptOfferForm } from './accept-offer.form';
import { FreeSpaceCard } from './free-space.card';
import { RequestSpaceCard } from './request-space.card';
import { UnitPhotos } from './unit-photos';

const key = (hub: string) => ['spaces', hub] as const;

/** A company's office space: ask for space, accept an offer, see its leases with rent and subsidy. Works on a phone. */
export function SpacesPage() {
  const { hub = '' } = useParams();
  const { t } = useTranslation();
  const bilingual = useBilingual();
  const queryClient = useQueryClient();
  const me = useMe();
  const orgs = (me.data?.organizations ?? []).filter((o) => o.hub === hub);
  const leases = useQuery({ queryKey: [...key(hub), 'leases'], queryFn: () => listLeases(hub) });
  const requests = useQuery({ queryKey: [...key(hub), 'requests'], queryFn: () => listSpaceRequests(hub) });
  const refresh = () => queryClient.invalidateQueries({ queryKey: key(hub) });

  const units = (nodes: { code: string; name: { zh: string; en: string } }[]) => nodes.map((n) => `${n.code} ${bilingual(n.name).primary}`).join('、');
  return (
    <Flex vertical gap={16}>
      <div>
        <Typography.Title level={1} style={{ marginBottom: 4 }}>
          {t('spaces.title')}
        </Typography.Title>
        <Typography.Text type="secondary">{t('spaces.intro')}</Typography.Text>
      </div>

      <Card title={t('spaces.mine.leases')} loading={leases.isPending}>
        <ItemList empty={<Empty description={t('spaces.mine.noLeases')} />} items={leases.data?.items ?? []} renderItem={(l) => <LeaseItem lease={l} />} />
      </Card>

      <Card title={t('spaces.mine.requests')} loading={requests.isPending}>
        <ItemList
          empty={<Empty description={t('spaces.mine.noRequests')} />}
          items={requests.data?.items ?? []}
          renderItem={(r) => (
            <ListItem key={r.id} data-testid="space-request">
              <Flex vertical gap={4} style={{ width: '100%' }}>
                <Flex justify="space-between" wrap gap={8}>
                  <Typography.Text strong>
                    {r.ref} · {bilingual(r.organization.name).primary}
                  </Typography.Text>
                  <Tag>{t(`spaces.status.${r.status}`)}</Tag>
                </Flex>
                <Typography.Text type="secondary">
                  {r.areaM2 ? `${r.areaM2} m²` : ''} {r.seats ? `${r.seats} ${t('spaces.ask.seats')}` : ''} · {r.startsOn} · {r.months} {t('spaces.ask.months')}
                </Typography.Text>
                {r.position && <Typography.Text>{t('spaces.mine.position', { n: r.position })}</Typography.Text>}
                {r.offer && (
                  <Flex vertical gap={8}>
                    <Typography.Text>
                      {t('spaces.mine.offered', { units: units(r.offer.nodes), time: dayjs(r.offer.expiresAt).format('YYYY-MM-DD HH:mm') })}
                    </Typography.Text>
                    {r.offer.nodes.map((n) => (
                      <UnitPhotos key={n.id} hub={hub} node={n} />
                    ))}
                    {r.offer.program && <Tag color="green">{t('spaces.mine.offerSubsidy', { program: bilingual(r.offer.program.name).primary })}</Tag>}
                    <AcceptOfferForm hub={hub} requestId={r.id} onDone={refresh} />
                  </Flex>
                )}
              </Flex>
            </ListItem>
          )}
        />
      </Card>

      <FreeSpaceCard hub={hub} />

      {orgs.length > 0 && <RequestSpaceCard hub={hub} organizations={orgs} onDone={refresh} />}
    </Flex>
  );
}

/** One lease: its units and term, and each rent step split into what the company pays and the subsidy. */
export function LeaseItem({ lease: l }: { lease: Lease }) {
  const { t } = useTranslation();
  const { hub = '' } = useParams();
  const bilingual = useBilingual();
  return (
    <ListItem key={l.id} data-testid="lease">
      <Flex vertical gap={8} style={{ width: '100%' }}>
        <Flex justify="space-between" wrap gap={8}>
          <Typography.Text strong>
            {l.ref} · {l.nodes.map((n) => n.code).join(', ')}
          </Typography.Text>
          <Tag color={l.status === 'active' ? 'green' : undefined}>{t(`spaces.status.${l.status}`)}</Tag>
        </Flex>
        {l.nodes.map((n) => (
          <UnitPhotos key={n.id} hub={hub} node={n} />
        ))}
        <Descriptions size="small" column={{ xs: 1, sm: 2 }}>
          <Descriptions.Item label={t('spaces.lease.period')}>
            {l.startsOn} – {l.endsOn}
          </Descriptions.Item>
          <Descriptions.Item label={t('spaces.lease.area')}>{l.areaM2} m²</Descriptions.Item>
          {l.subsidy && <Descriptions.Item label={t('spaces.lease.subsidy')}>{bilingual(l.subsidy.program).primary}</Descriptions.Item>}
          {l.subsidy && (
            <Descriptions.Item label={t('spaces.lease.paid')}>
              <span data-testid="subsidy-paid">
                <Money value={l.subsidy.paid} />
              </span>
            </Descriptions.Item>
          )}
        </Descriptions>
        <ItemList
          size="small"
          header={t('spaces.lease.steps')}
          items={l.steps}
          renderItem={(s) => (
            <ListItem key={s.startsOn}>
              <Flex vertical gap={2} style={{ width: '100%' }}>
                <Typography.Text type="secondary">
                  {s.startsOn} – {s.endsOn}
                </Typography.Text>
                <Flex gap={12} wrap>
                  <span>
                    {t('spaces.lease.rent')} <Money value={s.monthlyRent} />
                  </span>
                  <span>
                    {t('spaces.lease.tenantShare')} <Money value={s.tenantShare} strong />
                  </span>
                  <span>
                    {t('spaces.lease.subsidyShare')} <Money value={s.subsidyShare} />
                  </span>
                </Flex>
              </Flex>
            </ListItem>
          )}
        />
      </Flex>
    </ListItem>
  );
}
