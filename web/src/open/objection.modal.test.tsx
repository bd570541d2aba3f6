import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { EVIDENCE_MAX_BYTES } from '../../../contracts/notices';
import { fakeServer, validationFailed } from '../../test/fake-server';
import { renderInApp } from '../../test/render';
import { ObjectionModal } from './objection.modal';

const labels = {
  'zh-CN': { contact: '联系方式', reason: '异议理由', send: '提交异议', required: '此项必填。', tooShort: '内容太短。', tooBig: '文件超过 2 MB。' },
  'en-US': {
    contact: 'Contact',
    reason: 'What is wrong',
    send: 'Send objection',
    required: 'This field is required.',
    tooShort: 'Too short.',
    tooBig: 'The file is larger than 2 MB.',
  },
};
const fieldOf = (label: string) => screen.getByLabelText(label).closest('.ant-form-item')!;
const number = 'HZ-2026-000123';

async function object(locale: keyof typeof labels, contact: string, reason: string) {
  const l = labels[locale];
  if (contact) await userEvent.type(screen.getByLabelText(l.contact), contact);
  if (reason) await userEvent.type(screen.getByLabelText(l.reason), reason);
  await userEvent.click(screen.getByRole('button', { name: l.send }));
}

describe('ObjectionModal (public notice): anyone objects to an award', () => {
  it('sends contact, reason and the file as base64, then shows the reference', async () => {
    const seen = fakeServer(() => ({ status: 201, body: { reference: 'OBJ-0A1B2C3D', status: 'received' } }));
    renderInApp(<ObjectionModal hub="hangzhou" number={number} onClose={vi.fn()} />);
    await userEvent.upload(document.querySelector<HTMLInputElement>('input[type=file]')!, new File(['4 people'], 'roster.txt', { type: 'text/plain' }));
    await object('zh-CN', 'watcher@example.cn', '该公司只有 4 名员工，不是 12 名。');
    expect(await screen.findByText(/OBJ-0A1B2C3D/)).toBeTruthy();
    expect(seen).toHaveLength(1);
    expect(seen[0]!.path).toBe(`/api/hubs/hangzhou/public/notices/${number}/objections`);
    expect(seen[0]!.body).toEqual({
      contact: 'watcher@example.cn',
      reason: '该公司只有 4 名员工，不是 12 名。',
      evidence: { name: 'roster.txt', content: btoa('4 people') },
    });
  });

  it('names the empty fields and a file over the limit, and sends nothing', async () => {
    const seen = fakeServer(() => ({ status: 201, body: {} }));
    renderInApp(<ObjectionModal hub="hangzhou" number={number} onClose={vi.fn()} />);
    await userEvent.upload(
      document.querySelector<HTMLInputElement>('input[type=file]')!,
      new File([new Uint8Array(EVIDENCE_MAX_BYTES + 1)], 'scan.pdf', { type: 'application/pdf' }),
    );
    await object('zh-CN', '', '');
    await vi.waitFor(() => expect(fieldOf(labels['zh-CN'].contact).textContent).toContain(labels['zh-CN'].required));
    expect(fieldOf(labels['zh-CN'].reason).textContent).toContain(labels['zh-CN'].required);
    expect(await screen.findByText(labels['zh-CN'].tooBig)).toBeTruthy();
    expect(seen).toHaveLength(0);
  });

  it.each(['zh-CN', 'en-US'] as const)('shows the server’s 400 on the reason under the reason (%s)', async (locale) => {
    fakeServer(() => validationFailed('reason', 'TOO_SHORT'));
    renderInApp(<ObjectionModal hub="hangzhou" number={number} onClose={vi.fn()} />, { locale });
    await object(locale, '13800000000', 'Not twelve staff at all');
    const l = labels[locale];
    await vi.waitFor(() => expect(fieldOf(l.reason).textContent).toContain(l.tooShort));
    expect(fieldOf(l.contact).textContent).not.toContain(l.tooShort);
    expect(document.querySelector('.ant-alert-error')).toBeNull();
  });
});
