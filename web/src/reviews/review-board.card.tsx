import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Card, Flex, List, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Application } from '../api/programs.api';
import { assignReviewers, type ReviewBoard } from '../api/reviews.api';
import { useErrorText } from '../errors/use-error-text';
import { useBilingual } from '../i18n/use-bilingual';
import { DecisionForm } from './decision.form';
import { ScoreChart } from './score-chart';
import { useRefreshApplication } from './use-reviews';

/** The officer's side: assign reviewers, see who was excluded and why, scores side by side with the spread, decide. */
export function ReviewBoardCard({ hub, application, board }: { hub: string; application: Application; board: ReviewBoard }) {
  const { t } = useTranslation();
  const bilingual = useBilingual();
  const describe = useErrorText();
  const refresh = useRefreshApplication(hub, application.id);
  const assign = useMutation({ mutationFn: () => assignReviewers(hub, application.id), onSuccess: refresh });
  const canAssign = ['submitted', 'screening', 'appealed'].includes(board.status);
  const canDecide = board.status === 'in_review' || board.status === 'screening' || board.secondApprovalRequired;
  const conflicted = board.assignments.filter((a) => a.status === 'conflicted');
  const seated = board.assignments.filter((a) => a.status !== 'conflicted');
  const spread = new Map(board.spread.map((s) => [s.key, s]));

  return (
    <Card title={t('reviews.board.title')} data-testid="review-board">
      <Flex vertical gap={16}>
        {canAssign && (
          <div>
            <Button type="primary" onClick={() => assign.mutate()} loading={assign.isPending}>
              {t('reviews.board.assign')}
            </Button>
            {assign.isError && <Alert type="error" showIcon message={describe(assign.error)} style={{ marginTop: 8 }} />}
          </div>
        )}
        {seated.length > 0 && (
          <div>
            <Typography.Text strong>{t('reviews.board.reviewers')}: </Typography.Text>
            {seated.map((a) => (
              <Tag key={`${a.round}-${a.reviewerId}`} color={a.status === 'submitted' ? 'green' : 'gold'}>
                {a.reviewerName} · {t(`reviews.board.statuses.${a.status}`)}
              </Tag>
            ))}
          </div>
        )}
        {conflicted.length > 0 && (
          <Alert
            type="warning"
            showIcon
            message={t('reviews.board.conflicts')}
            description={
              <List
                size="small"
                dataSource={conflicted}
                renderItem={(a) => (
                  <List.Item data-testid="conflict">
                    {a.reviewerName}: {t(`reviews.board.conflictKinds.${a.conflict!.kind}`)}
                    {a.conflict?.note ? ` (${a.conflict.note})` : ''}
                  </List.Item>
                )}
              />
            }
          />
        )}
        <Typography.Title level={5}>{t('reviews.board.scores')}</Typography.Title>
        {board.reviews.length === 0 ? (
          <Typography.Text type="secondary">{t('reviews.board.noReviews')}</Typography.Text>
        ) : (
          <>
            <Table
              size="small"
              pagination={false}
              rowKey={(r) => `${r.round}-${r.reviewer}`}
              dataSource={board.reviews}
              columns={[
                { title: t('reviews.board.reviewers'), render: (_, r) => r.reviewer },
                ...board.rubric.map((c) => ({
                  title: `${bilingual(c.name).primary} (${c.weight})`,
                  render: (_: unknown, r: ReviewBoard['reviews'][number]) => `${r.scores[c.key]} / ${c.scale}`,
                })),
                { title: t('reviews.board.total'), render: (_, r) => r.totalPercent },
                { title: t('reviews.board.recommendation'), render: (_, r) => (r.recommendation ? t(`reviews.form.recommendations.${r.recommendation}`) : '') },
                { title: t('reviews.board.comment'), render: (_, r) => r.comment },
              ]}
              summary={() => (
                <Table.Summary.Row>
                  <Table.Summary.Cell index={0}>{t('reviews.board.spread')}</Table.Summary.Cell>
                  {board.rubric.map((c, i) => (
                    <Table.Summary.Cell key={c.key} index={i + 1}>
                      {spread.get(c.key) ? `${spread.get(c.key)!.max - spread.get(c.key)!.min} · ${t('reviews.board.mean')} ${spread.get(c.key)!.mean}` : ''}
                    </Table.Summary.Cell>
                  ))}
                  <Table.Summary.Cell index={board.rubric.length + 1} colSpan={3}>
                    {spread.get('total')
                      ? `${(spread.get('total')!.max - spread.get('total')!.min).toFixed(2)} · ${t('reviews.board.mean')} ${spread.get('total')!.mean}`
                      : ''}
                  </Table.Summary.Cell>
                </Table.Summary.Row>
              )}
            />
            <ScoreChart board={board} />
          </>
        )}
        {board.secondApprovalRequired && <Alert type="info" showIcon message={t('reviews.board.secondApproval')} />}
        {canDecide && <DecisionForm hub={hub} applicationId={application.id} secondApproval={board.secondApprovalRequired} onDecided={refresh} />}
      </Flex>
    </Card>
  );
}
