import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Program } from '../api/programs.api';

/** Kind, who applies and (for staff) a draft marker, as tags. */
export function ProgramTags({ program }: { program: Pick<Program, 'kind' | 'applicantType' | 'status'> }) {
  const { t } = useTranslation();
  return (
    <>
      <Tag color="blue">{t(`programs.kinds.${program.kind}`)}</Tag>
      <Tag>{t(`programs.applicantTypes.${program.applicantType}`)}</Tag>
      {program.status !== 'published' && <Tag color="orange">{t(`programs.statuses.${program.status}`)}</Tag>}
    </>
  );
}
