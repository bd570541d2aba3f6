import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { fakeServer } from '../../test/fake-server';
import { renderInApp } from '../../test/render';
import { AcceptOfferForm } from './accept-offer.form';

const requestId = '01a2373f-0000-7000-8000-000000000080';
const acceptPath = `/api/hubs/hangzhou/spaces/requests/${requestId}/accept`;
const words = {
  'zh-CN': { accept: '接受并签约', signed: '已签约，租约 LS-000042。', conflict: '该内容已被他人修改，请刷新后重试。' },
  'en-US': { accept: 'Accept and sign', signed: 'Signed: lease LS-000042.', conflict: 'Someone else changed this; reload and try again.' },
};
type Locale = keyof typeof words;

function renderForm(reply: Parameters<typeof fakeServer>[0], locale: Locale) {
  const seen = fakeServer(reply);
  const onDone = vi.fn(async () => undefined);
  renderInApp(<AcceptOfferForm hub="hangzhou" requestId={requestId} onDone={onDone} />, { locale });
  return { seen, onDone };
}
const accept = (locale: Locale) => userEvent.click(screen.getByRole('button', { name: words[locale].accept }));

describe('AcceptOfferForm: the company signs the space offered, on the one form pattern', () => {
  it.each(['zh-CN', 'en-US'] as const)('signs with an Idempotency-Key and names the lease (%s)', async (locale) => {
    const { seen, onDone } = renderForm(() => ({ status: 200, body: { ref: 'LS-000042' } }), locale);
    await accept(locale);
    expect(await screen.findByText(words[locale].signed)).toBeTruthy();
    expect(seen.map((r) => [r.method, r.path])).toEqual([['POST', acceptPath]]);
    expect(seen[0]!.headers.get('idempotency-key')).toMatch(/^[0-9a-f-]{36}$/);
    expect(onDone).toHaveBeenCalled();
  });

  it.each(['zh-CN', 'en-US'] as const)('shows a refusal above the button, and a retry sends the same key (%s)', async (locale) => {
    const { seen, onDone } = renderForm(() => ({ status: 409, body: { error: { code: 'CONFLICT', message: 'conflict' } } }), locale);
    await accept(locale);
    expect((await screen.findByRole('alert')).textContent).toContain(words[locale].conflict);
    await accept(locale);
    await vi.waitFor(() => expect(seen).toHaveLength(2));
    expect(seen[1]!.headers.get('idempotency-key')).toBe(seen[0]!.headers.get('idempotency-key'));
    expect(onDone).not.toHaveBeenCalled();
  });
});
