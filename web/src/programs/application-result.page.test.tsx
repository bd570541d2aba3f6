import { screen, within } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import type { ApplicationDetail } from '../../../contracts/applications';
import type { ReviewBoard } from '../../../contracts/reviews';
import { benefitFormulaSchema } from '../../../contracts/programs';
import { capabilitiesWith, fakeServerWith, loading } from '../../test/capabilities';
import { renderInApp } from '../../test/render';
import { answerWords, fileId, formFields, storedAnswers } from './answers.fixture';
import { ApplicationResultPage } from './application-result.page';

const id = '01a2373f-0000-7000-8000-0000000000a1';
const programId = '01a2373f-0000-7000-8000-0000000000a2';
const application: ApplicationDetail = {
  id,
  number: 'HZ-2026-000002',
  programId,
  programVersion: 1,
  status: 'approved',
  applicant: { type: 'organization', id: '01a2373f-0000-7000-8000-0000000000a3', name: null },
  answers: storedAnswers,
  screening: { eligible: true, results: [] },
  benefit: null,
  refusal: null,
  amount: '300000000',
  createdAt: '2026-12-06T12:39:00.000Z',
  allowedActions: [],
};
const program = {
  id: programId,
  hub: 'hangzhou',
  name: { zh: '重大研发项目资助', en: 'Major AI R&D grant' },
  mode: 'reviewed',
  form: formFields,
  milestones: [],
  benefit: benefitFormulaSchema.parse({ type: 'fixed', amount: '300000000' }),
  allowedActions: [],
};
const board = (secondApprovalRequired: boolean): ReviewBoard => ({
  status: 'approved',
  rubric: [],
  assignments: [],
  reviews: [],
  spread: [],
  decisions: [],
  secondApprovalRequired,
  approval: null,
});

function renderPage(
  locale: 'zh-CN' | 'en-US',
  secondApprovalRequired = true,
  applicantName: { zh: string; en: string } | null = null,
  applicationStatus: ApplicationDetail['status'] = application.status,
) {
  fakeServerWith(capabilitiesWith({}), ({ path }) => {
    if (path === `/api/hubs/hangzhou/applications/${id}`)
      return { status: 200, body: { ...application, status: applicationStatus, applicant: { ...application.applicant, name: applicantName } } };
    if (path === `/api/hubs/hangzhou/programs/${programId}`) return { status: 200, body: program };
    if (path === `/api/hubs/hangzhou/applications/${id}/reviews`) return { status: 200, body: board(secondApprovalRequired) };
    if (path === `/api/hubs/hangzhou/applications/${id}/history`) return { status: 200, body: { items: [] } };
    return undefined;
  });
  renderInApp(
    <Routes>
      <Route path="/hubs/:hub/applications/:id" element={<ApplicationResultPage />} />
    </Routes>,
    { path: `/hubs/hangzhou/applications/${id}`, locale },
  );
}

const status = {
  'zh-CN': { waiting: '待第二位官员批准', approved: '已批准' },
  'en-US': { waiting: 'Awaiting a second approval', approved: 'Approved' },
};

describe('ApplicationResultPage', () => {
  it.each(['zh-CN', 'en-US'] as const)('shows what was submitted, each answer under its label and read by its type (%s)', async (locale) => {
    renderPage(locale);
    const w = answerWords[locale];
    await screen.findByText(w.rows[0][0], undefined, loading);
    const card = screen.getByText(w.title).closest('.ant-card') as HTMLElement;
    for (const [label, value] of w.rows) {
      const row = within(card).getByText(label).closest('tr')!;
      expect(row.textContent).toContain(value);
    }
    expect(within(card).getByRole('link', { name: w.file }).getAttribute('href')).toBe(`/api/hubs/hangzhou/applications/${id}/files/${fileId}`);
    expect(card.textContent).not.toMatch(/budget_total|800000000|prototype/);
  });

  it.each(['zh-CN', 'en-US'] as const)('says an approval still waiting for its second officer is not approved yet (%s)', async (locale) => {
    renderPage(locale);
    const heading = await screen.findByRole('heading', { level: 1, name: new RegExp(status[locale].waiting) }, loading);
    expect(heading.textContent).not.toContain(status[locale].approved);
    expect(document.querySelector('.ant-result-success')).toBeNull();
    expect(screen.queryByText(status[locale].approved, { exact: true })).toBeNull();
  });

  it.each(['zh-CN', 'en-US'] as const)('names the applicant in the header, in the page’s language (%s)', async (locale) => {
    renderPage(locale, true, { zh: '深度求索', en: 'DeepSeek' });
    const name = await screen.findByTestId('applicant-name', undefined, loading);
    expect(name.textContent).toBe(locale === 'zh-CN' ? '深度求索' : 'DeepSeek');
    expect(name.closest('.ant-result-subtitle')?.textContent).toContain('HZ-2026-000002');
    // The number stays on one line in a narrow header.
    expect(screen.getByTestId('application-number').style.whiteSpace).toBe('nowrap');
  });

  it.each([
    ['zh-CN', '已提交，待评审'],
    ['en-US', 'Submitted, waiting for review'],
  ] as const)('shows a submitted application with a neutral clock, not a warning "!" (%s)', async (locale, text) => {
    renderPage(locale, false, null, 'submitted');
    expect(await screen.findByRole('heading', { level: 1, name: text }, loading)).toBeTruthy();
    const icon = document.querySelector('.ant-result-icon')!;
    expect(within(icon as HTMLElement).getByTestId('waiting-icon')).toBeTruthy();
    expect(icon.querySelector('.anticon-exclamation-circle')).toBeNull();
  });

  it('keeps a gap between the two buttons, which wrap on a phone', async () => {
    renderPage('en-US', false);
    const actions = await screen.findByTestId('result-actions', undefined, loading);
    expect(within(actions).getByRole('button', { name: 'Back to the program' })).toBeTruthy();
    expect(within(actions).getByRole('button', { name: 'My applications' })).toBeTruthy();
    expect(actions.style.gap).toBe('8px');
    expect(actions.className).toContain('ant-flex-wrap-wrap');
  });

  it('says approved once no second approval is outstanding', async () => {
    renderPage('en-US', false);
    expect(await screen.findByRole('heading', { level: 1, name: /^Approved/ }, loading)).toBeTruthy();
  });
});
