import { Checkbox, DatePicker, Form, Input } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { apiTokenInputSchema } from '../../../contracts/api-tokens';
import { hubRoles, type HubRole } from '../../../contracts/auth';
import { createApiToken } from '../api/api-tokens.api';
import { useFieldErrorText } from '../errors/use-field-error-text';
import { FormModal } from '../forms/form-modal';
import { useFormMutation } from '../forms/use-form-mutation';
import { nearestField } from '../forms/server-field-errors';
import { zodRule } from '../forms/zod-rule';
import { ReauthFields } from '../two-factor/reauth-fields';
import { useReauthNeeded } from '../two-factor/use-reauth-needed';
import { useWrongPassword } from '../two-factor/wrong-password';
import { isApiRequestError } from '../api/api-request-error';
import { useState } from 'react';

type NewToken = { name: string; roles: HubRole[]; expiresAt: Dayjs; confirm?: { password: string; code?: string } };

const shape = apiTokenInputSchema.shape;
/**
 * The fields a server error goes under. Not the password: a wrong one (WRONG_CREDENTIALS on
 * `confirm.password`) stays the form's failure, which useWrongPassword says under that field.
 */
const placedFields = [['name'], ['roles'], ['expiresAt'], ['confirm', 'code']];
const endOfDay = (day: Dayjs) => day.endOf('day').toISOString();

/** A new API token: name, roles and expiry (and the password and a code again where the server asks); `onCreated` gets the secret, shown once. */
export function NewTokenModal({
  hub,
  open,
  onClose,
  onCreated,
}: {
  hub: string;
  open: boolean;
  onClose: () => void;
  onCreated: (secret: string) => Promise<void>;
}) {
  const { t } = useTranslation();
  const fieldText = useFieldErrorText();
  const [form] = Form.useForm<NewToken>();
  const [asked, setAsked] = useState(false);
  const reauth = useReauthNeeded(hub, asked);
  const create = useFormMutation({
    form,
    fieldFor: (path) => nearestField(placedFields, path),
    mutationFn: (values: NewToken) =>
      createApiToken(hub, {
        name: values.name.trim(),
        roles: values.roles,
        expiresAt: endOfDay(values.expiresAt),
        ...(values.confirm && { confirm: { password: values.confirm.password, ...(values.confirm.code && { code: values.confirm.code.trim() }) } }),
      }).catch((error: unknown) => {
        // The server asks for the password (and a code) again: show the fields it wants.
        if (isApiRequestError(error) && error.code === 'REAUTH_REQUIRED') setAsked(true);
        throw error;
      }),
    onSuccess: async (made) => {
      await onCreated(made.secret);
    },
  });
  const wrongPassword = useWrongPassword(create.failure);
  return (
    <FormModal
      open={open}
      title={t('admin.tokens.create')}
      onClose={onClose}
      form={form}
      mutation={{ ...create, failure: wrongPassword.failure }}
      name="api-token"
      initialValues={{ roles: [], expiresAt: dayjs().add(90, 'day') }}
      okText={t('admin.tokens.submit')}
    >
      <Form.Item name="name" label={t('admin.tokens.name')} rules={[zodRule(shape.name, fieldText)]} required>
        <Input placeholder={t('admin.tokens.namePlaceholder')} maxLength={100} />
      </Form.Item>
      <Form.Item name="roles" label={t('admin.tokens.roles')} rules={[zodRule(shape.roles, fieldText)]} required>
        <Checkbox.Group options={hubRoles.map((role) => ({ value: role, label: t(`admin.roles.${role}`) }))} />
      </Form.Item>
      <Form.Item
        name="expiresAt"
        label={t('admin.tokens.expiresAt')}
        rules={[zodRule(shape.expiresAt, fieldText, { toInput: (day) => endOfDay(day as Dayjs) })]}
        required
      >
        <DatePicker disabledDate={(day) => day.isBefore(dayjs(), 'day') || day.isAfter(dayjs().add(365, 'day'))} />
      </Form.Item>
      {reauth.needed && <ReauthFields prefix={['confirm']} code={reauth.code} passwordItem={wrongPassword.passwordItem} />}
    </FormModal>
  );
}
