import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Input, Popover, Space, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { assignStationManager, type Station } from '../api/stays.api';
import { useErrorText } from '../errors/use-error-text';
import { useBilingual } from '../i18n/use-bilingual';
import { StationFormDrawer } from './station-form.drawer';

/** Hub admins: every station of the hub, a new one, and who runs each. */
export function StationsAdminCard({ hub, stations, today, onChanged }: { hub: string; stations: Station[]; today: string; onChanged: () => Promise<void> }) {
  const { t } = useTranslation();
  const bilingual = useBilingual();
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
          { title: t('stays.admin.district'), dataIndex: 'district' },
          { title: t('stays.desk.beds'), dataIndex: 'beds', align: 'right' },
          { title: t('stays.admin.opensOn'), render: (_, s) => s.opensOn },
          { key: 'manager', render: (_, s) => <ManagerPopover hub={hub} station={s} onAssigned={onChanged} /> },
        ]}
      />
      <StationFormDrawer hub={hub} open={creating} today={today} onClose={() => setCreating(false)} onCreated={onChanged} />
    </Card>
  );
}

function ManagerPopover({ hub, station, onAssigned }: { hub: string; station: Station; onAssigned: () => Promise<void> }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const describe = useErrorText();
  const [open, setOpen] = useState(false);
  const [email, setEmail] = useState('');
  const assign = async () => {
    try {
      await assignStationManager(hub, station.id, email.trim());
      message.success(t('stays.admin.managerAssigned', { email: email.trim() }));
      setOpen(false);
      setEmail('');
      await onAssigned();
    } catch (error) {
      message.error(describe(error));
    }
  };
  return (
    <Popover
      open={open}
      onOpenChange={setOpen}
      trigger="click"
      title={t('stays.admin.managerTitle')}
      content={
        <Space.Compact>
          <Input
            type="email"
            aria-label={t('stays.admin.managerEmail')}
            placeholder={t('stays.admin.managerEmail')}
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            onPressEnter={() => void assign()}
            style={{ width: 260 }}
          />
          <Button type="primary" onClick={() => void assign()}>
            {t('stays.admin.assign')}
          </Button>
        </Space.Compact>
      }
    >
      <Button type="link">{t('stays.admin.addManager')}</Button>
    </Popover>
  );
}
