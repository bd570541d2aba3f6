import { App, Button, Form, Input } from 'antd';
import type { FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import { checkInInputSchema } from '../../../contracts/stays';
import { checkIn } from '../api/stays.api';
import { useFieldErrorText } from '../errors/use-field-error-text';
import { FormFailure } from '../forms/form-failure';
import { useFormMutation } from '../forms/use-form-mutation';
import { zodRule } from '../forms/zod-rule';
import { useBilingual } from '../i18n/use-bilingual';

export type CheckInValues = { code: string };

/**
 * The desk's one task: a QR scanner (or the manager) types the booking's code and the guest is
 * in. A wrong code (CHECKIN_CODE_WRONG on `code`) shows under the code; the guest list's own
 * check-in button fills this form (`form`) and submits it, so both go the same way.
 */
export function CheckInForm({ hub, form, onCheckedIn }: { hub: string; form: FormInstance<CheckInValues>; onCheckedIn: () => Promise<unknown> }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const fieldText = useFieldErrorText();
  const bilingual = useBilingual();
  const arrive = useFormMutation({
    form,
    fields: ['code'],
    mutationFn: (v: CheckInValues) => checkIn(hub, v.code.trim()),
    onSuccess: async (b) => {
      message.success(t('stays.desk.checkedIn', { name: b.guest.name ? bilingual(b.guest.name).primary : '', room: b.bed.room, bed: b.bed.label }));
      form.resetFields();
      await onCheckedIn();
    },
  });
  return (
    <>
      <FormFailure failure={arrive.failure} />
      <Form<CheckInValues> name="check-in" form={form} layout="inline" onValuesChange={arrive.onValuesChange} onFinish={arrive.submit}>
        <Form.Item name="code" label={t('stays.desk.codeLabel')} rules={[zodRule(checkInInputSchema.shape.code, fieldText)]} style={{ flex: 1, maxWidth: 480 }}>
          {/* eslint-disable-next-line jsx-a11y/no-autofocus -- the desk's one task: a QR scanner types into this field */}
          <Input autoFocus autoComplete="off" />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" loading={arrive.submitting}>
            {t('stays.desk.checkInButton')}
          </Button>
        </Form.Item>
      </Form>
    </>
  );
}
