import { screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { ApplicationDetail } from '../../../contracts/applications';
import type { ReviewBoard } from '../../../contracts/reviews';
import { loading } from '../../test/capabilities';
import { fakeServer } from '../../test/fake-server';
import { renderInApp } from '../../test/render';
import { ReviewBoardCard } from './review-board.card';

// The chart draws on a canvas jsdom has not got; its words are not under test here.
vi.mock('./score-chart', () => ({ ScoreChart: () => null }));

const id = '01a2373f-0000-7000-8000-000000000030';
const application = { id, programId: '01a2373f-0000-7000-8000-000000000031', status: 'in_review', allowedActions: ['readReviewers'] } as ApplicationDetail;
const review = (reviewer: string, team: number, totalPercent: number) => ({
  reviewer,
  round: 1,
  scores: { team },
  totalPercent,
  comment: null,
  recommendation: 'approve' as const,
  submittedAt: '2026-03-05T08:00:00.000Z',
});
const board: ReviewBoard = {
  status: 'in_review',
  rubric: [{ key: 'team', name: { zh: '团队', en: 'Team' }, weight: 100, scale: 5 }],
  assignments: [
    { reviewerId: '01a2373f-0000-7000-8000-000000000032', reviewerName: 'Reviewer', round: 1, status: 'assigned', conflict: null },
    {
      reviewerId: '01a2373f-0000-7000-8000-000000000033',
      reviewerName: 'Reviewer Three',
      round: 1,
      status: 'conflicted',
      conflict: { kind: 'investor', relation: 'founded', organizationId: null, note: null },
    },
  ],
  reviews: [review('Reviewer', 4, 80), review('Reviewer Two', 3, 66)],
  spread: [
    { key: 'team', min: 3, max: 4, mean: 3.5 },
    { key: 'total', min: 66, max: 80, mean: 73 },
  ],
  decisions: [],
  secondApprovalRequired: false,
  approval: null,
};

const words = {
  'zh-CN': { reviewers: '评审人：', conflict: 'Reviewer Three：所在机构投资了申请方', total: '14 · 平均 73', team: '1 · 平均 3.5' },
  'en-US': { reviewers: 'Reviewers:', conflict: 'Reviewer Three: their organisation invested in the applicant', total: '14 · mean 73', team: '1 · mean 3.5' },
};

describe('ReviewBoardCard words and numbers', () => {
  it.each(['zh-CN', 'en-US'] as const)('writes labels with the language’s own colon and every score one way, no trailing zeros (%s)', async (locale) => {
    fakeServer(() => ({ status: 404, body: { error: { code: 'NOT_FOUND', message: 'not found' } } }));
    renderInApp(<ReviewBoardCard hub="hangzhou" application={application} board={board} />, { locale });
    const w = words[locale];
    expect(await screen.findByText(w.total, undefined, loading)).toBeTruthy();
    expect(screen.getByText(w.team)).toBeTruthy();
    expect(screen.queryByText(/14\.00/)).toBeNull();
    expect(screen.getByText(w.reviewers.trim())).toBeTruthy();
    expect(screen.getByTestId('conflict').textContent).toBe(w.conflict);
  });
});
