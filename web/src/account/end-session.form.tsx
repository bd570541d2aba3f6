import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import { endSession } from '../api/account.api';
import { ActionForm } from '../forms/action-form';

/**
 * Signs one other session out (a lost phone, an old laptop), after a confirm that names its
 * device and when it was last active: an action on the one form pattern.
 */
export function EndSessionForm({ id, device, seen, onDone }: { id: string; device: string; seen: string; onDone: () => Promise<unknown> }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  return (
    <ActionForm
      name={`end-session-${id}`}
      label={t('account.endSession')}
      button={{ size: 'small' }}
      confirm={{ title: t('account.endSessionConfirm', { device, seen }), okText: t('account.endSessionOk'), danger: true }}
      mutationFn={() => endSession(id)}
      onSuccess={async () => {
        message.success(t('account.sessionEnded'));
        await onDone();
      }}
    />
  );
}
