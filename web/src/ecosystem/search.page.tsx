import { Card, Col, Empty, Flex, Input, Row, Select, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { ItemList, ListItem, ListItemMeta } from '../layout/item-list';
import { useCapabilities } from '../auth/use-capabilities';
import { sectors, type Sector } from '../../../contracts/organizations';
import { useBilingual } from '../i18n/use-bilingual';
import { PartError } from '../layout/page-states';
import { KindTag, SectorTags } from '../organizations/organization-tags';
import { useHubSearch } from './use-ecosystem';

/** Searches the hub's organisations (and, for staff, people); the query lives in the URL. */
export function SearchPage() {
  const { hub = '' } = useParams();
  const { t } = useTranslation();
  const bilingual = useBilingual();
  const readsPeople = useCapabilities(hub).data?.actions.people.read ?? false;
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const sector = (params.get('sector') || undefined) as Sector | undefined;
  const results = useHubSearch(hub, { q, sector, limit: 50 });

  const update = (next: { q?: string; sector?: string }) => {
    const search = new URLSearchParams();
    const merged = { q, sector, ...next };
    if (merged.q) search.set('q', merged.q);
    if (merged.sector) search.set('sector', merged.sector);
    setParams(search, { replace: true });
  };

  return (
    <Flex vertical gap={16}>
      <Typography.Title level={1} style={{ margin: 0 }}>
        {t('search.title')}
      </Typography.Title>
      <Space wrap>
        <Input.Search
          key={q}
          defaultValue={q}
          placeholder={t('search.placeholder')}
          aria-label={t('search.placeholder')}
          allowClear
          enterButton
          onSearch={(value) => update({ q: value.trim() })}
          style={{ width: 360 }}
        />
        <Select
          aria-label={t('org.filterSector')}
          placeholder={t('org.allSectors')}
          allowClear
          value={sector}
          onChange={(value) => update({ sector: value })}
          options={sectors.map((value) => ({ value, label: t(`sector.${value}`) }))}
          style={{ width: 200 }}
        />
      </Space>
      {!q && <Typography.Text type="secondary">{t('search.hint')}</Typography.Text>}
      {results.isError && <PartError error={results.error} onRetry={() => void results.refetch()} />}
      {q && results.data && (
        <Row gutter={[16, 16]}>
          <Col xs={24} lg={readsPeople ? 14 : 24}>
            <Card title={t('search.organizations', { count: results.data.organizations.length })} size="small">
              <ItemList
                items={results.data.organizations}
                empty={<Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('search.empty')} />}
                renderItem={(organization) => {
                  const name = bilingual(organization.name);
                  return (
                    <ListItem>
                      <ListItemMeta title={<Link to={`/hubs/${hub}/organizations/${organization.id}`}>{name.primary}</Link>} description={name.secondary} />
                      <Space wrap>
                        <KindTag kind={organization.kind} />
                        <SectorTags sectors={organization.sectors} />
                      </Space>
                    </ListItem>
                  );
                }}
              />
            </Card>
          </Col>
          {readsPeople && (
            <Col xs={24} lg={10}>
              <Card title={t('search.people', { count: results.data.people.length })} size="small">
                <ItemList
                  items={results.data.people}
                  empty={<Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('search.empty')} />}
                  renderItem={(person) => {
                    const name = bilingual(person.name);
                    return (
                      <ListItem>
                        <ListItemMeta title={name.primary} description={name.secondary} />
                        <Space size={[0, 4]} wrap>
                          {person.roles.map((role) => (
                            <Tag key={role}>{t(`personRole.${role}`)}</Tag>
                          ))}
                        </Space>
                      </ListItem>
                    );
                  }}
                />
              </Card>
            </Col>
          )}
        </Row>
      )}
    </Flex>
  );
}
