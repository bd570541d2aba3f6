import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { ApplicationAction } from '../../../contracts/allowed-actions';
import type { ApplicationDetail } from '../../../contracts/applications';
import type { HubRole } from '../../../contracts/auth';
import type { ReviewBoard } from '../../../contracts/reviews';
import { capabilitiesWith, fakeServerWith, type Grants, loading } from '../../test/capabilities';
import type { SeenRequest } from '../../test/fake-server';
import { renderInApp } from '../../test/render';
import { ReviewSections } from './review-sections';

const id = '01a2373f-0000-7000-8000-000000000020';
const application = (allowedActions: ApplicationAction[]): ApplicationDetail => ({
  id,
  number: 'HZ-2026-000124',
  programId: '01a2373f-0000-7000-8000-000000000021',
  programVersion: 1,
  status: 'in_review',
  applicant: { type: 'organization', id: '01a2373f-0000-7000-8000-000000000022', name: null },
  answers: {},
  screening: { eligible: true, results: [] },
  benefit: null,
  refusal: null,
  amount: '20000000',
  createdAt: '2026-03-01T08:00:00.000Z',
  allowedActions,
});
const board: ReviewBoard = {
  status: 'in_review',
  rubric: [{ key: 'team', name: { zh: '团队', en: 'Team' }, weight: 100, scale: 5 }],
  assignments: [{ reviewerId: '01a2373f-0000-7000-8000-000000000023', reviewerName: '张评审', round: 1, status: 'assigned', conflict: null }],
  reviews: [],
  spread: [],
  decisions: [{ outcome: 'return', reason: '请补充材料', decidedBy: null, at: '2026-03-05T08:00:00.000Z' }],
  secondApprovalRequired: false,
  approval: null,
};
const boardPath = `/api/hubs/hangzhou/applications/${id}/reviews`;
const assignPath = `/api/hubs/hangzhou/applications/${id}/reviewers`;

/** The sections under a reviewed application whose own allowedActions are `actions`; the hub grants and roles say otherwise. */
function renderSections(
  actions: ApplicationAction[],
  grants: Grants,
  roles: HubRole[],
  assign: () => { status: number; body?: unknown } = () => ({ status: 200, body: board }),
  locale: 'zh-CN' | 'en-US' = 'zh-CN',
) {
  const seen = fakeServerWith(capabilitiesWith(grants, roles), (request: SeenRequest) => {
    if (request.path === boardPath) return { status: 200, body: board };
    if (request.path === assignPath && request.method === 'POST') return assign();
    return undefined;
  });
  renderInApp(<ReviewSections hub="hangzhou" application={application(actions)} reviewed fields={[]} />, { locale });
  return seen;
}

const boardTitle = () => screen.queryByText('评审与决定');
const assignButton = () => screen.queryByRole('button', { name: '分配评审人' });
const decideButton = () => screen.queryByRole('button', { name: '提交决定' });

describe('ReviewBoardCard (follows the application’s allowedActions, not the hub’s capabilities or roles)', () => {
  it('is not shown, nor the reviewers, when the application does not list readReviewers, though the hub lets the caller decide', async () => {
    renderSections([], { applications: { decide: true } }, ['program_officer']);
    // The board has loaded: the applicant's side of it (the decision and its reason, with Chinese punctuation) stands instead.
    expect(await screen.findByText('退回修改：请补充材料', undefined, loading)).toBeTruthy();
    expect(boardTitle()).toBeNull();
    expect(screen.queryByText(/张评审/)).toBeNull();
    expect(assignButton()).toBeNull();
    expect(decideButton()).toBeNull();
  });

  it('shows the reviewers, but neither assigning nor deciding, when only readReviewers is listed, whatever the hub says', async () => {
    renderSections(['readReviewers'], { applications: { decide: true } }, ['program_officer']);
    expect(await screen.findByText(/张评审/, undefined, loading)).toBeTruthy();
    expect(boardTitle()).toBeTruthy();
    expect(assignButton()).toBeNull();
    expect(decideButton()).toBeNull();
  });

  it('offers the decision when decide is listed, though the hub grants nothing', async () => {
    renderSections(['readReviewers', 'decide'], {}, []);
    expect(await screen.findByRole('button', { name: '提交决定' }, loading)).toBeTruthy();
    expect(assignButton()).toBeNull();
  });

  it('assigns reviewers when assignReviewers is listed, and shows a refusal above the button', async () => {
    const seen = renderSections(['readReviewers', 'assignReviewers'], {}, [], () => ({
      status: 409,
      body: { error: { code: 'NOT_ENOUGH_REVIEWERS', message: 'not enough reviewers' } },
    }));
    await userEvent.click(await screen.findByRole('button', { name: '分配评审人' }, loading));
    await vi.waitFor(() => expect(seen.filter((r) => r.path === assignPath && r.method === 'POST')).toHaveLength(1));
    expect((await screen.findByRole('alert')).textContent).toContain('没有足够的无利益冲突的评审人');
    expect(decideButton()).toBeNull();
  });

  it.each([
    ['zh-CN', '分配评审人', '已分配评审人：王评审和李评审；因利益冲突回避：赵评审。', '已分配评审人：王评审。'],
    ['en-US', 'Assign reviewers', 'Assigned 王评审 and 李评审 to review; left out for a conflict of interest: 赵评审.', 'Assigned 王评审 to review.'],
  ] as const)('says after assigning who was assigned and who was left out for a conflict (%s)', async (locale, button, withConflict, plain) => {
    const reviewer = (n: number, reviewerName: string, round: number, status: 'assigned' | 'conflicted') => ({
      reviewerId: `01a2373f-0000-7000-8000-00000000003${n}`,
      reviewerName,
      round,
      status,
      conflict: status === 'conflicted' ? { kind: 'investor' as const, relation: null, organizationId: null, note: null } : null,
    });
    // The earlier round's reviewer is not among those just assigned.
    const assigned: ReviewBoard = {
      ...board,
      assignments: [
        reviewer(1, '张评审', 1, 'assigned'),
        reviewer(2, '王评审', 2, 'assigned'),
        reviewer(3, '赵评审', 2, 'conflicted'),
        reviewer(4, '李评审', 2, 'assigned'),
      ],
    };
    let answer = assigned;
    const seen = renderSections(['readReviewers', 'assignReviewers'], {}, [], () => ({ status: 200, body: answer }), locale);
    await userEvent.click(await screen.findByRole('button', { name: button }, loading));
    expect(await screen.findByText(withConflict)).toBeTruthy();
    answer = { ...board, assignments: [reviewer(2, '王评审', 1, 'assigned')] };
    await userEvent.click(screen.getByRole('button', { name: button }));
    expect(await screen.findByText(plain)).toBeTruthy();
    expect(seen.filter((r) => r.path === assignPath && r.method === 'POST')).toHaveLength(2);
  });
});
