import { useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import { publishProgram } from '../api/programs.api';
import { ActionForm } from '../forms/action-form';
import { programsKey } from './use-programs';

/** Publishing the program's current version, asked first (it cannot be taken back): an action on the one pattern; a refusal (e.g. no budget line) shows above the button. */
export function PublishProgramForm({ hub, id }: { hub: string; id: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  return (
    <ActionForm
      name="publish-program"
      label={t('programs.publish')}
      mutationFn={() => publishProgram(hub, id)}
      confirm={{ title: t('programs.publishConfirm'), okText: t('programs.publishOk') }}
      onSuccess={async () => {
        message.success(t('programs.editor.publishedOk'));
        await queryClient.invalidateQueries({ queryKey: programsKey(hub) });
      }}
    />
  );
}
