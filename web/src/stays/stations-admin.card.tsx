import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Station } from '../api/stays.api';
import { useDistrictName } from '../hubs/use-district-name';
import { useBilingual } from '../i18n/use-bilingual';
import { useLocale } from '../i18n/locale-context';
import { formatDay } from '../i18n/format-date';
import { StationFormDrawer } from './station-form.drawer';
import { StationManagerForm } from './station-manager.form';

/** Hub admins: every station of the hub, a new one, and who runs each. */
export function StationsAdminCard({ hub, stations, today, onChanged }: { hub: string; stations: Station[]; today: string; onChanged: () => Promise<void> }) {
  const { t } = useTranslation();
  const bilingual = useBilingual();
  const { locale } = useLocale();
  const districtName = useDistrictName();
  const [creating, setCreating] = useState(false);
  return (
    <Card
      title={t('stays.admin.title')}
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
          {t('stays.admin.newStation')}
        </Button>
      }
    >
      <Table<Station>
        rowKey="id"
        size="small"
        dataSource={stations}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        columns={[
          { title: t('stays.desk.station'), render: (_, s) => bilingual(s.name).primary },
          { title: t('stays.admin.district'), render: (_, s) => districtName(s.district) },
          { title: t('stays.desk.beds'), dataIndex: 'beds', align: 'right' },
          { title: t('stays.admin.opensOn'), render: (_, s) => formatDay(s.opensOn, locale) },
          { key: 'manager', render: (_, s) => <StationManagerForm hub={hub} station={s} onAssigned={onChanged} /> },
        ]}
      />
      <StationFormDrawer hub={hub} open={creating} today={today} onClose={() => setCreating(false)} onCreated={onChanged} />
    </Card>
  );
}
