import { screen, within } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import type { ApplicationDetail } from '../../../contracts/applications';
import type { ReviewBoard } from '../../../contracts/reviews';
import { benefitFormulaSchema } from '../../../contracts/programs';
import { capabilitiesWith, fakeServerWith, loading, type Grants } from '../../test/capabilities';
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

  describe('a criterion the engine could not judge', () => {
    const engineText = 'No such key: headcount';
    const screening: ApplicationDetail['screening'] = {
      eligible: false,
      results: [{ key: 'staff_size', name: { zh: '员工人数', en: 'Head count' }, passed: false, reason: null, error: engineText }],
    };
    function renderJudged(locale: 'zh-CN' | 'en-US', grants: Grants) {
      fakeServerWith(capabilitiesWith(grants), ({ path }) => {
        if (path === `/api/hubs/hangzhou/applications/${id}`) return { status: 200, body: { ...application, status: 'refused', screening, amount: null } };
        if (path === `/api/hubs/hangzhou/programs/${programId}`) return { status: 200, body: program };
        if (path === `/api/hubs/hangzhou/applications/${id}/reviews`) return { status: 200, body: board(false) };
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

    it.each([
      ['zh-CN', '根据现有记录，无法判定是否满足此项条件。'],
      ['en-US', 'This criterion could not be judged from the records on file.'],
    ] as const)('tells the applicant in words, never the engine’s text (%s)', async (locale, sentence) => {
      renderJudged(locale, { applications: { submit: true } });
      const line = await screen.findByTestId('criterion-not-judged', undefined, loading);
      expect(line.textContent).toBe(sentence);
      expect(document.body.textContent).not.toContain(engineText);
      expect(document.body.textContent).not.toContain('headcount');
    });

    it('keeps the engine’s detail for staff who decide on applications', async () => {
      renderJudged('en-US', { applications: { listAll: true, decide: true } });
      const line = await screen.findByText(`Could not be decided: ${engineText}`, undefined, loading);
      expect(line.dataset.testid).toBe('criterion-not-judged');
    });
  });

  it.each([
    ['zh-CN', '报告“首年进展报告”通过后拨付'],
    ['en-US', 'Paid once the report “First-year progress report” is accepted'],
  ] as const)('names the report a tranche waits for, never its key (%s)', async (locale, text) => {
    const benefit = {
      lines: [],
      tranches: [
        { amount: '150000000', shareBasisPoints: 5000, condition: null },
        { amount: '150000000', shareBasisPoints: 5000, condition: { kind: 'milestone_accepted', milestone: 'year_one' } },
      ],
    };
    const ruleOnly = {
      ...program,
      mode: 'rule_only',
      milestones: [{ key: 'year_one', name: { zh: '首年进展报告', en: 'First-year progress report' }, dueAfterMonths: 12 }],
    };
    fakeServerWith(capabilitiesWith({ applications: { submit: true } }), ({ path }) => {
      if (path === `/api/hubs/hangzhou/applications/${id}`) return { status: 200, body: { ...application, benefit } };
      if (path === `/api/hubs/hangzhou/programs/${programId}`) return { status: 200, body: ruleOnly };
      if (path === `/api/hubs/hangzhou/applications/${id}/reviews`) return { status: 200, body: board(false) };
      if (path === `/api/hubs/hangzhou/applications/${id}/history`) return { status: 200, body: { items: [] } };
      return undefined;
    });
    renderInApp(
      <Routes>
        <Route path="/hubs/:hub/applications/:id" element={<ApplicationResultPage />} />
      </Routes>,
      { path: `/hubs/hangzhou/applications/${id}`, locale },
    );
    expect(await screen.findByText(text, undefined, loading)).toBeTruthy();
    expect(document.body.textContent).not.toContain('year_one');
  });
});
