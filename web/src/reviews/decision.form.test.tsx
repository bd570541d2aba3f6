import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { ReviewBoard } from '../api/reviews.api';
import { fakeServer, validationFailed } from '../../test/fake-server';
import { renderInApp } from '../../test/render';
import { DecisionForm } from './decision.form';

const labels = {
  'zh-CN': {
    outcome: '决定',
    approve: '批准',
    reason: '理由（申请人可见）',
    reject: '不予批准',
    submit: '提交决定',
    required: '此项必填。',
    choose: '请选择决定。',
    tooLong: '内容太长。',
    pays: '批准并拨付第 1 笔 120万元？',
    paysRest: '资助总额 300万元，其余各笔按拨付条件支付。',
    second: '批准 300万元，并交第二位官员复核？',
    cancel: '取 消',
  },
  'en-US': {
    outcome: 'Decision',
    approve: 'Approve',
    reason: 'Reason (the applicant sees it)',
    reject: 'Reject',
    submit: 'Record the decision',
    required: 'This field is required.',
    choose: 'Choose a decision.',
    tooLong: 'Too long.',
    pays: 'Approve and pay tranche 1, CNY 1,200,000?',
    paysRest: 'The award is CNY 3,000,000; the other tranches are paid when their conditions are met.',
    second: 'Approve CNY 3,000,000 and pass it to a second officer?',
    cancel: 'Cancel',
  },
};

/** What approving does, as the server says: the award made and tranche 1 paid, or a second officer's turn. */
const pays: ReviewBoard['approval'] = { amount: '300000000', toSecondApprover: false, onNotice: false, paidNow: [{ seq: 1, amount: '120000000' }] };
const toSecond: ReviewBoard['approval'] = { amount: '300000000', toSecondApprover: true, onNotice: false, paidNow: [] };

const fieldOf = (label: string) => screen.getByLabelText(label).closest('.ant-form-item')!;
const form = (approval: ReviewBoard['approval'] = pays, onDecided = vi.fn(async () => undefined), secondApproval = false) => (
  <DecisionForm hub="hangzhou" applicationId="a1" secondApproval={secondApproval} approval={approval} onDecided={onDecided} />
);

describe('DecisionForm (an officer decides)', () => {
  it.each(['zh-CN', 'en-US'] as const)('asks for a reason before sending (%s)', async (locale) => {
    const seen = fakeServer(() => ({ status: 200, body: {} }));
    renderInApp(form(), { locale });
    await userEvent.type(screen.getByLabelText(labels[locale].reason), '   ');
    await userEvent.click(screen.getByRole('button', { name: labels[locale].submit }));
    await vi.waitFor(() => expect(fieldOf(labels[locale].reason).textContent).toContain(labels[locale].required));
    expect(seen).toHaveLength(0);
  });

  it.each(['zh-CN', 'en-US'] as const)('chooses nothing for the officer and asks for a decision (%s)', async (locale) => {
    const seen = fakeServer(() => ({ status: 200, body: {} }));
    renderInApp(form(), { locale });
    expect(screen.getAllByRole('radio').map((r) => (r as HTMLInputElement).checked)).toEqual([false, false, false]);
    await userEvent.type(screen.getByLabelText(labels[locale].reason), 'Strong scores');
    await userEvent.click(screen.getByRole('button', { name: labels[locale].submit }));
    const outcome = await screen.findByText(labels[locale].choose);
    expect(outcome.closest('.ant-form-item')!.textContent).toContain(labels[locale].outcome);
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(seen).toHaveLength(0);
  });

  it.each(['zh-CN', 'en-US'] as const)('asks before an approval that pays, naming the tranche and amount; cancelled, nothing is sent (%s)', async (locale) => {
    const seen = fakeServer(() => ({ status: 200, body: {} }));
    const onDecided = vi.fn(async () => undefined);
    renderInApp(form(pays, onDecided), { locale });
    await userEvent.click(screen.getByLabelText(labels[locale].approve));
    await userEvent.type(screen.getByLabelText(labels[locale].reason), 'Strong scores');
    await userEvent.click(screen.getByRole('button', { name: labels[locale].submit }));
    const dialog = await screen.findByRole('dialog');
    expect(dialog.textContent).toContain(labels[locale].pays);
    expect(dialog.textContent).toContain(labels[locale].paysRest);
    await userEvent.click(within(dialog).getByRole('button', { name: labels[locale].cancel }));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(seen).toHaveLength(0);
    expect(onDecided).not.toHaveBeenCalled();
  });

  it('approves once confirmed, with an idempotency key', async () => {
    const seen = fakeServer(() => ({ status: 200, body: {} }));
    const onDecided = vi.fn(async () => undefined);
    renderInApp(form(pays, onDecided));
    await userEvent.click(screen.getByLabelText(labels['zh-CN'].approve));
    await userEvent.type(screen.getByLabelText(labels['zh-CN'].reason), ' 评审一致建议批准 ');
    await userEvent.click(screen.getByRole('button', { name: labels['zh-CN'].submit }));
    const dialog = await screen.findByRole('dialog');
    await userEvent.click(within(dialog).getByRole('button', { name: /批\s?准/ }));
    await vi.waitFor(() => expect(onDecided).toHaveBeenCalled());
    expect(seen.map((r) => [r.method, r.path, r.body])).toEqual([
      ['POST', '/api/hubs/hangzhou/applications/a1/decision', { outcome: 'approve', reason: '评审一致建议批准' }],
    ]);
    expect(seen[0]!.headers.get('idempotency-key')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it.each(['zh-CN', 'en-US'] as const)('says an approval above the threshold goes to a second officer (%s)', async (locale) => {
    fakeServer(() => ({ status: 200, body: {} }));
    renderInApp(form(toSecond), { locale });
    await userEvent.click(screen.getByLabelText(labels[locale].approve));
    await userEvent.type(screen.getByLabelText(labels[locale].reason), 'Strong scores');
    await userEvent.click(screen.getByRole('button', { name: labels[locale].submit }));
    expect((await screen.findByRole('dialog')).textContent).toContain(labels[locale].second);
  });

  it('sends a rejection and the trimmed reason once, with an idempotency key', async () => {
    const seen = fakeServer(() => ({ status: 200, body: {} }));
    const onDecided = vi.fn(async () => undefined);
    renderInApp(form(pays, onDecided));
    await userEvent.click(screen.getByLabelText(labels['zh-CN'].reject));
    await userEvent.type(screen.getByLabelText(labels['zh-CN'].reason), ' 预算不足 ');
    await userEvent.click(screen.getByRole('button', { name: labels['zh-CN'].submit }));
    await vi.waitFor(() => expect(onDecided).toHaveBeenCalled());
    expect(seen).toHaveLength(1);
    expect(seen[0]!.method).toBe('POST');
    expect(seen[0]!.path).toBe('/api/hubs/hangzhou/applications/a1/decision');
    expect(seen[0]!.body).toEqual({ outcome: 'reject', reason: '预算不足' });
    expect(seen[0]!.headers.get('idempotency-key')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('offers only approve or reject to a second approver', () => {
    fakeServer(() => ({ status: 200, body: {} }));
    renderInApp(form(pays, vi.fn(), true), { locale: 'en-US' });
    expect(screen.getAllByRole('radio').map((r) => r.closest('label')!.textContent)).toEqual(['Approve as second approver', 'Reject as second approver']);
  });

  it.each(['zh-CN', 'en-US'] as const)('shows the server’s error on the reason under the reason (%s)', async (locale) => {
    fakeServer(() => validationFailed('reason', 'TOO_LONG'));
    const onDecided = vi.fn();
    renderInApp(form(pays, onDecided), { locale });
    await userEvent.click(screen.getByLabelText(labels[locale].reject));
    await userEvent.type(screen.getByLabelText(labels[locale].reason), 'Budget');
    await userEvent.click(screen.getByRole('button', { name: labels[locale].submit }));
    await vi.waitFor(() => expect(fieldOf(labels[locale].reason).textContent).toContain(labels[locale].tooLong));
    expect(screen.queryByRole('alert')).toBeNull();
    expect(onDecided).not.toHaveBeenCalled();
  });
});
