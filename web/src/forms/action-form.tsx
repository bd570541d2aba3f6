import { Button, Form, Popconfirm, type ButtonProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { FormFailure } from './form-failure';
import { useFormMutation } from './use-form-mutation';

type Props<Result> = {
  /** The form's name (unique on the page: a row's id in it). */
  name: string;
  label: string;
  /** Gets the form's Idempotency-Key: the same on a retry, new after a success; a write that takes none ignores it. */
  mutationFn: (idempotencyKey: string) => Promise<Result>;
  onSuccess?: (result: Result) => unknown;
  /** Asked before the write (a Popconfirm), for what cannot be undone. */
  confirm?: { title: string; okText: string; danger?: boolean };
  button?: Omit<ButtonProps, 'onClick' | 'htmlType' | 'loading' | 'children'>;
};

/**
 * An action on one thing (cancel, revoke, release, publish) as a form of no fields on the one
 * pattern: useFormMutation's submitting state on the button, a refusal as <FormFailure> above it.
 */
export function ActionForm<Result>({ name, label, mutationFn, onSuccess, confirm, button }: Props<Result>) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Record<string, never>>();
  const act = useFormMutation({
    form,
    idempotent: true,
    mutationFn: (_: Record<string, never>, key) => mutationFn(key),
    onSuccess: (result) => onSuccess?.(result),
  });
  const submit = (
    <Button {...button} htmlType={confirm ? 'button' : 'submit'} loading={act.submitting}>
      {label}
    </Button>
  );
  return (
    <Form name={name} form={form} onValuesChange={act.onValuesChange} onFinish={act.submit}>
      <FormFailure failure={act.failure} />
      {confirm ? (
        <Popconfirm
          title={confirm.title}
          okText={confirm.okText}
          okButtonProps={{ danger: confirm.danger }}
          cancelText={t('org.cancel')}
          onConfirm={() => form.submit()}
        >
          {submit}
        </Popconfirm>
      ) : (
        submit
      )}
    </Form>
  );
}
