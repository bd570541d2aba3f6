import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { fakeServer, validationFailed } from '../../test/fake-server';
import { renderInApp } from '../../test/render';
import { InviteStaffModal } from './invite-staff.modal';

const labels = {
  'zh-CN': { email: '邮箱', roles: '角色', auditor: '审计员', send: '发送邀请', invalid: '格式不正确。' },
  'en-US': { email: 'Email', roles: 'Roles', auditor: 'Auditor', send: 'Send invitation', invalid: 'Wrong format.' },
};

async function fill(locale: keyof typeof labels, email = 'li.ming@hangzhou.gov.cn') {
  const l = labels[locale];
  const dialog = await screen.findByRole('dialog');
  await userEvent.type(within(dialog).getByLabelText(l.email), email);
  await userEvent.click(within(dialog).getByLabelText(l.roles));
  await userEvent.click(await screen.findByTitle(l.auditor));
  await userEvent.click(within(dialog).getByRole('button', { name: l.send }));
  return dialog;
}

describe('InviteStaffModal (hub people)', () => {
  it('invites the address with its roles, and closes', async () => {
    const seen = fakeServer((request) => (request.method === 'POST' ? { status: 201, body: {} } : { status: 200, body: { items: [], next: null } }));
    const onClose = vi.fn();
    renderInApp(<InviteStaffModal hub="hangzhou" open onClose={onClose} />);
    await fill('zh-CN');
    await vi.waitFor(() => expect(onClose).toHaveBeenCalled());
    const post = seen.find((r) => r.method === 'POST')!;
    expect(post.path).toBe('/api/hubs/hangzhou/staff/invitations');
    expect(post.body).toEqual({ email: 'li.ming@hangzhou.gov.cn', roles: ['auditor'] });
  });

  it('refuses an address that is not one, as the contract does, before sending', async () => {
    const seen = fakeServer(() => ({ status: 201, body: {} }));
    renderInApp(<InviteStaffModal hub="hangzhou" open onClose={() => undefined} />);
    const dialog = await fill('zh-CN', 'li.ming@');
    const field = within(dialog).getByLabelText('邮箱').closest('.ant-form-item')!;
    await vi.waitFor(() => expect(field.textContent).toContain('格式不正确。'));
    expect(seen).toHaveLength(0);
  });

  it.each(['zh-CN', 'en-US'] as const)('shows the server’s error on the email under the email (%s)', async (locale) => {
    fakeServer(() => validationFailed('email', 'INVALID_FORMAT'));
    const onClose = vi.fn();
    renderInApp(<InviteStaffModal hub="hangzhou" open onClose={onClose} />, { locale });
    const dialog = await fill(locale);
    const l = labels[locale];
    await vi.waitFor(() => expect(within(dialog).getByLabelText(l.email).closest('.ant-form-item')!.textContent).toContain(l.invalid));
    expect(within(dialog).getByText(l.roles).closest('.ant-form-item')!.textContent).not.toContain(l.invalid);
    expect(within(dialog).queryByRole('alert')).toBeNull();
    expect(onClose).not.toHaveBeenCalled();
  });
});
