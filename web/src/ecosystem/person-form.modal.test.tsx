import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { fakeServer, validationFailed } from '../../test/fake-server';
import { renderInApp } from '../../test/render';
import { PersonFormModal } from './person-form.modal';

const person = { id: '01a2373f-0000-7000-8000-000000000001', name: { zh: '王芳', en: 'Wang Fang' }, roles: [] };

async function fill(labels: { zh: string; en: string; submit: string }) {
  const dialog = await screen.findByRole('dialog');
  await userEvent.type(within(dialog).getByLabelText(labels.zh), '王芳');
  await userEvent.type(within(dialog).getByLabelText(labels.en), 'Wang Fang');
  await userEvent.click(within(dialog).getByRole('button', { name: labels.submit }));
  return dialog;
}

describe('PersonFormModal (ecosystem)', () => {
  it('sends the person with an idempotency key, and closes', async () => {
    const seen = fakeServer(() => ({ status: 201, body: person }));
    const onClose = vi.fn();
    renderInApp(<PersonFormModal hub="hangzhou" open onClose={onClose} />);
    await fill({ zh: '中文姓名', en: '英文姓名', submit: '添 加' });
    await vi.waitFor(() => expect(onClose).toHaveBeenCalled());
    const post = seen.find((r) => r.method === 'POST')!;
    expect(post.path).toBe('/api/hubs/hangzhou/people');
    expect(post.body).toEqual({ name: { zh: '王芳', en: 'Wang Fang' }, roles: [] });
    expect(post.headers.get('idempotency-key')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('checks the resident id as the contract does, before sending', async () => {
    const seen = fakeServer(() => ({ status: 201, body: person }));
    renderInApp(<PersonFormModal hub="hangzhou" open onClose={() => undefined} />);
    const dialog = await screen.findByRole('dialog');
    await userEvent.type(within(dialog).getByLabelText('居民身份证号码'), '110101199003071234');
    await fill({ zh: '中文姓名', en: '英文姓名', submit: '添 加' });
    const field = within(dialog).getByLabelText('居民身份证号码').closest('.ant-form-item')!;
    await vi.waitFor(() => expect(field.textContent).toContain('身份证'));
    expect(seen.filter((r) => r.method === 'POST')).toHaveLength(0);
  });

  it.each([
    { locale: 'zh-CN' as const, zh: '中文姓名', en: '英文姓名', submit: '添 加', text: '内容太长。' },
    { locale: 'en-US' as const, zh: 'Name in Chinese', en: 'Name in English', submit: 'Add', text: 'Too long.' },
  ])('shows the server’s field error under the English name ($locale)', async ({ locale, zh, en, submit, text }) => {
    fakeServer(() => validationFailed('name.en', 'TOO_LONG'));
    const onClose = vi.fn();
    renderInApp(<PersonFormModal hub="hangzhou" open onClose={onClose} />, { locale });
    const dialog = await fill({ zh, en, submit });
    const field = within(dialog).getByLabelText(en).closest('.ant-form-item')!;
    await vi.waitFor(() => expect(field.textContent).toContain(text));
    expect(within(dialog).getByLabelText(zh).closest('.ant-form-item')!.textContent).not.toContain(text);
    expect(within(dialog).queryByRole('alert')).toBeNull();
    expect(onClose).not.toHaveBeenCalled();
  });
});
