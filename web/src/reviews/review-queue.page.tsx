import { Button, Card, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useBilingual } from '../i18n/use-bilingual';
import { LoadMore } from '../layout/load-more';
import { PageError, PageLoading } from '../layout/page-states';
import { useReviewQueue } from './use-reviews';

/** A reviewer's queue: only what is assigned to them, open first. */
export function ReviewQueuePage() {
  const { hub = '' } = useParams();
  const { t } = useTranslation();
  const bilingual = useBilingual();
  const queue = useReviewQueue(hub);
  if (queue.isPending) return <PageLoading />;
  if (queue.isError) return <PageError error={queue.error} onRetry={() => void queue.refetch()} />;
  return (
    <Card
      title={
        <Typography.Title level={1} style={{ margin: 0, fontSize: 20 }}>
          {t('reviews.queue.title')}
        </Typography.Title>
      }
    >
      <Typography.Paragraph type="secondary">{t('reviews.queue.intro')}</Typography.Paragraph>
      <Table
        rowKey="applicationId"
        dataSource={queue.items}
        pagination={false}
        locale={{ emptyText: t('reviews.queue.empty') }}
        columns={[
          { title: t('reviews.queue.number'), render: (_, i) => i.applicationNumber },
          { title: t('reviews.queue.applicant'), render: (_, i) => bilingual(i.applicantName).primary },
          { title: t('reviews.queue.program'), render: (_, i) => bilingual(i.programName).primary },
          { title: t('reviews.queue.roundTitle'), render: (_, i) => t('reviews.queue.round', { round: i.round }) },
          {
            title: t('reviews.queue.state'),
            render: (_, i) =>
              i.assignment === 'submitted' ? <Tag color="green">{t('reviews.queue.done')}</Tag> : <Tag color="gold">{t('reviews.queue.todo')}</Tag>,
          },
          {
            title: t('reviews.queue.action'),
            render: (_, i) => (
              <Link to={`/hubs/${hub}/reviews/${i.applicationId}`}>
                <Button type={i.assignment === 'assigned' ? 'primary' : 'default'}>{t('reviews.queue.open')}</Button>
              </Link>
            ),
          },
        ]}
      />
      <LoadMore list={queue} />
    </Card>
  );
}
