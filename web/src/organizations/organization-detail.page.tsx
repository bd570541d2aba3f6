import { ArrowLeftOutlined } from '@ant-design/icons';
import { Card, Descriptions, Flex, Grid, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { isApiRequestError } from '../api/api-request-error';
import { allows } from '../auth/allows';
import { useMe } from '../auth/use-me';
import { useDistrictName } from '../hubs/use-district-name';
import { useBilingual } from '../i18n/use-bilingual';
import { useLocale } from '../i18n/locale-context';
import { NotFoundPage, PageError, PageLoading } from '../layout/page-states';
import { FactsCard } from '../ecosystem/facts.card';
import { GraphCard } from '../ecosystem/graph.card';
import { RelationsCard } from '../ecosystem/relations.card';
import { ColleaguesCard } from './colleagues.card';
import { KindTag, SectorTags } from './organization-tags';
import { useOrganization } from './use-organizations';
import { formatDay, formatMoment } from '../i18n/format-date';

export function OrganizationDetailPage() {
  const { hub = '', id = '' } = useParams();
  const { t } = useTranslation();
  const me = useMe();
  const organization = useOrganization(hub, id);
  const bilingual = useBilingual();
  const districtName = useDistrictName();
  const { locale } = useLocale();
  // On a phone each label sits above its value, so a long value (the USCC) keeps its line.
  const screens = Grid.useBreakpoint();

  if (organization.isPending) return <PageLoading />;
  if (organization.isError) {
    if (isApiRequestError(organization.error) && organization.error.status === 404) return <NotFoundPage />;
    return <PageError error={organization.error} onRetry={() => void organization.refetch()} />;
  }

  const detail = organization.data;
  const name = bilingual(detail.name);
  const notProvided = <Typography.Text type="secondary">{t('org.notProvided')}</Typography.Text>;

  return (
    <Flex vertical gap={16}>
      <Link to={`/hubs/${hub}/organizations`}>
        <ArrowLeftOutlined /> {t('org.backToList')}
      </Link>
      <Card>
        <Typography.Title level={1} style={{ marginTop: 0 }}>
          {name.primary}{' '}
          <Typography.Text type="secondary" style={{ fontSize: 18 }}>
            {name.secondary}
          </Typography.Text>
        </Typography.Title>
        <Descriptions column={{ xs: 1, md: 2 }} bordered size="middle" layout={screens.sm === false ? 'vertical' : 'horizontal'}>
          <Descriptions.Item label={t('org.kind')}>
            <KindTag kind={detail.kind} />
          </Descriptions.Item>
          <Descriptions.Item label={t('org.uscc')}>
            <Typography.Text copyable code style={{ whiteSpace: 'nowrap' }}>
              {detail.uscc}
            </Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label={t('org.sectors')}>{detail.sectors.length ? <SectorTags sectors={detail.sectors} /> : notProvided}</Descriptions.Item>
          <Descriptions.Item label={t('org.foundedOn')}>{detail.foundedOn ? formatDay(detail.foundedOn, locale) : notProvided}</Descriptions.Item>
          <Descriptions.Item label={t('org.headcount')}>{detail.headcount ?? notProvided}</Descriptions.Item>
          {detail.district && <Descriptions.Item label={t('org.district')}>{districtName(detail.district)}</Descriptions.Item>}
          <Descriptions.Item label={t('org.website')}>
            {detail.website ? (
              <a href={detail.website} target="_blank" rel="noreferrer noopener">
                {detail.website}
              </a>
            ) : (
              notProvided
            )}
          </Descriptions.Item>
          <Descriptions.Item label={t('org.createdAt')}>{formatMoment(detail.createdAt, locale)}</Descriptions.Item>
        </Descriptions>
      </Card>
      {/* What the server says this person may do with the organisation (allowedActions). */}
      <ColleaguesCard
        hub={hub}
        organizationId={id}
        members={detail.members}
        me={me.data?.user.id}
        canManage={allows(detail, 'manageMembers')}
        canTransfer={allows(detail, 'transferOwnership')}
      />
      <FactsCard hub={hub} organizationId={id} canEdit={allows(detail, 'editRecords')} />
      {allows(detail, 'readRecords') && (
        <RelationsCard
          hub={hub}
          organization={{ id, label: t('punct.withNote', { text: name.primary, note: name.secondary }) }}
          canEdit={allows(detail, 'editRecords')}
        />
      )}
      <GraphCard hub={hub} organizationId={id} />
    </Flex>
  );
}
