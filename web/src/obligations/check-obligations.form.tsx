import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Flex, Form } from 'antd';
import { useTranslation } from 'react-i18next';
import { runObligationChecks } from '../api/obligations.api';
import { FormFailure } from '../forms/form-failure';
import { useFormMutation } from '../forms/use-form-mutation';

/** An officer runs the obligations check now (it also runs nightly): a form of one button on the one pattern; what it found, or why not, above it. */
export function CheckObligationsForm({ hub }: { hub: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Record<string, never>>();
  const check = useFormMutation({
    form,
    mutationFn: () => runObligationChecks(hub),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['obligation-findings', hub] }),
  });
  const done = check.mutation.isSuccess ? check.mutation.data : null;
  return (
    <Form name="check-obligations" form={form} onValuesChange={check.onValuesChange} onFinish={check.submit}>
      <Flex vertical gap={8} align="start">
        <FormFailure failure={check.failure} />
        {done && <Alert type="success" showIcon role="status" title={t('obligations.checked', done)} />}
        <Button htmlType="submit" loading={check.submitting}>
          {t('obligations.checkNow')}
        </Button>
      </Flex>
    </Form>
  );
}
