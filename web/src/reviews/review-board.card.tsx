import { Alert, Card, Flex, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ItemList, ListItem } from '../layout/item-list';
import type { ApplicationDetail } from '../api/programs.api';
import type { ReviewBoard } from '../api/reviews.api';
import { allows } from '../auth/allows';
import { useBilingual } from '../i18n/use-bilingual';
import { useLocale } from '../i18n/locale-context';
import { AssignReviewersForm } from './assign-reviewers.form';
import { DecisionForm } from './decision.form';
import { ScoreChart } from './score-chart';
import { scoreText } from './score-text';
import { useRefreshApplication } from './use-reviews';

/**
 * The officer's side: assign reviewers, see who was excluded and why, scores side by side with
 * the spread, decide. Shown to whom the server lists `readReviewers`; its buttons follow the
 * application's `allowedActions` (assignReviewers, decide), never the status or a hub role.
 */
export function ReviewBoardCard({ hub, application, board }: { hub: string; application: ApplicationDetail; board: ReviewBoard }) {
  const { t } = useTranslation();
  const bilingual = useBilingual();
  const refresh = useRefreshApplication(hub, application.id);
  const conflicted = board.assignments.filter((a) => a.status === 'conflicted');
  const seated = board.assignments.filter((a) => a.status !== 'conflicted');
  const spread = new Map(board.spread.map((s) => [s.key, s]));
  const { locale } = useLocale();
  /** One criterion's (or the total's) spread and mean, written like every other score: no trailing zeros. */
  const spreadText = (key: string) => {
    const s = spread.get(key);
    return s ? t('reviews.board.spreadValue', { spread: scoreText(s.max - s.min, locale), mean: scoreText(s.mean, locale) }) : '';
  };

  return (
    <Card title={t('reviews.board.title')} data-testid="review-board">
      <Flex vertical gap={16}>
        {allows(application, 'assignReviewers') && <AssignReviewersForm hub={hub} applicationId={application.id} onAssigned={refresh} />}
        {seated.length > 0 && (
          <div>
            <Typography.Text strong>{t('reviews.board.reviewersOf')}</Typography.Text>
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
            title={t('reviews.board.conflicts')}
            description={
              <ItemList
                size="small"
                items={conflicted}
                renderItem={(a) => (
                  <ListItem data-testid="conflict">
                    {t('reviews.board.conflictLine', { name: a.reviewerName, kind: t(`reviews.board.conflictKinds.${a.conflict!.kind}`) })}
                    {a.conflict?.note ? t('reviews.board.conflictNote', { note: a.conflict.note }) : ''}
                  </ListItem>
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
                      {spreadText(c.key)}
                    </Table.Summary.Cell>
                  ))}
                  <Table.Summary.Cell index={board.rubric.length + 1} colSpan={3}>
                    {spreadText('total')}
                  </Table.Summary.Cell>
                </Table.Summary.Row>
              )}
            />
            <ScoreChart board={board} />
          </>
        )}
        {board.secondApprovalRequired && <Alert type="info" showIcon title={t('reviews.board.secondApproval')} />}
        {allows(application, 'decide') && (
          <DecisionForm hub={hub} applicationId={application.id} secondApproval={board.secondApprovalRequired} approval={board.approval} onDecided={refresh} />
        )}
      </Flex>
    </Card>
  );
}
