import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Lease } from '../api/spaces.api';
import { formatDay } from '../i18n/format-date';
import { useLocale } from '../i18n/locale-context';
import { useHubToday } from '../stays/hub-today';

/** A lease's status; an active lease whose first day is after the hub's today has not started yet and says when it starts. */
export function LeaseStatusTag({ lease }: { lease: Pick<Lease, 'status' | 'startsOn'> }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const today = useHubToday().format('YYYY-MM-DD');
  if (lease.status === 'active' && lease.startsOn > today)
    return <Tag color="blue">{t('spaces.status.notStarted', { date: formatDay(lease.startsOn, locale) })}</Tag>;
  return <Tag color={lease.status === 'active' ? 'green' : undefined}>{t(`spaces.status.${lease.status}`)}</Tag>;
}
