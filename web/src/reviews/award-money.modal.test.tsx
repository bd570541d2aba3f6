import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { fakeServer, validationFailed } from '../../test/fake-server';
import { renderInApp } from '../../test/render';
import { AwardMoneyModal } from './award-money.modal';

const labels = {
  'zh-CN': { amount: '追回金额（元）', reason: '违约情况', ok: '追回资金', required: '此项必填。', tooLong: '内容太长。', tooBig: '数值太大。' },
  'en-US': {
    amount: 'Amount to take back (yuan)',
    reason: 'The breach',
    ok: 'Claw back',
    required: 'This field is required.',
    tooLong: 'Too long.',
    tooBig: 'Too large.',
  },
};
const fieldOf = (label: string) => screen.getByLabelText(label).closest('.ant-form-item')!;

async function clawBack(locale: keyof typeof labels, amount: string, reason: string) {
  const l = labels[locale];
  if (amount) await userEvent.type(screen.getByLabelText(l.amount), amount);
  if (reason) await userEvent.type(screen.getByLabelText(l.reason), reason);
  await userEvent.click(screen.getByRole('button', { name: l.ok }));
}

describe('AwardMoneyModal: finance claws back an award', () => {
  it('sends the amount in fen and the breach with an Idempotency-Key, then refreshes and closes', async () => {
    const seen = fakeServer(() => ({ status: 200, body: {} }));
    const onDone = vi.fn(async () => undefined);
    const onClose = vi.fn();
    renderInApp(<AwardMoneyModal hub="hangzhou" applicationId="a1" onClose={onClose} onDone={onDone} />);
    await clawBack('zh-CN', '300000', ' 三年内迁出杭州 ');
    await vi.waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(onDone).toHaveBeenCalled();
    expect(seen).toHaveLength(1);
    expect(seen[0]!.path).toBe('/api/hubs/hangzhou/applications/a1/clawback');
    expect(seen[0]!.headers.get('idempotency-key')).toMatch(/^[0-9a-f-]{36}$/);
    expect(seen[0]!.body).toEqual({ amount: '30000000', reason: '三年内迁出杭州' });
  });

  it('asks for the amount and the breach before sending', async () => {
    const seen = fakeServer(() => ({ status: 200, body: {} }));
    renderInApp(<AwardMoneyModal hub="hangzhou" applicationId="a1" onClose={vi.fn()} onDone={vi.fn()} />);
    await clawBack('zh-CN', '', '');
    await vi.waitFor(() => expect(fieldOf(labels['zh-CN'].reason).textContent).toContain(labels['zh-CN'].required));
    expect(fieldOf(labels['zh-CN'].amount).textContent).toContain(labels['zh-CN'].required);
    expect(seen).toHaveLength(0);
  });

  it.each(['zh-CN', 'en-US'] as const)('shows the server’s 400 on the reason under the reason, nowhere else (%s)', async (locale) => {
    fakeServer(() => validationFailed('reason', 'TOO_LONG'));
    const onClose = vi.fn();
    renderInApp(<AwardMoneyModal hub="hangzhou" applicationId="a1" onClose={onClose} onDone={vi.fn()} />, { locale });
    await clawBack(locale, '1000', 'Breach');
    const l = labels[locale];
    await vi.waitFor(() => expect(fieldOf(l.reason).textContent).toContain(l.tooLong));
    expect(fieldOf(l.amount).textContent).not.toContain(l.tooLong);
    expect(document.querySelector('.ant-alert-error')).toBeNull();
    expect(onClose).not.toHaveBeenCalled();
  });

  it('puts "more than was paid" under the amount and retries with the same key', async () => {
    const seen = fakeServer(() => ({
      status: 409,
      body: { error: { code: 'CLAWBACK_EXCEEDS_PAID', message: 'exceeds', fields: [{ path: 'amount', code: 'TOO_BIG', message: 'TOO_BIG' }] } },
    }));
    renderInApp(<AwardMoneyModal hub="hangzhou" applicationId="a1" onClose={vi.fn()} onDone={vi.fn()} />, { locale: 'en-US' });
    await clawBack('en-US', '9000000', 'Moved away');
    await vi.waitFor(() => expect(fieldOf(labels['en-US'].amount).textContent).toContain('Too large.'));
    await userEvent.click(screen.getByRole('button', { name: labels['en-US'].ok }));
    await vi.waitFor(() => expect(seen).toHaveLength(2));
    expect(seen[1]!.headers.get('idempotency-key')).toBe(seen[0]!.headers.get('idempotency-key'));
  });
});
