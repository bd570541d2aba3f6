import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { fakeServer } from '../../test/fake-server';
import { renderInApp } from '../../test/render';
import { acceptSpaceOffer } from '../api/spaces.api';
import { ActionForm } from './action-form';

const path = '/api/hubs/hangzhou/spaces/requests/r1/accept';

function renderAction(reply: Parameters<typeof fakeServer>[0], locale: 'zh-CN' | 'en-US' = 'en-US') {
  const seen = fakeServer(reply);
  const onSuccess = vi.fn();
  renderInApp(
    <ActionForm
      name="act"
      label="Sign"
      confirm={{ title: 'Sign the lease?', okText: 'Yes, sign' }}
      mutationFn={(key) => acceptSpaceOffer('hangzhou', 'r1', key)}
      onSuccess={onSuccess}
    />,
    { locale },
  );
  return { seen, onSuccess };
}

async function act() {
  await userEvent.click(screen.getByRole('button', { name: 'Sign' }));
  await userEvent.click(within(await screen.findByRole('tooltip')).getByRole('button', { name: 'Yes, sign' }));
}

describe('ActionForm: an action as a form of no fields on the one pattern', () => {
  it('writes only once confirmed, with the form’s Idempotency-Key, and hands the answer on', async () => {
    const { seen, onSuccess } = renderAction(() => ({ status: 200, body: { ref: 'LS-1' } }));
    await userEvent.click(screen.getByRole('button', { name: 'Sign' }));
    expect(seen).toHaveLength(0);
    await userEvent.click(within(await screen.findByRole('tooltip')).getByRole('button', { name: 'Yes, sign' }));
    await vi.waitFor(() => expect(onSuccess).toHaveBeenCalledWith({ ref: 'LS-1' }));
    expect(seen.map((r) => [r.method, r.path])).toEqual([['POST', path]]);
    expect(seen[0]!.headers.get('idempotency-key')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it.each([
    ['zh-CN', '该内容已被他人修改，请刷新后重试。'],
    ['en-US', 'Someone else changed this; reload and try again.'],
  ] as const)('shows a refusal above the button, and a retry sends the same key (%s)', async (locale, text) => {
    const { seen, onSuccess } = renderAction(() => ({ status: 409, body: { error: { code: 'CONFLICT', message: 'x' } } }), locale);
    await act();
    expect((await screen.findByRole('alert')).textContent).toContain(text);
    await act();
    await vi.waitFor(() => expect(seen).toHaveLength(2));
    expect(seen[1]!.headers.get('idempotency-key')).toBe(seen[0]!.headers.get('idempotency-key'));
    expect(onSuccess).not.toHaveBeenCalled();
  });
});
