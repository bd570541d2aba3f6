import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Card, Empty, Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { mayApplyFor } from '../../../contracts/auth';
import { ItemList, ListItem } from '../layout/item-list';
import { listLeases, listSpaceRequests } from '../api/spaces.api';
import { useMe } from '../auth/use-me';
import { formatMoment } from '../i18n/format-date';
import { useLocale } from '../i18n/locale-context';
import { useBilingual } from '../i18n/use-bilingual';
import { AcceptOfferForm } from './accept-offer.form';
import { FreeSpaceCard } from './free-space.card';
import { LeaseItem } from './lease-item';
import { RequestSpaceCard } from './request-space.card';
import { useRequestWords } from './request-words';
import { UnitPhotos } from './unit-photos';
import { wrappingTagStyle } from '../layout/short-ref';

const key = (hub: string) => ['spaces', hub] as const;

/** A company's office space: ask for space, accept an offer, see its leases with rent and subsidy. Works on a phone. */
export function SpacesPage() {
  const { hub = '' } = useParams();
  const { t } = useTranslation();
  const bilingual = useBilingual();
  const { locale } = useLocale();
  const queryClient = useQueryClient();
  const me = useMe();
  const orgs = (me.data?.organizations ?? []).filter((o) => o.hub === hub);
  // Every member reads a company's space; only its owners and "can apply" colleagues ask and accept.
  const acting = orgs.filter((o) => mayApplyFor(o.role));
  const actsFor = (id: string) => acting.some((o) => o.id === id);
  const listFormat = (words: string[]) => new Intl.ListFormat(locale, { type: 'conjunction' }).format(words);
  const names = (list: { name: { zh: string; en: string } }[]) => listFormat(list.map((o) => bilingual(o.name).primary));
  const leases = useQuery({ queryKey: [...key(hub), 'leases'], queryFn: () => listLeases(hub) });
  const requests = useQuery({ queryKey: [...key(hub), 'requests'], queryFn: () => listSpaceRequests(hub) });
  const refresh = () => queryClient.invalidateQueries({ queryKey: key(hub) });
  const requestWords = useRequestWords();

  const units = (nodes: { code: string; name: { zh: string; en: string } }[]) => listFormat(nodes.map((n) => `${n.code} ${bilingual(n.name).primary}`));
  return (
    <Flex vertical gap={16}>
      <div>
        <Typography.Title level={1} style={{ marginBottom: 4 }}>
          {t('spaces.title')}
        </Typography.Title>
        <Typography.Text type="secondary">{t('spaces.intro')}</Typography.Text>
      </div>

      <Card title={t('spaces.mine.leases')} loading={leases.isPending}>
        <ItemList
          empty={<Empty description={t('spaces.mine.noLeases')} />}
          items={leases.data?.items ?? []}
          renderItem={(l) => <LeaseItem lease={l} payer="you" />}
        />
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
                <Typography.Text type="secondary">{requestWords(r)}</Typography.Text>
                {r.position && <Typography.Text>{t('spaces.mine.position', { n: r.position })}</Typography.Text>}
                {r.offer && (
                  <Flex vertical gap={8}>
                    <Typography.Text>
                      {t('spaces.mine.offered', { units: units(r.offer.nodes), time: formatMoment(r.offer.expiresAt, locale) })}
                    </Typography.Text>
                    {r.offer.nodes.map((n) => (
                      <UnitPhotos key={n.id} hub={hub} node={n} />
                    ))}
                    {r.offer.program && (
                      <Tag color="green" style={wrappingTagStyle} data-testid="offer-subsidy">
                        {t('spaces.mine.offerSubsidy', { program: bilingual(r.offer.program.name).primary })}
                      </Tag>
                    )}
                    {actsFor(r.organization.id) ? (
                      <AcceptOfferForm hub={hub} request={{ ...r, offer: r.offer }} onDone={refresh} />
                    ) : (
                      <Typography.Text type="secondary">{t('spaces.mine.viewOnlyOffer', { name: bilingual(r.organization.name).primary })}</Typography.Text>
                    )}
                  </Flex>
                )}
              </Flex>
            </ListItem>
          )}
        />
      </Card>

      <FreeSpaceCard hub={hub} />

      {acting.length > 0 && <RequestSpaceCard hub={hub} organizations={acting} onDone={refresh} />}
      {acting.length === 0 && orgs.length > 0 && <Alert type="info" showIcon title={t('spaces.ask.viewOnly', { name: names(orgs), count: orgs.length })} />}
    </Flex>
  );
}
