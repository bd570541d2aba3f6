import { screen, waitFor } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import type { ProgramAction } from '../../../contracts/allowed-actions';
import { benefitFormulaSchema } from '../../../contracts/programs';
import { loading } from '../../test/capabilities';
import { fakeServer } from '../../test/fake-server';
import { renderInApp } from '../../test/render';
import { ProgramPage } from './program.page';

const programId = '0190a0b0-0000-7000-8000-0000000000e1';
const programWith = (allowedActions: ProgramAction[]) => ({
  id: programId,
  hub: 'hangzhou',
  name: { zh: '算力券', en: 'Compute voucher' },
  description: { zh: '为企业提供算力补贴。', en: 'Compute for companies.' },
  status: 'published',
  window: { opensOn: '2000-01-01', closesOn: '2999-12-31' },
  applicantType: 'organization',
  mode: 'reviewed',
  benefit: benefitFormulaSchema.parse({ type: 'fixed', amount: '1000000' }),
  form: [],
  criteria: [],
  budgetLeft: null,
  allowedActions,
});

/** Signed in; the program answers with the actions the server lists for this person. */
function renderProgram(allowedActions: ProgramAction[], locale: 'zh-CN' | 'en-US' = 'zh-CN') {
  fakeServer(({ path }) =>
    path === '/api/me'
      ? { status: 200, body: { user: { id: 'u', name: 'Auditor', email: 'auditor@hangzhou.demo' }, organizations: [] } }
      : path === `/api/hubs/hangzhou/programs/${programId}`
        ? { status: 200, body: programWith(allowedActions) }
        : { status: 404, body: { error: { code: 'NOT_FOUND', message: 'not found' } } },
  );
  renderInApp(
    <Routes>
      <Route path="/hubs/:hub/programs/:id" element={<ProgramPage />} />
    </Routes>,
    { path: `/hubs/hangzhou/programs/${programId}`, locale },
  );
}

// antd spaces out a two-character Chinese label (申 请).
const named = (label: string) => new RegExp(`^${[...label].join('\\s?')}$`);
const labels = {
  'zh-CN': { title: '算力券', tab: '申请记录', signIn: '登录后申请', buttons: ['申请', '编辑', '发布'] },
  'en-US': { title: 'Compute voucher', tab: 'Applications', signIn: 'Sign in to apply', buttons: ['Apply', 'Edit', 'Publish'] },
} as const;

describe('ProgramPage header (follows the program’s allowedActions)', () => {
  it.each(['zh-CN', 'en-US'] as const)(
    'shows one who may only read it (the hub’s auditor) its tabs and no apply, edit or publish button (%s)',
    async (locale) => {
      renderProgram(['readApplications'], locale);
      const l = labels[locale];
      expect(await screen.findByRole('heading', { name: l.title }, loading)).toBeTruthy();
      // One language: the program's name in the other is not shown under it.
      expect(screen.queryByText(locale === 'zh-CN' ? 'Compute voucher' : '算力券')).toBeNull();
      expect(screen.getByRole('tab', { name: l.tab })).toBeTruthy();
      // Signed in once "sign in to apply" has gone: only then is a missing button the page's choice.
      await waitFor(() => expect(screen.queryByRole('button', { name: l.signIn })).toBeNull(), loading);
      for (const name of l.buttons) expect(screen.queryByRole('button', { name: named(name) })).toBeNull();
    },
  );

  it('offers applying to whom the server lets apply', async () => {
    renderProgram(['apply']);
    expect(await screen.findByRole('button', { name: named('申请') }, loading)).toBeTruthy();
    expect(screen.queryByRole('button', { name: named('编辑') })).toBeNull();
  });
});
