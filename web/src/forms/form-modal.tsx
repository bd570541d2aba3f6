import { Form, Modal, type FormInstance, type FormProps } from 'antd';
import { useLayoutEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { FormFailure } from './form-failure';
import type { FormMutation } from './use-form-mutation';

/** What the dialog needs of the form's useFormMutation. */
type DialogMutation<Values> = Pick<FormMutation<Values, unknown>, 'submitOnce' | 'submitting' | 'failure' | 'onValuesChange' | 'reset'>;

type Props<Values> = {
  title: ReactNode;
  /** Shown or not; leave it out for a dialog its parent mounts only while shown. */
  open?: boolean;
  /** Cancel, the ×, Escape (and whatever the caller does once the write succeeded). */
  onClose: () => void;
  form: FormInstance<Values>;
  mutation: DialogMutation<Values>;
  /** The form's name (its fields' ids start with it). */
  name?: string;
  initialValues?: FormProps<Values>['initialValues'];
  requiredMark?: FormProps<Values>['requiredMark'];
  okText?: string;
  okDanger?: boolean;
  okDisabled?: boolean;
  width?: number;
  /** Above the failure and the form: what the person should know before sending. */
  intro?: ReactNode;
  /**
   * What the write gave back, to show in place of the form once it is there (a reference):
   * OK then closes the dialog and Cancel is gone.
   */
  receipt?: ReactNode;
  /** The form's fields. */
  children?: ReactNode;
};

/**
 * The one dialog that holds a form: the title, `intro`, the failure no field shows
 * (<FormFailure>), then the form (submitted through its useFormMutation: OK is `form.submit()`,
 * a change clears the failure and the Idempotency-Key), OK busy while sending, Cancel.
 *
 * It always opens fresh. Whenever it closes, cancelled or saved, its form, the key and the
 * failure are forgotten: once closed its body is destroyed (`destroyOnHidden`, after the close
 * animation; or with the dialog, for one its parent unmounts), and then `mutation.reset()` runs
 * (form, key, failure) and the form's store is emptied (`clearOnDestroy`). One opening is one
 * write: the form submits through `submitOnce`, so once a write succeeded (and the dialog is
 * closing, its OK still there while it fades) a late second click sends nothing, never a second
 * write under a new key. The emptying matters
 * for a dialog whose `initialValues` come from props: on remount rc-field-form merges the old
 * store over the new `initialValues`, so without it the last subject's values (or a draft) would
 * come back. The reset runs in a layout clean-up, before the Form's own (passive) clean-up empties
 * the store; `afterClose` would be too late: it runs after the body is gone, and its
 * `resetFields()` would fill the store with the last subject's initial values again.
 * (form-modal.test.tsx proves each.) Callers close it (`onClose`) on success and neither reset
 * the form nor clear the failure themselves.
 */
export function FormModal<Values>({
  title,
  open = true,
  onClose,
  form,
  mutation,
  name,
  initialValues,
  requiredMark,
  okText,
  okDanger,
  okDisabled,
  width,
  intro,
  receipt,
  children,
}: Props<Values>) {
  const { t } = useTranslation();
  const done = receipt !== undefined && receipt !== null && receipt !== false;
  return (
    <Modal
      open={open}
      title={title}
      onCancel={onClose}
      onOk={() => (done ? onClose() : form.submit())}
      okText={okText}
      okButtonProps={{ danger: okDanger ?? false, disabled: okDisabled ?? false }}
      cancelText={t('org.cancel')}
      cancelButtonProps={done ? { style: { display: 'none' } } : {}}
      confirmLoading={mutation.submitting}
      width={width}
      destroyOnHidden
    >
      <ResetWhenDestroyed reset={mutation.reset} />
      {done ? (
        receipt
      ) : (
        <>
          {intro}
          <FormFailure failure={mutation.failure} />
          <Form<Values>
            name={name}
            form={form}
            layout="vertical"
            requiredMark={requiredMark}
            initialValues={initialValues}
            onValuesChange={mutation.onValuesChange}
            onFinish={mutation.submitOnce}
            clearOnDestroy
          >
            {children}
          </Form>
        </>
      )}
    </Modal>
  );
}

/** Resets the dialog's form, key and failure when its body is destroyed (see FormModal). */
function ResetWhenDestroyed({ reset }: { reset: () => void }) {
  const latest = useRef(reset);
  useLayoutEffect(() => {
    latest.current = reset;
  });
  useLayoutEffect(() => () => latest.current(), []);
  return null;
}
