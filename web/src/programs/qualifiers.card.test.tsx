import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { ProgramAction } from '../../../contracts/allowed-actions';
import type { Program } from '../api/programs.api';
import { fakeServer } from '../../test/fake-server';
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
