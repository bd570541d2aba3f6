import { App, Button, Form } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ReviewBoard } from '../../../contracts/reviews';
import { assignReviewers } from '../api/reviews.api';
import { FormFailure } from '../forms/form-failure';
import { useFormMutation } from '../forms/use-form-mutation';
import { useLocale } from '../i18n/locale-context';

/** Who the answer seats in the latest round, and who it left out there for a conflict of interest. */
export function roundOutcome(board: ReviewBoard): { seated: string[]; excluded: string[] } {
  const round = Math.max(0, ...board.assignments.map((a) => a.round));
  const latest = board.assignments.filter((a) => a.round === round);
  return {
    seated: latest.filter((a) => a.status !== 'conflicted').map((a) => a.reviewerName),
    excluded: latest.filter((a) => a.status === 'conflicted').map((a) => a.reviewerName),
  };
}

/**
 * The officer seats reviewers for the round (the server picks them and excludes the conflicted):
 * a form of one button, which says afterwards who was assigned and who was left out.
 */
export function AssignReviewersForm({ hub, applicationId, onAssigned }: { hub: string; applicationId: string; onAssigned: () => Promise<unknown> }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const { message } = App.useApp();
  const [form] = Form.useForm<Record<string, never>>();
  const assign = useFormMutation({
    form,
    mutationFn: () => assignReviewers(hub, applicationId),
    onSuccess: (board) => {
      const { seated, excluded } = roundOutcome(board);
      const names = (list: string[]) => new Intl.ListFormat(locale, { type: 'conjunction' }).format(list);
      if (seated.length > 0) {
        void message.success(
          excluded.length > 0
            ? t('reviews.board.assignedExcluding', { names: names(seated), excluded: names(excluded) })
            : t('reviews.board.assignedNames', { names: names(seated) }),
        );
      }
      return onAssigned();
    },
  });
  return (
    <Form name="assign-reviewers" form={form} onValuesChange={assign.onValuesChange} onFinish={assign.submit}>
      <FormFailure failure={assign.failure} />
      <Button type="primary" htmlType="submit" loading={assign.submitting}>
        {t('reviews.board.assign')}
      </Button>
    </Form>
  );
}
