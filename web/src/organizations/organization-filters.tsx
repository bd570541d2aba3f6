import { Input, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { organizationKinds, sectors } from '../../../contracts/organizations';
import type { OrganizationListParams } from './organization-list-params';

type Props = { value: OrganizationListParams; onChange: (next: Partial<OrganizationListParams>) => void };

/** Kind, sector and name search above the organisations table. */
export function OrganizationFilters({ value, onChange }: Props) {
  const { t } = useTranslation();
  return (
    <Space wrap>
      <Input.Search
        key={value.q ?? ''}
        defaultValue={value.q}
        placeholder={t('org.searchPlaceholder')}
        aria-label={t('org.searchPlaceholder')}
        allowClear
        onSearch={(q) => onChange({ q: q.trim() || undefined })}
        style={{ width: 260 }}
      />
      <Select
        aria-label={t('org.filterKind')}
        placeholder={t('org.allKinds')}
        allowClear
        value={value.kind}
        onChange={(kind) => onChange({ kind })}
        options={organizationKinds.map((kind) => ({ value: kind, label: t(`kind.${kind}`) }))}
        style={{ width: 180 }}
      />
      <Select
        aria-label={t('org.filterSector')}
        placeholder={t('org.allSectors')}
        allowClear
        value={value.sector}
        onChange={(sector) => onChange({ sector })}
        options={sectors.map((sector) => ({ value: sector, label: t(`sector.${sector}`) }))}
        style={{ width: 220 }}
      />
    </Space>
  );
}
