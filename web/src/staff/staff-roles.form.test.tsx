import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { StaffMember } from '../../../contracts/staff';
import { fakeServer, type SeenRequest } from '../../test/fake-server';
import { renderInApp } from '../../test/render';
import { StaffRolesForm } from './staff-roles.form';

const member = {
  userId: '01a2373f-0000-7000-8000-000000000120',
  name: '王芳',
  email: 'wang@hangzhou.demo',
  roles: ['hub_admin'],
  lastSignInAt: null,
  suspended: false,
  twoFactor: true,
} as unknown as StaffMember;
const base = `/api/hubs/hangzhou/staff/${member.userId}/roles`;
const lastAdmin = { status: 409, body: { error: { code: 'LAST_ADMIN', message: 'x' } } };

function renderRoles(write: (request: SeenRequest) => { status: number; body?: unknown }, locale: 'zh-CN' | 'en-US' = 'en-US') {
  const seen = fakeServer((request) => (request.method === 'GET' ? { status: 200, body: {} } : write(request)));
  renderInApp(<StaffRolesForm hub="hangzhou" member={member} />, { locale });
  return () => seen.filter((r) => r.method !== 'GET').map((r) => [r.method, r.path, r.body]);
}

describe('StaffRolesForm: an admin adds and removes a staff member’s roles, on the one form pattern', () => {
  it('adds the role chosen, and removes one only once confirmed', async () => {
    const writes = renderRoles(() => ({ status: 204 }));
    await userEvent.click(screen.getByRole('button', { name: 'Add role: 王芳' }));
    await userEvent.click(await screen.findByText('Reviewer'));
    await vi.waitFor(() => expect(writes()).toEqual([['POST', base, { role: 'reviewer' }]]));
    // The tag's text does nothing; its × (named for the role and the person) opens the confirm.
    await userEvent.click(screen.getByText('Hub admin'));
    expect(screen.queryByRole('tooltip')).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: 'Remove the role Hub admin from 王芳' }));
    const confirm = await screen.findByRole('tooltip');
    expect(confirm.textContent).toContain('Remove the role “Hub admin” from 王芳?');
    await userEvent.click(within(confirm).getByRole('button', { name: 'Remove role' }));
    await vi.waitFor(() =>
      expect(writes()).toEqual([
        ['POST', base, { role: 'reviewer' }],
        ['DELETE', `${base}/hub_admin`, undefined],
      ]),
    );
  });

  it('opens the confirm from the keyboard on the ×', async () => {
    const writes = renderRoles(() => ({ status: 204 }));
    await userEvent.tab();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Remove the role Hub admin from 王芳' }));
    await userEvent.keyboard('{Enter}');
    await userEvent.click(within(await screen.findByRole('tooltip')).getByRole('button', { name: 'Remove role' }));
    await vi.waitFor(() => expect(writes()).toEqual([['DELETE', `${base}/hub_admin`, undefined]]));
  });

  it.each([
    ['zh-CN', '移除 王芳 的枢纽管理员角色', '移除角色', '不能移除或停用本枢纽最后一位管理员。'],
    ['en-US', 'Remove the role Hub admin from 王芳', 'Remove role', 'The hub’s last administrator cannot be removed or suspended.'],
  ] as const)('shows the refusal to take the last admin’s role above the roles (%s)', async (locale, label, ok, text) => {
    renderRoles(() => lastAdmin, locale);
    await userEvent.click(screen.getByRole('button', { name: label }));
    await userEvent.click(within(await screen.findByRole('tooltip')).getByRole('button', { name: ok }));
    expect((await screen.findByRole('alert')).textContent).toContain(text);
  });
});
