import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { fakeServer, validationFailed, type SeenRequest } from '../../test/fake-server';
import { renderInApp } from '../../test/render';
import { LineFormModal } from './line-form.modal';

async function fillLine(submit: (button: HTMLElement) => Promise<void> = (button) => userEvent.click(button)) {
  const dialog = await screen.findByRole('dialog');
  await userEvent.type(within(dialog).getByLabelText('科目代码'), 'compute-vouchers');
  await userEvent.type(within(dialog).getByLabelText('中文名称'), '算力券');
  await userEvent.type(within(dialog).getByLabelText('英文名称'), 'Compute vouchers');
  await userEvent.type(within(dialog).getByLabelText('从资金池拨入的金额（元）'), '2000000');
  await submit(within(dialog).getByRole('button', { name: '创建科目' }));
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

  it('a double click before the first answer sends one request with one transfer id; OK is busy until the answer', async () => {
    const answers: (() => void)[] = [];
    const seen = fakeServer(() => new Promise((resolve) => answers.push(() => resolve({ status: 201, body: {} }))));
    renderInApp(<ClosingHost />);
    const dialog = await fillLine((button) => userEvent.dblClick(button));
    await vi.waitFor(() => expect(answers).toHaveLength(1));
    expect(within(dialog).getByRole('button', { name: /创建科目/ }).className).toContain('ant-btn-loading');
    answers.shift()!();
    await vi.waitFor(() => expect(screen.getByText('closed')).toBeTruthy());
    expect(posts(seen)).toHaveLength(1);
    expect(posts(seen)[0]!.body).toMatchObject({ transferId: expect.stringMatching(/^[0-9a-f-]{36}$/) });
  });

  it('a double click whose first write is answered at once funds the line once: the closing dialog sends nothing more', async () => {
    const seen = fakeServer(() => ({ status: 201, body: {} }));
    renderInApp(<ClosingHost />);
    await fillLine((button) => userEvent.dblClick(button));
    await vi.waitFor(() => expect(screen.getByText('closed')).toBeTruthy());
    expect(new Set(posts(seen).map((r) => (r.body as { transferId: string }).transferId)).size).toBe(1);
    expect(posts(seen)).toHaveLength(1);
  });
});

/** The dialog as the budget page holds it: shown until a save closes it (which then fades out). */
function ClosingHost() {
  const [open, setOpen] = useState(true);
  return (
    <>
      {open ? null : <p>closed</p>}
      <LineFormModal hub="hangzhou" year={2026} open={open} onClose={() => setOpen(false)} />
    </>
  );
}

const posts = (seen: SeenRequest[]) => seen.filter((r) => r.method === 'POST');
