import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Card, Flex, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import type { ReviewItem } from '../api/reviews.api';
import { useBilingual } from '../i18n/use-bilingual';
import { PageError, PageLoading } from '../layout/page-states';
import { AnswersCard, AnswerValue, useFieldLabel } from '../programs/answers-card';
import { useProgram } from '../programs/use-programs';
import { ConflictModal } from './conflict.modal';
import { ReviewRubricForm } from './review-rubric.form';
import { useReviewItem } from './use-reviews';

/** One assigned application: the answers, what changed since the last version, and the rubric to score. */
export function ReviewFormPage() {
  const { hub = '', id = '' } = useParams();
  const item = useReviewItem(hub, id);
  if (item.isPending) return <PageLoading />;
  if (item.isError) return <PageError error={item.error} onRetry={() => void item.refetch()} />;
  return <ReviewForm hub={hub} item={item.data} />;
}

function ReviewForm({ hub, item }: { hub: string; item: ReviewItem }) {
  const { t } = useTranslation();
  const bilingual = useBilingual();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [conflictOpen, setConflictOpen] = useState(false);
  // The program's form gives each answer its label and type.
  const program = useProgram(hub, item.programId);
  const fields = program.data?.form ?? [];
  const label = useFieldLabel(fields);
  const fieldOf = (key: string) => fields.find((f) => f.key === key);
  /** Done with this application (reviewed, or a conflict declared): back to the queue. */
  const leave = async (done: 'reviews.form.submitted' | 'reviews.form.conflictDone') => {
    message.success(t(done));
    await client.invalidateQueries({ queryKey: ['hubs', hub, 'review-queue'] });
    void navigate(`/hubs/${hub}/reviews`);
  };
  const open = item.assignment === 'assigned' && item.status === 'in_review';

  return (
    <Flex vertical gap={16} style={{ maxWidth: 900 }}>
      <Typography.Title level={1} style={{ fontSize: 24 }}>
        {t('reviews.form.title', { applicant: bilingual(item.applicantName).primary })}
      </Typography.Title>
      <Typography.Text type="secondary">{bilingual(item.programName).primary}</Typography.Text>
      {item.changes.length > 0 && (
        <Alert
          type="info"
          showIcon
          title={t('reviews.form.changes')}
          description={
            <Table
              size="small"
              pagination={false}
              rowKey="key"
              dataSource={item.changes}
              columns={[
                { title: '', render: (_, c) => label(c.key) },
                {
                  title: t('reviews.form.before'),
                  render: (_, c) => (
                    <Typography.Text delete>
                      <AnswerValue hub={hub} applicationId={item.applicationId} field={fieldOf(c.key)} value={c.before} />
                    </Typography.Text>
                  ),
                },
                {
                  title: t('reviews.form.after'),
                  render: (_, c) => (
                    <Typography.Text mark>
                      <AnswerValue hub={hub} applicationId={item.applicationId} field={fieldOf(c.key)} value={c.after} />
                    </Typography.Text>
                  ),
                },
              ]}
            />
          }
        />
      )}
      <AnswersCard
        hub={hub}
        applicationId={item.applicationId}
        title={t('reviews.form.answers')}
        answers={item.answers}
        fields={fields}
        loading={program.isPending}
      />
      {open && (
        <Card title={t('reviews.form.rubric')}>
          <ReviewRubricForm hub={hub} item={item} onSubmitted={() => leave('reviews.form.submitted')} onConflict={() => setConflictOpen(true)} />
        </Card>
      )}
      <ConflictModal
        hub={hub}
        applicationId={item.applicationId}
        open={conflictOpen}
        onClose={() => setConflictOpen(false)}
        onDeclared={() => leave('reviews.form.conflictDone')}
      />
    </Flex>
  );
}
