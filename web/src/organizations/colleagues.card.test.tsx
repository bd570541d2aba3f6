import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { fakeServer, validationFailed } from '../../test/fake-server';
import { renderInApp } from '../../test/render';
import type { Colleague } from './colleague-row.form';
import { ColleaguesCard } from './colleagues.card';

const organizationId = '01a2373f-0000-7000-8000-000000000009';
const owner: Colleague = { userId: '01a2373f-0000-7000-8000-000000000001', name: '王芳', email: 'wang@deeprobotics.cn', role: 'owner' };
const cto: Colleague = { userId: '01a2373f-0000-7000-8000-000000000002', name: '李雷', email: 'li@deeprobotics.cn', role: 'applicant' };
const memberPath = `/api/hubs/hangzhou/organizations/${organizationId}/members/${cto.userId}`;
const labels = {
  'zh-CN': { roleOf: '李雷 (li@deeprobotics.cn) 的角色', viewer: '仅可查看', invalid: '不是可选的值。', remove: '移除 李雷 (li@deeprobotics.cn)' },
  'en-US': {
    roleOf: 'Role of 李雷 (li@deeprobotics.cn)',
    viewer: 'Can view',
    invalid: 'Not one of the allowed values.',
    remove: 'Remove 李雷 (li@deeprobotics.cn)',
  },
};

function renderCard(locale: keyof typeof labels = 'zh-CN') {
  renderInApp(<ColleaguesCard hub="hangzhou" organizationId={organizationId} members={[owner, cto]} me={owner.userId} canManage canTransfer />, { locale });
}

async function chooseViewer(locale: keyof typeof labels) {
  const l = labels[locale];
  await userEvent.click(screen.getByRole('combobox', { name: l.roleOf }));
  await userEvent.click(await screen.findByTitle(l.viewer));
}

/** The form item (field and its message) of the colleague's role. */
const roleItem = (locale: keyof typeof labels) => screen.getByRole('combobox', { name: labels[locale].roleOf }).closest('.ant-form-item')!;

describe('ColleaguesCard (organisations): the one form pattern per colleague', () => {
  it('sends the new role when the owner picks it', async () => {
    const seen = fakeServer(() => ({ status: 200, body: {} }));
    renderCard();
    await chooseViewer('zh-CN');
    await vi.waitFor(() => expect(seen.filter((r) => r.method === 'PUT')).toHaveLength(1));
    const put = seen.find((r) => r.method === 'PUT')!;
    expect(put.path).toBe(memberPath);
    expect(put.body).toEqual({ role: 'viewer' });
  });

  it.each(['zh-CN', 'en-US'] as const)('shows the server’s error on the role under the role (%s)', async (locale) => {
    fakeServer((request) => (request.method === 'PUT' ? validationFailed('role', 'INVALID_OPTION') : { status: 200, body: {} }));
    renderCard(locale);
    await chooseViewer(locale);
    await vi.waitFor(() => expect(roleItem(locale).textContent).toContain(labels[locale].invalid));
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('removes a colleague once confirmed, and shows a refusal that is about no field in the row', async () => {
    const seen = fakeServer((request) =>
      request.method === 'DELETE' ? { status: 409, body: { error: { code: 'LAST_OWNER', message: 'last owner' } } } : { status: 200, body: {} },
    );
    renderCard();
    await userEvent.click(screen.getByRole('button', { name: labels['zh-CN'].remove }));
    const confirm = await screen.findByRole('tooltip');
    await userEvent.click(within(confirm).getByRole('button', { name: /移\s*除/ }));
    await vi.waitFor(() => expect(seen.filter((r) => r.method === 'DELETE').map((r) => r.path)).toEqual([memberPath]));
    expect((await screen.findByRole('alert')).textContent).toContain('机构必须至少有一位负责人');
  });
});
