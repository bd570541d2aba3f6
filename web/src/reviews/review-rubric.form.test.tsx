import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { fakeServer } from '../../test/fake-server';
import { renderInApp } from '../../test/render';
import type { ReviewItem } from '../api/reviews.api';
import { ConflictModal } from './conflict.modal';
import { ReviewRubricForm } from './review-rubric.form';

const item = {
  applicationId: 'a1',
  rubric: [
    { key: 'team', name: { zh: '团队', en: 'Team' }, weight: 60, scale: 5 },
    { key: 'market', name: { zh: '市场', en: 'Market' }, weight: 40, scale: 5 },
  ],
} as ReviewItem;

const labels = {
  'zh-CN': {
    submit: '提交评审',
    score: '请为每一项打分。',
    reason: '与申请人的关系',
    required: '此项必填。',
    team: '团队',
    market: '市场',
    recommendation: '建议',
    choose: '请选择您的建议。',
    approve: '建议批准',
  },
  'en-US': {
    submit: 'Submit review',
    score: 'Score every criterion.',
    reason: 'Your tie to the applicant',
    required: 'This field is required.',
    team: 'Team',
    market: 'Market',
    recommendation: 'Recommendation',
    choose: 'Choose your recommendation.',
    approve: 'Approve',
  },
};

/** Clicks the n-th star (1-based) of a criterion's Rate, found by the criterion's name. */
const star = async (name: string, n: number) => userEvent.click(within(screen.getByLabelText(name)).getAllByRole('radio')[n - 1]!);
const itemOf = (label: string) => screen.getByText(label, { selector: 'label' }).closest('.ant-form-item')!;

describe('ReviewRubricForm (a reviewer scores)', () => {
  it.each(['zh-CN', 'en-US'] as const)('asks for every score before sending (%s)', async (locale) => {
    const seen = fakeServer(() => ({ status: 200, body: {} }));
    renderInApp(<ReviewRubricForm hub="hangzhou" item={item} onSubmitted={vi.fn()} onConflict={vi.fn()} />, { locale });
    await star(labels[locale].team, 4);
    await userEvent.click(screen.getByRole('button', { name: labels[locale].submit }));
    await vi.waitFor(() => expect(screen.getByLabelText(labels[locale].market).closest('.ant-form-item')!.textContent).toContain(labels[locale].score));
    expect(screen.getByLabelText(labels[locale].team).closest('.ant-form-item')!.textContent).not.toContain(labels[locale].score);
    expect(seen).toHaveLength(0);
  });

  it.each(['zh-CN', 'en-US'] as const)('counts a cleared score as not set (%s)', async (locale) => {
    const seen = fakeServer(() => ({ status: 200, body: {} }));
    renderInApp(<ReviewRubricForm hub="hangzhou" item={item} onSubmitted={vi.fn()} onConflict={vi.fn()} />, { locale });
    await star(labels[locale].team, 4);
    await star(labels[locale].team, 4); // the same star again clears it
    await star(labels[locale].market, 3);
    await userEvent.click(screen.getByLabelText(labels[locale].approve));
    await userEvent.click(screen.getByRole('button', { name: labels[locale].submit }));
    await vi.waitFor(() => expect(screen.getByLabelText(labels[locale].team).closest('.ant-form-item')!.textContent).toContain(labels[locale].score));
    expect(seen).toHaveLength(0);
  });

  it.each(['zh-CN', 'en-US'] as const)('chooses no recommendation for the reviewer and asks for one (%s)', async (locale) => {
    const seen = fakeServer(() => ({ status: 200, body: {} }));
    renderInApp(<ReviewRubricForm hub="hangzhou" item={item} onSubmitted={vi.fn()} onConflict={vi.fn()} />, { locale });
    expect((screen.getByLabelText(labels[locale].approve) as HTMLInputElement).checked).toBe(false);
    await star(labels[locale].team, 4);
    await star(labels[locale].market, 3);
    await userEvent.click(screen.getByRole('button', { name: labels[locale].submit }));
    await vi.waitFor(() => expect(itemOf(labels[locale].recommendation).textContent).toContain(labels[locale].choose));
    expect(seen).toHaveLength(0);
  });

  it('sends the scores, the trimmed comment and the recommendation', async () => {
    const seen = fakeServer(() => ({ status: 201, body: {} }));
    const onSubmitted = vi.fn(async () => undefined);
    renderInApp(<ReviewRubricForm hub="hangzhou" item={item} onSubmitted={onSubmitted} onConflict={vi.fn()} />, { locale: 'en-US' });
    await star('Team', 4);
    await star('Market', 2);
    await userEvent.type(screen.getByLabelText('Comment'), ' Strong team ');
    await userEvent.click(screen.getByLabelText('Return for changes'));
    await userEvent.click(screen.getByRole('button', { name: 'Submit review' }));
    await vi.waitFor(() => expect(onSubmitted).toHaveBeenCalled());
    expect(seen.map((r) => [r.method, r.path])).toEqual([['POST', '/api/hubs/hangzhou/applications/a1/reviews']]);
    expect(seen[0]!.body).toEqual({ scores: { team: 4, market: 2 }, comment: 'Strong team', recommendation: 'return' });
  });
});

describe('ConflictModal (a reviewer declares a tie)', () => {
  it.each(['zh-CN', 'en-US'] as const)('asks for the tie before sending (%s)', async (locale) => {
    const seen = fakeServer(() => ({ status: 200, body: {} }));
    renderInApp(<ConflictModal hub="hangzhou" applicationId="a1" open onClose={vi.fn()} onDeclared={vi.fn()} />, { locale });
    const dialog = await screen.findByRole('dialog');
    await userEvent.click(within(dialog).getAllByRole('button').at(-1)!);
    await vi.waitFor(() =>
      expect(within(dialog).getByLabelText(labels[locale].reason).closest('.ant-form-item')!.textContent).toContain(labels[locale].required),
    );
    expect(seen).toHaveLength(0);
  });

  it('declares the conflict with the reason', async () => {
    const seen = fakeServer(() => ({ status: 200, body: { status: 'conflicted' } }));
    const onDeclared = vi.fn(async () => undefined);
    renderInApp(<ConflictModal hub="hangzhou" applicationId="a1" open onClose={vi.fn()} onDeclared={onDeclared} />);
    const dialog = await screen.findByRole('dialog');
    await userEvent.type(within(dialog).getByLabelText(labels['zh-CN'].reason), '我曾在该公司任职');
    await userEvent.click(within(dialog).getAllByRole('button').at(-1)!);
    await vi.waitFor(() => expect(onDeclared).toHaveBeenCalled());
    expect(seen.map((r) => [r.method, r.path, r.body])).toEqual([['POST', '/api/hubs/hangzhou/applications/a1/conflicts', { reason: '我曾在该公司任职' }]]);
  });
});
