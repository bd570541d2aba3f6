import { BellOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Badge, Button, Popover, Typography } from 'antd';
import { useState, type CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { ItemList, ListItem, ListItemMeta } from './item-list';
import type { BilingualName } from '../../../contracts/common';
import { listNotifications, markAllNotificationsRead, markNotificationRead, type Notification } from '../api/notifications.api';
import { useMe } from '../auth/use-me';
import { useBilingual } from '../i18n/use-bilingual';
import { useLocale } from '../i18n/locale-context';
import { formatMoment } from '../i18n/format-date';

const isName = (v: unknown): v is BilingualName =>
  typeof v === 'object' && v !== null && typeof (v as BilingualName).zh === 'string' && typeof (v as BilingualName).en === 'string';

/** A row's whole width as one button that looks like the row (the browser's focus ring kept). */
const openButton: CSSProperties = {
  display: 'block',
  width: '100%',
  padding: 0,
  border: 0,
  background: 'none',
  font: 'inherit',
  color: 'inherit',
  textAlign: 'start',
  cursor: 'pointer',
};

/** The signed-in person's notifications in this hub: a bell with the unread count, a list, links. */
export function NotificationBell() {
  const { hub = '' } = useParams();
  const me = useMe();
  const { t } = useTranslation();
  const { locale } = useLocale();
  const bilingual = useBilingual();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const key = ['notifications', hub];
  const list = useQuery({ queryKey: key, queryFn: () => listNotifications(hub), enabled: Boolean(hub && me.data), refetchInterval: 60_000 });
  const refresh = () => queryClient.invalidateQueries({ queryKey: key });
  const readOne = useMutation({ mutationFn: (id: string) => markNotificationRead(hub, id), onSettled: refresh });
  const readAll = useMutation({ mutationFn: () => markAllNotificationsRead(hub), onSettled: refresh });
  if (!hub || !me.data || !list.data) return null;

  const titleOf = (n: Notification) =>
    isName(n.payload.title) ? bilingual(n.payload.title).primary : t(`notifications.kinds.${n.kind}`, { defaultValue: n.kind });
  const openOne = (n: Notification) => {
    if (!n.read) readOne.mutate(n.id);
    setOpen(false);
    if (typeof n.payload.link === 'string' && n.payload.link.startsWith('/')) navigate(n.payload.link);
  };
  const content = (
    <div style={{ width: 340 }}>
      <ItemList
        empty={t('notifications.none')}
        size="small"
        items={list.data.items}
        renderItem={(n) => (
          <ListItem>
            {/* A button, so the keyboard opens a notification as a click does (Tab, then Enter). */}
            <button type="button" style={openButton} onClick={() => openOne(n)}>
              <ListItemMeta title={<Typography.Text strong={!n.read}>{titleOf(n)}</Typography.Text>} description={formatMoment(n.createdAt, locale)} />
            </button>
          </ListItem>
        )}
      />
    </div>
  );
  return (
    <Popover
      open={open}
      onOpenChange={setOpen}
      trigger="click"
      placement="bottomRight"
      title={
        <Typography.Text>
          {t('notifications.title')}
          {list.data.unread > 0 && (
            <Button type="link" size="small" onClick={() => readAll.mutate()}>
              {t('notifications.markAll')}
            </Button>
          )}
        </Typography.Text>
      }
      content={content}
    >
      <Badge count={list.data.unread} size="small">
        <Button icon={<BellOutlined />} aria-label={t('notifications.bell', { count: list.data.unread })} />
      </Badge>
    </Popover>
  );
}
