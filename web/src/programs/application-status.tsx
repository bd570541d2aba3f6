import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Application } from '../../../contracts/applications';

const colors = { approved: 'green', refused: 'red', submitted: 'gold' } as const;

export function ApplicationStatusTag({ status }: { status: Application['status'] }) {
  const { t } = useTranslation();
  return <Tag color={colors[status]}>{t(`programs.result.${status}`)}</Tag>;
}
