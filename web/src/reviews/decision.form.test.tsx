import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { fakeServer, validationFailed } from '../../test/fake-server';
import { renderInApp } from '../../test/render';
import { DecisionForm } from './decision.form';

const labels = {
  'zh-CN': { reason: '理由（申请人可见）', reject: '不予批准', submit: '提交决定', required: '此项必填。', tooLong: '内容太长。' },
  'en-US': {
    reason: 'Reason (the applicant sees it)',
    reject: 'Not approved',
    submit: 'Record the decision',
    required: 'This field is required.',
    tooLong: 'Too long.',
  },
};

const fieldOf = (label: string) => screen.getByLabelText(label).closest('.ant-form-item')!;

describe('DecisionForm (an officer decides)', () => {
  it.each(['zh-CN', 'en-US'] as const)('asks for a reason before sending (%s)', async (locale) => {
    const seen = fakeServer(() => ({ status: 200, body: {} }));
    renderInApp(<DecisionForm hub="hangzhou" applicationId="a1" secondApproval={false} onDecided={vi.fn()} />, { locale });
    await userEvent.type(screen.getByLabelText(labels[locale].reason), '   ');
    await userEvent.click(screen.getByRole('button', { name: labels[locale].submit }));
    await vi.waitFor(() => expect(fieldOf(labels[locale].reason).textContent).toContain(labels[locale].required));
    expect(seen).toHaveLength(0);
  });

  it('sends the outcome and the trimmed reason once, with an idempotency key', async () => {
    const seen = fakeServer(() => ({ status: 200, body: {} }));
    const onDecided = vi.fn(async () => undefined);
    renderInApp(<DecisionForm hub="hangzhou" applicationId="a1" secondApproval={false} onDecided={onDecided} />);
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
    renderInApp(<DecisionForm hub="hangzhou" applicationId="a1" secondApproval onDecided={vi.fn()} />, { locale: 'en-US' });
    expect(screen.getAllByRole('radio').map((r) => r.closest('label')!.textContent)).toEqual(['Approve as second approver', 'Reject as second approver']);
  });

  it.each(['zh-CN', 'en-US'] as const)('shows the server’s error on the reason under the reason (%s)', async (locale) => {
    fakeServer(() => validationFailed('reason', 'TOO_LONG'));
    const onDecided = vi.fn();
    renderInApp(<DecisionForm hub="hangzhou" applicationId="a1" secondApproval={false} onDecided={onDecided} />, { locale });
    await userEvent.type(screen.getByLabelText(labels[locale].reason), 'Budget');
    await userEvent.click(screen.getByRole('button', { name: labels[locale].submit }));
    await vi.waitFor(() => expect(fieldOf(labels[locale].reason).textContent).toContain(labels[locale].tooLong));
    expect(screen.queryByRole('alert')).toBeNull();
    expect(onDecided).not.toHaveBeenCalled();
  });
});
