import { App, Button, Form, Input, Popover } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { stationManagerInputSchema } from '../../../contracts/stays';
import { assignStationManager, type Station } from '../api/stays.api';
import { useFieldErrorText } from '../errors/use-field-error-text';
import { FormFailure } from '../forms/form-failure';
import { useFormMutation } from '../forms/use-form-mutation';
import { zodRule } from '../forms/zod-rule';

type Values = { email: string };

/**
 * A hub admin names a station manager of the hub to run a station, by their sign-in e-mail: a
 * form on the one pattern in a popover; no such person (or no station manager of this hub)
 * shows under the e-mail.
 */
export function StationManagerForm({ hub, station, onAssigned }: { hub: string; station: Station; onAssigned: () => Promise<unknown> }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const fieldText = useFieldErrorText();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<Values>();
  const assign = useFormMutation({
    form,
    // The server names the e-mail, or the person it found (userId) when they manage no station here.
    fieldFor: (path) => (path === 'email' || path === 'userId' ? ['email'] : null),
    mutationFn: (v: Values) => assignStationManager(hub, station.id, v.email.trim()),
    onSuccess: async (_, v) => {
      message.success(t('stays.admin.managerAssigned', { email: v.email.trim() }));
      setOpen(false);
      form.resetFields();
      await onAssigned();
    },
  });
  return (
    <Popover
      open={open}
      onOpenChange={setOpen}
      trigger="click"
      title={t('stays.admin.managerTitle')}
      content={
        <Form<Values>
          name={`station-manager-${station.id}`}
          form={form}
          layout="vertical"
          onValuesChange={assign.onValuesChange}
          onFinish={assign.submit}
          style={{ width: 300 }}
        >
          <FormFailure failure={assign.failure} />
          <Form.Item
            name="email"
            label={t('stays.admin.managerEmail')}
            rules={[zodRule(stationManagerInputSchema.shape.email, fieldText, { toInput: (v) => String(v).trim() })]}
          >
            <Input type="email" autoComplete="off" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={assign.submitting}>
            {t('stays.admin.assign')}
          </Button>
        </Form>
      }
    >
      <Button type="link">{t('stays.admin.addManager')}</Button>
    </Popover>
  );
}
