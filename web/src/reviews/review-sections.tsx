import { Button, Card, Flex, Table } from 'antd';
import { useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { ItemList, ListItem } from '../layout/item-list';
import type { ApplicationDetail } from '../api/programs.api';
import type { FormField } from '../../../contracts/programs';
import type { ReviewBoard } from '../api/reviews.api';
import { allows } from '../auth/allows';
import { useBilingual } from '../i18n/use-bilingual';
import { OutcomeReportsCard } from '../obligations/outcome-reports.card';
import { OwnFindingsCard } from '../obligations/own-findings.card';
import { ApplicantActionModal, type ApplicantAction } from './applicant-action.modal';
import { AwardCard } from './award.card';
import { HistoryCard } from './history.card';
import { ResubmitCard } from './resubmit.card';
import { ReviewBoardCard } from './review-board.card';
import { useAward, useRefreshApplication, useReviewBoard, useReviewPowers } from './use-reviews';

const awardStates = ['approved', 'awarded', 'in_payment', 'closed'];

/** Below an application: the officer's review board, or the applicant's decision, scores and actions; and the award. */
export function ReviewSections({
  hub,
  application,
  reviewed,
  fields,
}: {
  hub: string;
  application: ApplicationDetail;
  reviewed: boolean;
  fields: readonly FormField[];
}) {
  const { readsAllFindings } = useReviewPowers(hub);
  const board = useReviewBoard(hub, application.id);
  const award = useAward(hub, application.id, awardStates.includes(application.status));
  return (
    <>
      {reviewed &&
        board.data &&
        (allows(application, 'readReviewers') ? (
          <ReviewBoardCard hub={hub} application={application} board={board.data} />
        ) : (
          <ApplicantDecision board={board.data} />
        ))}
      {allows(application, 'resubmit') && <ResubmitCard hub={hub} application={application} fields={fields} />}
      <ApplicantActions hub={hub} application={application} />
      {award.data && <AwardCard hub={hub} award={award.data} />}
      {award.data && !readsAllFindings && <OwnFindingsCard hub={hub} applicationId={application.id} />}
      {award.data && <OutcomeReportsCard hub={hub} applicationId={application.id} />}
      <HistoryCard hub={hub} applicationId={application.id} />
    </>
  );
}

/** A decision's outcome in words: the second officer's approval is named as such, not as a second "Approve". */
function outcomeText(outcome: string, t: TFunction) {
  if (outcome === 'second_approve' || outcome === 'second_reject') return t(`reviews.applicant.secondOutcomes.${outcome}`);
  return t(`reviews.board.outcomes.${outcome as 'approve'}`);
}

/** The applicant sees the reasons and, if the program allows, the scores: never who gave them. */
export function ApplicantDecision({ board }: { board: ReviewBoard }) {
  const { t } = useTranslation();
  const bilingual = useBilingual();
  if (!board.decisions.length && !board.reviews.length) return null;
  return (
    <Card title={t('reviews.applicant.decision')}>
      <ItemList
        items={board.decisions}
        renderItem={(d) => <ListItem>{t('reviews.applicant.decisionLine', { outcome: outcomeText(d.outcome, t), reason: d.reason })}</ListItem>}
      />
      {board.reviews.length > 0 && (
        <Table
          title={() => t('reviews.applicant.scores')}
          size="small"
          pagination={false}
          rowKey={(_, i) => String(i)}
          dataSource={board.reviews}
          columns={[
            { title: '#', render: (_, __, i) => i + 1 },
            ...board.rubric.map((c) => ({
              title: bilingual(c.name).primary,
              render: (_: unknown, r: ReviewBoard['reviews'][number]) => `${r.scores[c.key]} / ${c.scale}`,
            })),
            { title: t('reviews.board.total'), render: (_, r) => r.totalPercent },
          ]}
        />
      )}
    </Card>
  );
}

/** Appeal a rejection; withdraw before a decision: each opens its dialog. */
function ApplicantActions({ hub, application }: { hub: string; application: ApplicationDetail }) {
  const { t } = useTranslation();
  const refresh = useRefreshApplication(hub, application.id);
  const [action, setAction] = useState<ApplicantAction | null>(null);
  const canAppeal = allows(application, 'appeal');
  const canWithdraw = allows(application, 'withdraw');
  if (!canAppeal && !canWithdraw) return null;
  return (
    <Flex gap={8}>
      {canAppeal && <Button onClick={() => setAction('appeal')}>{t('reviews.applicant.appeal')}</Button>}
      {canWithdraw && (
        <Button danger onClick={() => setAction('withdraw')}>
          {t('reviews.applicant.withdraw')}
        </Button>
      )}
      {action && <ApplicantActionModal hub={hub} applicationId={application.id} action={action} onClose={() => setAction(null)} onDone={refresh} />}
    </Flex>
  );
}
