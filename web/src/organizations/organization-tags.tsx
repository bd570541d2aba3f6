import { Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { OrganizationKind, Sector } from '../../../contracts/organizations';

const kindColors: Record<OrganizationKind, string> = {
  startup: 'green',
  company: 'blue',
  university: 'purple',
  investor: 'gold',
  compute_provider: 'cyan',
  government: 'red',
};

export function KindTag({ kind }: { kind: OrganizationKind }) {
  const { t } = useTranslation();
  return <Tag color={kindColors[kind]}>{t(`kind.${kind}`)}</Tag>;
}

export function SectorTags({ sectors }: { sectors: Sector[] }) {
  const { t } = useTranslation();
  return (
    <Space size={[0, 4]} wrap>
      {sectors.map((sector) => (
        <Tag key={sector}>{t(`sector.${sector}`)}</Tag>
      ))}
    </Space>
  );
}
