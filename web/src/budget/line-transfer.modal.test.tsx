import { fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import type { Envelope } from '../../../contracts/budget';
import { fakeServer, type SeenRequest } from '../../test/fake-server';
import { renderInApp } from '../../test/render';
import { LineTransferModal } from './line-transfer.modal';

const line = (id: string, code: string, zh: string, en: string): Envelope['lines'][number] => ({
  id,
  kind: 'budget_line',
  code,
  name: { zh, en },
  debitsPending: '0',
  debitsPosted: '0',
  creditsPending: '0',
  creditsPosted: '100000000',
  available: '100000000',
  committed: '0',
  disbursed: '0',
  free: '100000000',
});
const envelope: Envelope = {
  year: 2026,
  status: 'open',
  revenue: '1000000000',
  techShareBasisPoints: 1500,
  envelope: '150000000',
  unallocated: '0',
  lines: [
    line('01a24a66-bda7-7799-9015-a7a4982f0101', 'compute-vouchers', '算力券', 'Compute vouchers'),
    line('01a24a66-bda7-7799-9015-a7a4982f0102', 'talent', '人才补贴', 'Talent grants'),
  ],
};

/** The dialog as the budget page holds it: shown until a save closes it (which then fades out). */
function ClosingHost() {
  const [open, setOpen] = useState(true);
  return (
    <>
      {open ? null : <p>closed</p>}
      <LineTransferModal hub="hangzhou" envelope={envelope} open={open} onClose={() => setOpen(false)} />
    </>
  );
}

/** Opens an antd Select by its label and picks the option whose title starts with `name`. */
async function pick(label: string, name: string) {
  fireEvent.mouseDown(screen.getByLabelText(label));
  const options = await screen.findAllByTitle(new RegExp(`^${name} `));
  await userEvent.click(options.at(-1)!);
}

async function fillMove(submit: (button: HTMLElement) => Promise<void>) {
  const dialog = await screen.findByRole('dialog');
  await pick('调出科目', '算力券');
  await pick('调入科目', '人才补贴');
  await userEvent.type(within(dialog).getByLabelText('调剂金额（元）'), '300000');
  await submit(within(dialog).getByRole('button', { name: '科目间调剂' }));
  return dialog;
}

const posts = (seen: SeenRequest[]) => seen.filter((r) => r.method === 'POST');
const closed = () => vi.waitFor(() => expect(screen.getByText('closed')).toBeTruthy());

describe('LineTransferModal (budget): one opening moves the money once', () => {
  it('sends the move in fen with a transfer id, and closes', async () => {
    const seen = fakeServer(() => ({ status: 201, body: {} }));
    renderInApp(<ClosingHost />);
    await fillMove((button) => userEvent.click(button));
    await closed();
    expect(posts(seen).map((r) => [r.path, r.body])).toEqual([
      [
        '/api/hubs/hangzhou/fiscal-years/2026/line-transfers',
        { transferId: expect.stringMatching(/^[0-9a-f-]{36}$/), fromLine: 'compute-vouchers', toLine: 'talent', amount: '30000000' },
      ],
    ]);
  });

  it('a double click before the first answer sends one request; OK is busy until the answer', async () => {
    const answers: (() => void)[] = [];
    const seen = fakeServer(() => new Promise((resolve) => answers.push(() => resolve({ status: 201, body: {} }))));
    renderInApp(<ClosingHost />);
    const dialog = await fillMove((button) => userEvent.dblClick(button));
    await vi.waitFor(() => expect(answers).toHaveLength(1));
    expect(within(dialog).getByRole('button', { name: /科目间调剂/ }).className).toContain('ant-btn-loading');
    answers.shift()!();
    await closed();
    expect(posts(seen)).toHaveLength(1);
  });

  it('a double click whose first move is answered at once moves the money once: the closing dialog sends nothing more', async () => {
    const seen = fakeServer(() => ({ status: 201, body: {} }));
    renderInApp(<ClosingHost />);
    await fillMove((button) => userEvent.dblClick(button));
    await closed();
    expect(new Set(posts(seen).map((r) => (r.body as { transferId: string }).transferId)).size).toBe(1);
    expect(posts(seen)).toHaveLength(1);
  });
});
