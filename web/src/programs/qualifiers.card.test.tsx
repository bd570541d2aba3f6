import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { ProgramAction } from '../../../contracts/allowed-actions';
import type { Program } from '../api/programs.api';
import type { ProgramMatch } from '../../../contracts/matches';
import { loading } from '../../test/capabilities';
import { fakeServer, type SeenRequest } from '../../test/fake-server';
import { renderInApp } from '../../test/render';
import { QualifiersCard } from './qualifiers.card';

const programId = '0190a0b0-0000-7000-8000-0000000000e1';
const match = {
  applicant: { kind: 'organization', id: '0190a0b0-0000-7000-8000-0000000000aa', name: { zh: '深度求索', en: 'DeepSeek' } },
  reasons: [],
  atApplication: [],
  matchedAt: '2026-03-01T08:00:00.000Z',
};
const programWith = (allowedActions: ProgramAction[]) => ({ id: programId, status: 'published', allowedActions }) as unknown as Program;

/** The matches read answers one qualifier; running matching answers counts. */
function server() {
  return fakeServer(({ method, path }) =>
    method === 'GET' && path.startsWith('/api/hubs/hangzhou/matches')
      ? { status: 200, body: { items: [match], next: null } }
      : method === 'POST' && path === '/api/hubs/hangzhou/matches/run'
        ? { status: 200, body: { programs: 1, applicants: 1, evaluations: 1, matches: 1, removed: 0, seconds: 0.01 } }
        : { status: 404, body: { error: { code: 'NOT_FOUND', message: 'not found' } } },
  );
}

describe('QualifiersCard (follows the program’s allowedActions)', () => {
  it.each([
    ['zh-CN', '立即匹配', '邀请他们申请'],
    ['en-US', 'Run matching now', 'Invite them to apply'],
  ] as const)('shows one who may only read (the hub’s auditor) who qualifies, with no run or invite button (%s)', async (locale, run, invite) => {
    server();
    renderInApp(<QualifiersCard hub="hangzhou" program={programWith(['readApplications'])} />, { locale });
    expect(await screen.findByText(locale === 'zh-CN' ? '深度求索' : 'DeepSeek')).toBeTruthy();
    expect(screen.queryByRole('button', { name: run })).toBeNull();
    expect(screen.queryByRole('button', { name: invite })).toBeNull();
  });

  it('offers running matching and inviting to whom the server lists them, and runs matching for this program', async () => {
    const seen = server();
    renderInApp(<QualifiersCard hub="hangzhou" program={programWith(['readApplications', 'runMatching', 'inviteMatched'])} />, { locale: 'en-US' });
    await screen.findByText('DeepSeek');
    expect(screen.getByRole('button', { name: 'Invite them to apply' })).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Run matching now' }));
    await vi.waitFor(() => expect(seen.find((r) => r.method === 'POST')).toMatchObject({ path: '/api/hubs/hangzhou/matches/run', body: { programId } }));
  });
});

const ownProgram = {
  id: '01a2373f-0000-7000-8000-0000000000e0',
  status: 'published',
  allowedActions: ['readApplications', 'runMatching', 'inviteMatched'],
} as unknown as Program;
const ownMatch: ProgramMatch = {
  program: { id: '01a2373f-0000-7000-8000-0000000000e0', name: { zh: '算力券', en: 'Compute voucher' }, kind: 'voucher', closesOn: '2026-12-31', version: 1 },
  applicant: { type: 'organization', id: '01a2373f-0000-7000-8000-0000000000e1', name: { zh: '云深处科技', en: 'DEEP Robotics' } },
  reasons: [],
  atApplication: [],
  matchedAt: '2026-12-01T08:00:00.000Z',
};
const words = {
  'zh-CN': {
    run: '立即匹配',
    invite: '邀请他们申请',
    ran: '已匹配：3 个结果，用时 0.50 秒',
    invited: '已邀请 1 位（此前未邀请过）；排队发送邮件 1 封',
    forbidden: '您没有执行此操作的权限。',
  },
  'en-US': {
    run: 'Run matching now',
    invite: 'Invite them to apply',
    ran: 'Matched: 3 results in 0.50 s',
    invited: 'Invited 1 (not invited before); 1 emails queued',
    forbidden: 'You are not allowed to do this.',
  },
};
type Locale = keyof typeof words;

function renderCard(write: (request: SeenRequest) => { status: number; body?: unknown }, locale: Locale) {
  const seen = fakeServer((request) => (request.method === 'POST' ? write(request) : { status: 200, body: { items: [ownMatch], next: null } }));
  renderInApp(<QualifiersCard hub="hangzhou" program={ownProgram} />, { locale });
  return () => seen.filter((r) => r.method === 'POST').map((r) => [r.path, r.body]);
}

describe('QualifiersCard: run matching or invite, one form on the one pattern', () => {
  it.each(['zh-CN', 'en-US'] as const)('runs matching for this program, then invites, each by its button (%s)', async (locale) => {
    const writes = renderCard(
      (r) => (r.path.endsWith('/matches/run') ? { status: 200, body: { matches: 3, seconds: 0.5 } } : { status: 200, body: { invited: 1, emailed: 1 } }),
      locale,
    );
    await screen.findByText(locale === 'zh-CN' ? '云深处科技' : 'DEEP Robotics', undefined, loading);
    await userEvent.click(screen.getByRole('button', { name: words[locale].run }));
    expect(await screen.findByText(words[locale].ran)).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: words[locale].invite }));
    expect(await screen.findByText(words[locale].invited)).toBeTruthy();
    expect(writes()).toEqual([
      ['/api/hubs/hangzhou/matches/run', { programId: ownProgram.id }],
      [`/api/hubs/hangzhou/programs/${ownProgram.id}/invitations`, undefined],
    ]);
  });

  it('shows a refusal in the card, and clears it when the next write succeeds', async () => {
    let first = true;
    renderCard(() => {
      const answer = first ? { status: 403, body: { error: { code: 'FORBIDDEN', message: 'x' } } } : { status: 200, body: { invited: 1, emailed: 1 } };
      first = false;
      return answer;
    }, 'en-US');
    await screen.findByText('DEEP Robotics', undefined, loading);
    await userEvent.click(screen.getByRole('button', { name: words['en-US'].invite }));
    await vi.waitFor(() => expect(document.querySelector('.ant-card .ant-alert-error')?.textContent).toContain(words['en-US'].forbidden));
    await userEvent.click(screen.getByRole('button', { name: words['en-US'].invite }));
    expect(await screen.findByText(words['en-US'].invited)).toBeTruthy();
    // The toast of the success is an alert too: the refusal is the card's error Alert.
    await vi.waitFor(() => expect(document.querySelector('.ant-alert-error')).toBeNull());
  });
});
