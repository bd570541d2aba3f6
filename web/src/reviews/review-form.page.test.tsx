import { screen, within } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import type { ReviewItem } from '../api/reviews.api';
import { loading } from '../../test/capabilities';
import { fakeServer } from '../../test/fake-server';
import { renderInApp } from '../../test/render';
import { answerWords, fileId, formFields, storedAnswers } from '../programs/answers.fixture';
import { ReviewFormPage } from './review-form.page';

const id = '01a2373f-0000-7000-8000-0000000000b1';
const programId = '01a2373f-0000-7000-8000-0000000000b2';
const item: ReviewItem = {
  applicationId: id,
  applicationNumber: 'HZ-2026-000002',
  programId,
  programName: { zh: '重大研发项目资助', en: 'Major AI R&D grant' },
  applicantName: { zh: '钱塘具身智能', en: 'Qiantang Embodied AI' },
  status: 'in_review',
  round: 1,
  assignment: 'submitted',
  answers: storedAnswers,
  changes: [{ key: 'budget_total', before: '500000000', after: '800000000' }],
  rubric: [],
};

function renderPage(locale: 'zh-CN' | 'en-US') {
  fakeServer(({ path }) =>
    path === `/api/hubs/hangzhou/review-queue/${id}`
      ? { status: 200, body: item }
      : path === `/api/hubs/hangzhou/programs/${programId}`
        ? { status: 200, body: { id: programId, form: formFields } }
        : { status: 404, body: { error: { code: 'NOT_FOUND', message: 'not found' } } },
  );
  renderInApp(
    <Routes>
      <Route path="/hubs/:hub/reviews/:id" element={<ReviewFormPage />} />
    </Routes>,
    { path: `/hubs/hangzhou/reviews/${id}`, locale },
  );
}

const changed = { 'zh-CN': ['500万元', '800万元'], 'en-US': ['CNY 5,000,000', 'CNY 8,000,000'] };

describe('ReviewFormPage (what the reviewer reads)', () => {
  it.each(['zh-CN', 'en-US'] as const)('shows each answer under its field’s label, read by its type, and what changed the same way (%s)', async (locale) => {
    renderPage(locale);
    const w = answerWords[locale];
    await screen.findAllByText(w.rows[1][0], undefined, loading);
    const card = screen.getByTestId('answers');
    for (const [label, value] of w.rows) expect(within(card).getByText(label).closest('tr')!.textContent).toContain(value);
    expect(within(card).getByRole('link', { name: w.file }).getAttribute('href')).toBe(`/api/hubs/hangzhou/applications/${id}/files/${fileId}`);
    const page = document.body.textContent!;
    expect(page).not.toMatch(/budget_total|800000000|500000000/);
    for (const money of changed[locale]) expect(page).toContain(money);
  });
});
