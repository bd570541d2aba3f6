import { Button, Form } from 'antd';
import { useTranslation } from 'react-i18next';
import { assignReviewers } from '../api/reviews.api';
import { FormFailure } from '../forms/form-failure';
import { useFormMutation } from '../forms/use-form-mutation';

/** The officer seats reviewers for the round (the server picks them and excludes the conflicted): a form of one button. */
export function AssignReviewersForm({ hub, applicationId, onAssigned }: { hub: string; applicationId: string; onAssigned: () => Promise<unknown> }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Record<string, never>>();
  const assign = useFormMutation({ form, mutationFn: () => assignReviewers(hub, applicationId), onSuccess: onAssigned });
  return (
    <Form name="assign-reviewers" form={form} onValuesChange={assign.onValuesChange} onFinish={assign.submit}>
      <FormFailure failure={assign.failure} />
      <Button type="primary" htmlType="submit" loading={assign.submitting}>
        {t('reviews.board.assign')}
      </Button>
    </Form>
  );
}
