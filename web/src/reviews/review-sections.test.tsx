import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { HubRole } from '../../../contracts/auth';
import type { ApplicationDetail } from '../../../contracts/applications';
import type { ObligationFinding } from '../../../contracts/obligations';
import type { Award } from '../../../contracts/reviews';
import type { ReviewBoard } from '../api/reviews.api';
import { CapabilitiesLoaded, capabilitiesWith, fakeServerWith, type Grants, loading } from '../../test/capabilities';
import { renderInApp } from '../../test/render';
import { ApplicantDecision, ReviewSections } from './review-sections';

const id = '01a2373f-0000-7000-8000-000000000010';
const application: ApplicationDetail = {
  id,
  number: 'HZ-2026-000123',
  programId: '01a2373f-0000-7000-8000-000000000011',
  programVersion: 1,
  status: 'awarded',
  applicant: { type: 'organization', id: '01a2373f-0000-7000-8000-000000000012', name: null },
  answers: {},
  screening: { eligible: true, results: [] },
  benefit: null,
  refusal: null,
  amount: '20000000',
  createdAt: '2026-03-01T08:00:00.000Z',
  allowedActions: [],
};
const award: Award = {
  applicationId: id,
  status: 'awarded',
  amount: '20000000',
  paid: '20000000',
  clawedBack: '0',
  tranches: [],
  milestones: [],
  clawbacks: [],
  allowedActions: [],
};
const finding: ObligationFinding = {
  id: '01a2373f-0000-7000-8000-000000000013',
  reference: 'OB-000007',
  applicationId: id,
  programName: { zh: '算力券', en: 'Compute voucher' },
  applicantName: { zh: '云深处科技', en: 'DEEP Robotics' },
  obligation: { key: 'stay', kind: 'stay_registered', startsOn: '2026-03-01', endsOn: '2029-03-01', rule: 'all' },
  foundOn: '2026-11-01',
  evidence: { kind: 'graph_fact', summary: { zh: '注册地迁出本枢纽', en: 'Registered elsewhere' }, detail: {} },
  status: 'open',
  decisionReason: null,
  appealUntil: null,
  appealReason: null,
  recovery: null,
  actions: [],
};

function renderSections(grants: Grants, roles: HubRole[]) {
  fakeServerWith(capabilitiesWith(grants, roles), ({ path }) => {
    if (path === `/api/hubs/hangzhou/applications/${id}/award`) return { status: 200, body: award };
    if (path.startsWith('/api/hubs/hangzhou/obligation-findings')) return { status: 200, body: { items: [finding], next: null } };
    return undefined;
  });
  renderInApp(
    <>
      <ReviewSections hub="hangzhou" application={application} reviewed={false} fields={[]} />
      <CapabilitiesLoaded hub="hangzhou" />
    </>,
  );
}

describe('ReviewSections: the awardee’s own findings (follows the server’s capabilities, not roles)', () => {
  it('shows them under the application to someone who does not read every finding, though they hold a staff role', async () => {
    renderSections({ stations: { run: true } }, ['station_manager']);
    expect(await screen.findByText('资助后应履行的义务', undefined, loading)).toBeTruthy();
    expect(await screen.findByText('OB-000007', undefined, loading)).toBeTruthy();
  });

  it('leaves them to the findings desk for whoever reads every finding', async () => {
    renderSections({ obligations: { read: true } }, []);
    await screen.findByText('capabilities loaded', undefined, loading);
    // The award has loaded (the findings card would stand below it).
    expect(await screen.findByText('资助与拨付', undefined, loading)).toBeTruthy();
    expect(screen.queryByText('资助后应履行的义务')).toBeNull();
    expect(screen.queryByText('OB-000007')).toBeNull();
  });
});

describe('ApplicantDecision: the applicant’s list of decisions', () => {
  const board = {
    decisions: [
      { outcome: 'approve', reason: 'Strong reviews', decidedBy: null, at: '2026-03-02T08:00:00.000Z' },
      { outcome: 'second_approve', reason: 'Strong reviews', decidedBy: null, at: '2026-03-03T08:00:00.000Z' },
    ],
    reviews: [],
    rubric: [],
  } as unknown as ReviewBoard;

  it.each([
    ['zh-CN', '批准：Strong reviews', '第二次批准：Strong reviews'],
    ['en-US', 'Approve: Strong reviews', 'Second approval: Strong reviews'],
  ] as const)('names the second approval as such (%s)', (locale, first, second) => {
    renderInApp(<ApplicantDecision board={board} />, { locale });
    const lines = screen.getAllByRole('listitem').map((li) => li.textContent);
    expect(lines).toEqual([first, second]);
  });
});
