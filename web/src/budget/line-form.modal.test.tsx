import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { fakeServer, validationFailed } from '../../test/fake-server';
import { renderInApp } from '../../test/render';
import { LineFormModal } from './line-form.modal';

async function fillLine() {
  const dialog = await screen.findByRole('dialog');
  await userEvent.type(within(dialog).getByLabelText('科目代码'), 'compute-vouchers');
  await userEvent.type(within(dialog).getByLabelText('中文名称'), '算力券');
  await userEvent.type(within(dialog).getByLabelText('英文名称'), 'Compute vouchers');
  await userEvent.type(within(dialog).getByLabelText('从资金池拨入的金额（元）'), '2000000');
  await userEvent.click(within(dialog).getByRole('button', { name: '创建科目' }));
  return dialog;
}

describe('LineFormModal (budget)', () => {
  it('sends the line in fen with one transfer id, and closes', async () => {
    const seen = fakeServer(() => ({ status: 201, body: {} }));
    const onClose = vi.fn();
    renderInApp(<LineFormModal hub="hangzhou" year={2026} open onClose={onClose} />);
    await fillLine();
    await vi.waitFor(() => expect(onClose).toHaveBeenCalled());
    const post = seen.find((r) => r.method === 'POST')!;
    expect(post.path).toBe('/api/hubs/hangzhou/fiscal-years/2026/lines');
    expect(post.body).toEqual({
      code: 'compute-vouchers',
      name: { zh: '算力券', en: 'Compute vouchers' },
      amount: '200000000',
      transferId: expect.stringMatching(/^[0-9a-f-]{36}$/),
    });
  });

  it('shows the server’s field error under its field, and a refusal as one sentence', async () => {
    fakeServer(() => validationFailed('code', 'INVALID_FORMAT'));
    const onClose = vi.fn();
    renderInApp(<LineFormModal hub="hangzhou" year={2026} open onClose={onClose} />);
    const dialog = await fillLine();
    const code = within(dialog).getByLabelText('科目代码').closest('.ant-form-item')!;
    await vi.waitFor(() => expect(code.textContent).toContain('格式不正确。'));
    expect(within(dialog).queryByRole('alert', { name: /提交的内容有误/ })).toBeNull();
    expect(onClose).not.toHaveBeenCalled();

    fakeServer(() => ({ status: 409, body: { error: { code: 'BUDGET_EXHAUSTED', message: 'no' } } }));
    await userEvent.click(within(dialog).getByRole('button', { name: '创建科目' }));
    await vi.waitFor(() => expect(within(dialog).getByRole('alert').textContent).toContain('预算不足'));
  });
});
