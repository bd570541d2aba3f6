import { App, Button, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { changeEmailInputSchema } from '../../../contracts/account';
import { changeEmail } from '../api/account.api';
import { useFieldErrorText } from '../errors/use-field-error-text';
import { FormFailure } from '../forms/form-failure';
import { useFormMutation } from '../forms/use-form-mutation';
import { zodRule } from '../forms/zod-rule';

type Values = { newEmail: string };

/** A new address: the current mailbox approves, then a link to confirm goes to the new one, and opening it completes the change. */
export function ChangeEmailForm() {
  const { t } = useTranslation();
  const fieldText = useFieldErrorText();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const change = useFormMutation({
    form,
    fields: ['newEmail'],
    mutationFn: (values: Values) => changeEmail(values.newEmail.trim()),
    onSuccess: () => {
      form.resetFields();
      message.success(t('account.emailChangeSent'));
    },
  });
  return (
    <>
      <FormFailure failure={change.failure} />
      <Form<Values> name="change-email" form={form} layout="vertical" requiredMark={false} onFinish={change.submit} onValuesChange={change.onValuesChange}>
        <Form.Item
          label={t('account.newEmail')}
          name="newEmail"
          rules={[zodRule(changeEmailInputSchema.shape.newEmail, fieldText, { toInput: (v) => String(v).trim() })]}
        >
          <Input type="email" autoComplete="email" />
        </Form.Item>
        <Button htmlType="submit" loading={change.submitting}>
          {t('account.changeEmail')}
        </Button>
      </Form>
    </>
  );
}
