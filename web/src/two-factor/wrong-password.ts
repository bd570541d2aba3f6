import type { FormItemProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { isApiRequestError } from '../api/api-request-error';

/**
 * On a form whose only credential is a password (turning two-step sign-in on or off, changing
 * the password), a WRONG_CREDENTIALS answer means that password is wrong: it is said under the
 * password field ("密码不正确。"), never above the form in the sign-in's words ("邮箱或密码…").
 * Returns what the form's <FormFailure> still shows, and the password field's error props.
 */
export function useWrongPassword(failure: unknown): { failure: unknown; passwordItem: Pick<FormItemProps, 'validateStatus' | 'help'> } {
  const { t } = useTranslation();
  if (!isApiRequestError(failure) || failure.code !== 'WRONG_CREDENTIALS') return { failure, passwordItem: {} };
  return { failure: null, passwordItem: { validateStatus: 'error', help: t('twoFactor.passwordWrong') } };
}
