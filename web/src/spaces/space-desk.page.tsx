import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Empty, Flex, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ItemList, ListItem, ListItemMeta } from '../layout/item-list';
import {
  listLeases,
  listSpaceHolds,
  listSpaceRequests,
  releaseSpaceHold,
  rentRollUrl,
  spaceOccupancy,
  type SpaceHold,
  type SpaceRequest,
} from '../api/spaces.api';
import { useCapabilities } from '../auth/use-capabilities';
import { EChart } from '../ecosystem/echart';
import { ActionForm } from '../forms/action-form';
import { formatArea } from '../i18n/format-area';
import { formatDay, formatDayRange, formatMonth } from '../i18n/format-date';
import { useLocale } from '../i18n/locale-context';
import { useBilingual } from '../i18n/use-bilingual';
import { Money } from '../money/money';
import { ConvertHoldModal } from './convert-hold.modal';
import { HoldModal } from './hold.modal';
import { LeaseModal } from './lease.modal';
import { OfferModal } from './offer.modal';
import { ReleaseHoldModal } from './release-hold.modal';
import { LeaseItem } from './lease-item';
import { useHoldWords } from './hold-words';
import { useRequestWords } from './request-words';
import { SpaceUnitsCard } from './space-units.card';
import { ShortRef } from '../layout/short-ref';

export const spacesKey = (hub: string) => ['spaces', hub] as const;

/** The space operator's desk: occupancy, holds with what they cost, the request queue, leases, the rent roll. */
export function SpaceDeskPage() {
  const { hub = '' } = useParams();
  const { t } = useTranslation();
  const { message } = App.useApp();
  const bilingual = useBilingual();
  const { locale } = useLocale();
  const queryClient = useQueryClient();
  // Holding, leasing, releasing and offering for whom the server allows them; the hub's auditor reads the desk.
  const operates = useCapabilities(hub).data?.actions.spaces.operate ?? false;
  const today = dayjs().format('YYYY-MM-DD');
  const from = dayjs().startOf('month').format('YYYY-MM-DD');
  const to = dayjs().startOf('month').add(12, 'month').format('YYYY-MM-DD');
  const occupancy = useQuery({ queryKey: [...spacesKey(hub), 'occupancy', from], queryFn: () => spaceOccupancy(hub, { from, to }) });
  const holds = useQuery({ queryKey: [...spacesKey(hub), 'holds'], queryFn: () => listSpaceHolds(hub, { status: 'active' }) });
  const queue = useQuery({ queryKey: [...spacesKey(hub), 'queue'], queryFn: () => listSpaceRequests(hub, { status: 'waiting' }) });
  const leases = useQuery({ queryKey: [...spacesKey(hub), 'leases'], queryFn: () => listLeases(hub, { status: 'active' }) });
  const [modal, setModal] = useState<
    { kind: 'hold' } | { kind: 'lease' } | { kind: 'offer'; request: SpaceRequest } | { kind: 'release' | 'convert'; hold: SpaceHold } | null
  >(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: spacesKey(hub) });

  const option = useMemo(() => {
    const months = occupancy.data?.months ?? [];
    const parks = (occupancy.data?.series ?? []).filter((s) => s.node.kind === 'park');
    const sum = (pick: (s: (typeof parks)[number]) => number[]) => months.map((_, i) => Math.round(parks.reduce((a, s) => a + (pick(s)[i] ?? 0), 0)));
    return {
      tooltip: { trigger: 'axis', valueFormatter: (v: number) => formatArea(v, locale) },
      legend: { top: 0, data: [t('spaces.desk.leased'), t('spaces.desk.held'), t('spaces.desk.vacant')] },
      grid: { left: 56, right: 16, top: 40, bottom: 32 },
      xAxis: { type: 'category', data: months.map((m) => formatMonth(m, locale)) },
      yAxis: { type: 'value', axisLabel: { formatter: (v: number) => formatArea(v, locale), hideOverlap: true } },
      series: [
        { name: t('spaces.desk.leased'), type: 'bar', stack: 'm2', data: sum((s) => s.leasedM2) },
        { name: t('spaces.desk.held'), type: 'bar', stack: 'm2', data: sum((s) => s.heldM2) },
        { name: t('spaces.desk.vacant'), type: 'bar', stack: 'm2', data: sum((s) => s.vacantM2) },
      ],
    };
  }, [occupancy.data, locale, t]);

  const org = (o: { name: { zh: string; en: string } }) => bilingual(o.name).primary;
  const requestWords = useRequestWords();
  const holdWords = useHoldWords();
  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={1} style={{ margin: 0 }}>
          {t('spaces.desk.title')}
        </Typography.Title>
        <Flex gap={8} wrap>
          {operates && <Button onClick={() => setModal({ kind: 'hold' })}>{t('spaces.desk.newHold')}</Button>}
          {operates && (
            <Button type="primary" onClick={() => setModal({ kind: 'lease' })}>
              {t('spaces.desk.newLease')}
            </Button>
          )}
          <Button href={rentRollUrl(hub, today)}>{t('spaces.desk.rentRoll')}</Button>
        </Flex>
      </Flex>

      <Card title={t('spaces.desk.occupancy')} loading={occupancy.isPending}>
        <EChart option={option} height={280} label={t('spaces.desk.occupancy')} />
      </Card>

      <Card title={t('spaces.desk.holds')} loading={holds.isPending}>
        <Table
          rowKey="id"
          size="small"
          pagination={false}
          scroll={{ x: true }}
          locale={{ emptyText: t('spaces.desk.noHolds') }}
          dataSource={holds.data?.items ?? []}
          columns={[
            { title: t('spaces.desk.holdRef'), dataIndex: 'ref', render: (ref: string) => <ShortRef>{ref}</ShortRef> },
            { title: t('spaces.desk.organization'), render: (_, h) => org(h.organization) },
            { title: t('spaces.desk.units'), render: (_, h) => h.nodes.map((n) => n.code).join(', ') },
            { title: t('spaces.lease.period'), render: (_, h) => formatDayRange(h.startsOn, h.endsOn, locale) },
            { title: t('spaces.lease.area'), render: (_, h) => formatArea(h.areaM2, locale) },
            { title: t('spaces.desk.costToDate'), render: (_, h) => <Money value={h.cost.toDate} short /> },
            { title: t('spaces.desk.costToExpiry'), render: (_, h) => <Money value={h.cost.toExpiry} short /> },
            { title: t('spaces.desk.reason'), dataIndex: 'reason' },
            {
              title: '',
              render: (_, h) =>
                operates && (
                  <Flex gap={4} wrap>
                    <ActionForm
                      name={`release-${h.id}`}
                      label={t('spaces.desk.release')}
                      button={{ size: 'small' }}
                      confirm={{ title: t('spaces.desk.releaseConfirm', holdWords(h)), okText: t('spaces.desk.release'), danger: true }}
                      mutationFn={(key) => releaseSpaceHold(hub, h.id, {}, key)}
                      onSuccess={async () => {
                        message.success(t('spaces.desk.released', holdWords(h)));
                        await refresh();
                      }}
                    />
                    <Button size="small" onClick={() => setModal({ kind: 'release', hold: h })}>
                      {t('spaces.desk.releasePart')}
                    </Button>
                    <Button size="small" onClick={() => setModal({ kind: 'convert', hold: h })}>
                      {t('spaces.desk.convert')}
                    </Button>
                  </Flex>
                ),
            },
          ]}
        />
      </Card>

      <Card title={t('spaces.desk.queue')} loading={queue.isPending}>
        <ItemList
          empty={<Empty description={t('spaces.desk.noQueue')} />}
          items={queue.data?.items ?? []}
          renderItem={(r) => (
            <ListItem
              key={r.id}
              data-testid="queued-request"
              actions={
                operates
                  ? [
                      <Button key="offer" onClick={() => setModal({ kind: 'offer', request: r })}>
                        {t('spaces.desk.offer')}
                      </Button>,
                    ]
                  : []
              }
            >
              <ListItemMeta title={`${r.position}. ${org(r.organization)} · ${r.ref}`} description={requestWords(r)} />
            </ListItem>
          )}
        />
      </Card>

      <Flex gap={16} wrap>
        <Card title={t('spaces.desk.expiring')} style={{ flex: '1 1 360px' }} loading={occupancy.isPending}>
          <ItemList
            empty={<Empty description={t('spaces.desk.noExpiring')} />}
            items={occupancy.data?.expiring ?? []}
            renderItem={(e) => (
              <ListItem key={e.id}>
                {`${formatDay(e.endsOn, locale)} · ${e.ref} · ${org(e.organization)}`}{' '}
                <Tag>{t(e.kind === 'lease' ? 'spaces.desk.leases' : 'spaces.desk.holds')}</Tag>
              </ListItem>
            )}
          />
        </Card>
        <Card title={t('spaces.desk.subsidyByCompany')} style={{ flex: '1 1 360px' }} loading={occupancy.isPending}>
          <ItemList
            items={occupancy.data?.subsidy ?? []}
            empty={<Empty />}
            renderItem={(s) => (
              <ListItem key={s.organization.id}>
                {org(s.organization)} · <Money value={s.paid} /> · {t('spaces.desk.perM2')} <Money value={s.perM2} />
              </ListItem>
            )}
          />
        </Card>
      </Flex>

      <Card title={t('spaces.desk.leases')} loading={leases.isPending}>
        <ItemList items={leases.data?.items ?? []} empty={<Empty />} renderItem={(l) => <LeaseItem lease={l} payer="company" />} />
      </Card>

      <SpaceUnitsCard hub={hub} onChanged={refresh} />

      {modal?.kind === 'hold' && <HoldModal hub={hub} onClose={() => setModal(null)} onDone={refresh} />}
      {modal?.kind === 'lease' && <LeaseModal hub={hub} onClose={() => setModal(null)} onDone={refresh} />}
      {modal?.kind === 'offer' && <OfferModal hub={hub} request={modal.request} onClose={() => setModal(null)} onDone={refresh} />}
      {modal?.kind === 'release' && <ReleaseHoldModal hub={hub} hold={modal.hold} onClose={() => setModal(null)} onDone={refresh} />}
      {modal?.kind === 'convert' && <ConvertHoldModal hub={hub} hold={modal.hold} onClose={() => setModal(null)} onDone={refresh} />}
    </Flex>
  );
}
