import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Application } from '../api/programs.api';

const colors: Partial<Record<Application['status'], string>> = {
  approved: 'green',
  awarded: 'green',
  in_payment: 'cyan',
  closed: 'default',
  refused: 'red',
  rejected: 'red',
  withdrawn: 'default',
  submitted: 'gold',
  screening: 'gold',
  in_review: 'blue',
  returned: 'orange',
  appealed: 'purple',
};

export function ApplicationStatusTag({ status }: { status: Application['status'] }) {
  const { t } = useTranslation();
  return <Tag color={colors[status] ?? 'default'}>{t(`reviews.status.${status}`)}</Tag>;
}
