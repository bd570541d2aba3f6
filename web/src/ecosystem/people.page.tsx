import { PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Input, Select, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useCapabilities } from '../auth/use-capabilities';
import { personRoles, type Person, type PersonRole } from '../../../contracts/people';
import { formatDay } from '../i18n/format-date';
import { useLocale } from '../i18n/locale-context';
import { useBilingual } from '../i18n/use-bilingual';
import { LoadMore } from '../layout/load-more';
import { NotFoundPage, PageLoading, PartError } from '../layout/page-states';
import { AssessTierModal } from '../talent/assess-tier.modal';
import { CatalogueDrawer } from '../talent/catalogue.drawer';
import { PersonFormModal } from './person-form.modal';
import { usePeopleList } from './use-ecosystem';
import { useUniversityOptions } from './use-university-options';

const PAGE_SIZE = 50;

type Filters = { q?: string; role?: PersonRole; university?: string };

/** The hub's people register (staff only): search, filters, and adding a person. */
export function PeoplePage() {
  const { hub = '' } = useParams();
  const { t } = useTranslation();
  const { locale } = useLocale();
  const bilingual = useBilingual();
  const capabilities = useCapabilities(hub);
  const can = capabilities.data?.actions;
  const [filters, setFilters] = useState<Filters>({});
  const [adding, setAdding] = useState(false);
  const [assessing, setAssessing] = useState<{ id: string; name: string } | null>(null);
  const [editingCatalogue, setEditingCatalogue] = useState(false);
  const list = usePeopleList(hub, { ...filters, limit: PAGE_SIZE });
  const universities = useUniversityOptions(hub);
  const update = (next: Partial<Filters>) => setFilters((current) => ({ ...current, ...next }));

  if (capabilities.isPending) return <PageLoading />;
  if (!can?.people.read) return <NotFoundPage title={t('people.staffOnly')} />;

  const columns: TableColumnsType<Person> = [
    {
      title: t('people.name'),
      key: 'name',
      render: (_, person) => {
        const name = bilingual(person.name);
        return (
          <div>
            <Typography.Text strong>{name.primary}</Typography.Text>
            <div>
              <Typography.Text type="secondary">{name.secondary}</Typography.Text>
            </div>
          </div>
        );
      },
    },
    {
      title: t('people.roles'),
      dataIndex: 'roles',
      render: (_, person) => (
        <Space size={[0, 4]} wrap>
          {person.roles.map((role) => (
            <Tag key={role}>{t(`personRole.${role}`)}</Tag>
          ))}
        </Space>
      ),
    },
    { title: t('people.bornOn'), dataIndex: 'bornOn', width: 130, render: (value: string | null) => (value ? formatDay(value, locale) : '—') },
    {
      title: t('people.talentTier'),
      dataIndex: 'talentTier',
      width: 150,
      render: (value: string | null, person) => (
        <Space>
          {value ? <Tag color="geekblue">{value}</Tag> : '—'}
          {can.talent.assess && (
            <Button size="small" type="link" onClick={() => setAssessing({ id: person.id, name: bilingual(person.name).primary })}>
              {t('stays.assess.open')}
            </Button>
          )}
        </Space>
      ),
    },
    {
      title: t('people.residentId'),
      dataIndex: 'residentIdMasked',
      width: 210,
      render: (value: string | null) => (value ? <Typography.Text code>{value}</Typography.Text> : '—'),
    },
  ];

  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={1} style={{ margin: 0 }}>
          {t('people.title')}
        </Typography.Title>
        <Space>
          {can.talent.editCatalogue && <Button onClick={() => setEditingCatalogue(true)}>{t('stays.catalogue.open')}</Button>}
          {can.people.create && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
              {t('people.add')}
            </Button>
          )}
        </Space>
      </Flex>
      <Space wrap>
        <Input.Search
          placeholder={t('people.searchPlaceholder')}
          aria-label={t('people.searchPlaceholder')}
          allowClear
          onSearch={(q) => update({ q: q.trim() || undefined })}
          style={{ width: 260 }}
        />
        <Select
          aria-label={t('people.filterRole')}
          placeholder={t('people.allRoles')}
          allowClear
          value={filters.role}
          onChange={(role) => update({ role })}
          options={personRoles.map((role) => ({ value: role, label: t(`personRole.${role}`) }))}
          style={{ width: 180 }}
        />
        <Select
          aria-label={t('people.filterUniversity')}
          placeholder={t('people.allUniversities')}
          allowClear
          value={filters.university}
          onChange={(university) => update({ university })}
          options={universities}
          style={{ width: 220 }}
        />
      </Space>
      {list.isError ? (
        <PartError error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <Table<Person>
          rowKey="id"
          columns={columns}
          dataSource={list.items}
          loading={list.isFetching && !list.isFetchingNextPage}
          locale={{ emptyText: list.isPending ? ' ' : t('people.empty') }}
          pagination={false}
          footer={list.items.length ? () => t('people.shown', { count: list.items.length }) : undefined}
        />
      )}
      <LoadMore list={list} />
      <PersonFormModal hub={hub} open={adding} onClose={() => setAdding(false)} />
      <AssessTierModal hub={hub} person={assessing} onClose={() => setAssessing(null)} />
      <CatalogueDrawer hub={hub} open={editingCatalogue} onClose={() => setEditingCatalogue(false)} />
    </Flex>
  );
}
