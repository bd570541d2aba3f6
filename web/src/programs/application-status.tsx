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

/** An application's status; approved by one officer but still `awaitingSecondApproval` is said so, not as approved. */
export function ApplicationStatusTag({ status, awaitingSecondApproval = false }: { status: Application['status']; awaitingSecondApproval?: boolean }) {
  const { t } = useTranslation();
  if (awaitingSecondApproval) return <Tag color="gold">{t('reviews.awaitingSecondApproval')}</Tag>;
  return <Tag color={colors[status] ?? 'default'}>{t(`reviews.status.${status}`)}</Tag>;
}
