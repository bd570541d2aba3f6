import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Descriptions, Flex, Form, Input, Modal, Radio, Rate, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { declareConflict, submitReview, type ReviewInput, type ReviewItem } from '../api/reviews.api';
import { useErrorText } from '../errors/use-error-text';
import { useBilingual } from '../i18n/use-bilingual';
import { PageError, PageLoading } from '../layout/page-states';
import { useReviewItem } from './use-reviews';

/** One assigned application: the answers, what changed since the last version, and the rubric to score. */
export function ReviewFormPage() {
  const { hub = '', id = '' } = useParams();
  const item = useReviewItem(hub, id);
  if (item.isPending) return <PageLoading />;
  if (item.isError) return <PageError error={item.error} onRetry={() => void item.refetch()} />;
  return <ReviewForm hub={hub} item={item.data} />;
}

const show = (value: unknown) => (value === null || value === undefined ? '—' : String(value));

function ReviewForm({ hub, item }: { hub: string; item: ReviewItem }) {
  const { t } = useTranslation();
  const bilingual = useBilingual();
  const describe = useErrorText();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [conflictOpen, setConflictOpen] = useState(false);
  const [conflictReason, setConflictReason] = useState('');
  const done = () => client.invalidateQueries({ queryKey: ['hubs', hub, 'review-queue'] });
  const review = useMutation({
    mutationFn: (input: ReviewInput) => submitReview(hub, item.applicationId, input),
    onSuccess: async () => {
      message.success(t('reviews.form.submitted'));
      await done();
      void navigate(`/hubs/${hub}/reviews`);
    },
  });
  const conflict = useMutation({
    mutationFn: () => declareConflict(hub, item.applicationId, conflictReason),
    onSuccess: async () => {
      message.success(t('reviews.form.conflictDone'));
      await done();
      void navigate(`/hubs/${hub}/reviews`);
    },
  });
  const open = item.assignment === 'assigned' && item.status === 'in_review';

  return (
    <Flex vertical gap={16} style={{ maxWidth: 900 }}>
      <Typography.Title level={3}>{t('reviews.form.title', { applicant: bilingual(item.applicantName).primary })}</Typography.Title>
      <Typography.Text type="secondary">{bilingual(item.programName).primary}</Typography.Text>
      {item.changes.length > 0 && (
        <Alert
          type="info"
          showIcon
          message={t('reviews.form.changes')}
          description={
            <Table
              size="small"
              pagination={false}
              rowKey="key"
              dataSource={item.changes}
              columns={[
                { title: '', dataIndex: 'key' },
                { title: t('reviews.form.before'), render: (_, c) => <Typography.Text delete>{show(c.before)}</Typography.Text> },
                { title: t('reviews.form.after'), render: (_, c) => <Typography.Text mark>{show(c.after)}</Typography.Text> },
              ]}
            />
          }
        />
      )}
      <Card title={t('reviews.form.answers')}>
        <Descriptions column={1} bordered size="small">
          {Object.entries(item.answers).map(([key, value]) => (
            <Descriptions.Item key={key} label={key}>
              {show(value)}
            </Descriptions.Item>
          ))}
        </Descriptions>
      </Card>
      {open && (
        <Card title={t('reviews.form.rubric')}>
          {review.isError && <Alert type="error" showIcon message={describe(review.error)} style={{ marginBottom: 16 }} />}
          <Form<{ scores: Record<string, number>; comment: string; recommendation: ReviewInput['recommendation'] }>
            layout="vertical"
            initialValues={{ comment: '', recommendation: 'approve' }}
            onFinish={(values) => review.mutate({ scores: values.scores, comment: values.comment ?? '', recommendation: values.recommendation })}
          >
            {item.rubric.map((c) => (
              <Form.Item
                key={c.key}
                name={['scores', c.key]}
                label={`${bilingual(c.name).primary} · ${t('reviews.form.weight', { weight: c.weight })} · ${t('reviews.form.scale', { scale: c.scale })}`}
                rules={[{ required: true, message: t('reviews.form.required') }]}
              >
                <Rate count={c.scale} aria-label={c.key} />
              </Form.Item>
            ))}
            <Form.Item name="comment" label={t('reviews.form.comment')}>
              <Input.TextArea rows={4} maxLength={4000} />
            </Form.Item>
            <Form.Item name="recommendation" label={t('reviews.form.recommendation')}>
              <Radio.Group options={(['approve', 'reject', 'return'] as const).map((r) => ({ value: r, label: t(`reviews.form.recommendations.${r}`) }))} />
            </Form.Item>
            <Flex gap={8}>
              <Button type="primary" htmlType="submit" loading={review.isPending}>
                {t('reviews.form.submit')}
              </Button>
              <Button danger onClick={() => setConflictOpen(true)}>
                {t('reviews.form.conflict')}
              </Button>
            </Flex>
          </Form>
        </Card>
      )}
      <Modal
        open={conflictOpen}
        title={t('reviews.form.conflict')}
        onCancel={() => setConflictOpen(false)}
        onOk={() => conflict.mutate()}
        okButtonProps={{ danger: true, disabled: !conflictReason.trim(), loading: conflict.isPending }}
      >
        <Typography.Paragraph>{t('reviews.form.conflictConfirm')}</Typography.Paragraph>
        {conflict.isError && <Alert type="error" showIcon message={describe(conflict.error)} />}
        <Input.TextArea aria-label={t('reviews.form.conflictReason')} placeholder={t('reviews.form.conflictReason')} value={conflictReason} onChange={(e) => setConflictReason(e.target.value)} />
      </Modal>
    </Flex>
  );
}
