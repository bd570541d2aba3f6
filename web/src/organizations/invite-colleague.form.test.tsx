import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { fakeServer, validationFailed } from '../../test/fake-server';
import { renderInApp } from '../../test/render';
import { InviteColleagueForm } from './invite-colleague.form';

const organizationId = '01a2373f-0000-7000-8000-000000000009';
const labels = {
  'zh-CN': { email: '成员邮箱', invite: '发送邀请', invalid: '格式不正确。' },
  'en-US': { email: 'Member email', invite: 'Send invitation', invalid: 'Wrong format.' },
};

async function fill(locale: keyof typeof labels) {
  const l = labels[locale];
  await userEvent.type(screen.getByLabelText(l.email), 'cto@deeprobotics.cn');
  await userEvent.click(screen.getByRole('button', { name: l.invite }));
}

describe('InviteColleagueForm (organisations)', () => {
  it('invites the colleague as an applicant by default', async () => {
    const seen = fakeServer(() => ({ status: 201, body: {} }));
    renderInApp(<InviteColleagueForm hub="hangzhou" organizationId={organizationId} />);
    await fill('zh-CN');
    await vi.waitFor(() => expect(seen).toHaveLength(1));
    expect(seen[0]!.path).toBe(`/api/hubs/hangzhou/organizations/${organizationId}/invitations`);
    expect(seen[0]!.body).toEqual({ email: 'cto@deeprobotics.cn', role: 'applicant' });
  });

  it.each(['zh-CN', 'en-US'] as const)('shows the server’s error on the email under the email (%s)', async (locale) => {
    fakeServer(() => validationFailed('email', 'INVALID_FORMAT'));
    renderInApp(<InviteColleagueForm hub="hangzhou" organizationId={organizationId} />, { locale });
    await fill(locale);
    const l = labels[locale];
    await vi.waitFor(() => expect(screen.getByLabelText(l.email).closest('.ant-form-item')!.textContent).toContain(l.invalid));
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
