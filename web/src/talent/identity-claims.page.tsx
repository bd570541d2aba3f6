import { Button, Card, Flex, Segmented, Table, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { listIdentityClaims, type IdentityClaim, type IdentityClaimDecision, type IdentityClaimStatus } from '../api/talent.api';
import { useCapabilities } from '../auth/use-capabilities';
import { identityClaimStatuses } from '../../../contracts/talent';
import { formatMomentDayIn } from '../i18n/format-date';
import { useLocale } from '../i18n/locale-context';
import { LoadMore } from '../layout/load-more';
import { NotFoundPage, PageError, PageLoading, PartError } from '../layout/page-states';
import { useCursorList } from '../layout/use-cursor-list';
import { useHubTimeZone } from '../stays/hub-today';
import { ClaimantText, DecisionText, RecordText, useClaimantName } from './identity-claim-parts';
import { IdentityClaimDecisionModal, identityClaimsKey } from './identity-claim-decision.modal';

type Deciding = { claim: IdentityClaim; decision: IdentityClaimDecision['decision'] };

/**
 * Staff who read personal data (/hubs/:hub/identity-claims): graduates' claims to person
 * records holding the resident identity number they gave, waiting ones first, the claimant
 * beside the record; those who may decide approve or reject each.
 */
export function IdentityClaimsPage() {
  const { hub = '' } = useParams();
  const { t } = useTranslation();
  const { locale } = useLocale();
  const timeZone = useHubTimeZone();
  const claimantName = useClaimantName();
  const capabilities = useCapabilities(hub);
  const can = capabilities.data?.actions.talent;
  const [status, setStatus] = useState<IdentityClaimStatus>('pending');
  const [deciding, setDeciding] = useState<Deciding | null>(null);
  const claims = useCursorList([...identityClaimsKey(hub), status], (next) => listIdentityClaims(hub, status, next), can?.read === true);

  if (capabilities.isPending) return <PageLoading />;
  if (capabilities.isError) return <PageError error={capabilities.error} onRetry={() => void capabilities.refetch()} />;
  if (!can?.read) return <NotFoundPage title={t('stays.claims.staffOnly')} />;

  const decides = can.resolveClaims && status === 'pending';
  const columns: TableColumnsType<IdentityClaim> = [
    { key: 'claimant', title: t('stays.claims.claimant'), render: (_, claim) => <ClaimantText claim={claim} /> },
    { key: 'record', title: t('stays.claims.record'), render: (_, claim) => <RecordText claim={claim} /> },
    { key: 'filedOn', title: t('stays.claims.filedOn'), width: 140, render: (_, claim) => formatMomentDayIn(claim.createdAt, timeZone, locale) },
  ];
  if (status !== 'pending') {
    columns.push({ key: 'decision', title: t('stays.claims.decision'), render: (_, claim) => <DecisionText claim={claim} timeZone={timeZone} /> });
  }
  if (decides) {
    columns.push({
      key: 'actions',
      title: t('stays.claims.actions'),
      render: (_, claim) => {
        const name = { name: claimantName(claim) };
        return (
          <Flex gap={8} wrap>
            <Button size="small" type="primary" aria-label={t('stays.claims.approveTitle', name)} onClick={() => setDeciding({ claim, decision: 'approved' })}>
              {t('stays.claims.approve')}
            </Button>
            <Button size="small" danger aria-label={t('stays.claims.rejectTitle', name)} onClick={() => setDeciding({ claim, decision: 'rejected' })}>
              {t('stays.claims.reject')}
            </Button>
          </Flex>
        );
      },
    });
  }

  return (
    <Card
      title={
        <Typography.Title level={1} style={{ margin: 0, fontSize: 20 }}>
          {t('stays.claims.title')}
        </Typography.Title>
      }
      styles={{ body: { display: 'flex', flexDirection: 'column', gap: 16 } }}
    >
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t('stays.claims.intro')}
      </Typography.Paragraph>
      <Segmented<IdentityClaimStatus>
        aria-label={t('stays.claims.filter')}
        value={status}
        onChange={setStatus}
        options={identityClaimStatuses.map((value) => ({ value, label: t(`stays.claims.statuses.${value}`) }))}
        style={{ alignSelf: 'flex-start' }}
      />
      {claims.isError && claims.items.length === 0 ? (
        <PartError error={claims.error} onRetry={() => void claims.refetch()} />
      ) : (
        <Table<IdentityClaim>
          rowKey="id"
          aria-label={t('stays.claims.title')}
          size="small"
          scroll={{ x: true }}
          columns={columns}
          dataSource={claims.items}
          loading={claims.isFetching && !claims.isFetchingNextPage}
          locale={{ emptyText: claims.isPending ? ' ' : t(`stays.claims.empty.${status}`) }}
          pagination={false}
        />
      )}
      <LoadMore list={claims} />
      {deciding && (
        <IdentityClaimDecisionModal
          hub={hub}
          claim={deciding.claim}
          claimantName={claimantName(deciding.claim)}
          decision={deciding.decision}
          onClose={() => setDeciding(null)}
        />
      )}
    </Card>
  );
}
