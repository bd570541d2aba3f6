import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { FormField } from '../../../contracts/programs';
import type { Application } from '../api/programs.api';
import { fakeServer, validationFailed } from '../../test/fake-server';
import { renderInApp } from '../../test/render';
import { ResubmitCard } from './resubmit.card';

const applicationId = '0190a0b0-0000-7000-8000-0000000000f1';
const fields = [
  { key: 'project', label: { zh: '项目名称', en: 'Project' }, type: 'text', required: true, maxLength: 100 },
  { key: 'amount', label: { zh: '申请金额', en: 'Amount' }, type: 'money', required: true, max: null },
] as unknown as FormField[];
const application = { id: applicationId, answers: { project: 'Embodied AI', amount: '50000000' } } as unknown as Application;
const labels = {
  'zh-CN': { project: '项目名称', amount: '申请金额', reason: '修改说明', send: '修改后重新提交', tooBig: '数值太大。' },
  'en-US': { project: 'Project', amount: 'Amount', reason: 'What you changed', send: 'Change and send again', tooBig: 'Too large.' },
};

async function resend(locale: keyof typeof labels) {
  const l = labels[locale];
  const project = await screen.findByLabelText(l.project);
  await userEvent.clear(project);
  await userEvent.type(project, 'Embodied AI, phase two');
  await userEvent.type(screen.getByLabelText(l.reason), 'Narrowed the project');
  await userEvent.click(screen.getByRole('button', { name: l.send }));
}

describe('ResubmitCard (reviews): the applicant changes a returned application', () => {
  it('sends the changed answers (money in fen) with the reason', async () => {
    const seen = fakeServer(() => ({ status: 200, body: {} }));
    renderInApp(<ResubmitCard hub="hangzhou" application={application} fields={fields} />);
    await resend('zh-CN');
    await vi.waitFor(() => expect(seen.some((r) => r.method === 'POST')).toBe(true));
    const post = seen.find((r) => r.method === 'POST')!;
    expect(post.path).toBe(`/api/hubs/hangzhou/applications/${applicationId}/resubmit`);
    expect(post.body).toEqual({ answers: { project: 'Embodied AI, phase two', amount: '50000000' }, reason: 'Narrowed the project' });
  });

  it.each(['zh-CN', 'en-US'] as const)('shows the server’s error on answers.amount under that answer (%s)', async (locale) => {
    fakeServer(() => validationFailed('answers.amount', 'TOO_BIG'));
    renderInApp(<ResubmitCard hub="hangzhou" application={application} fields={fields} />, { locale });
    await resend(locale);
    const l = labels[locale];
    const field = screen.getByLabelText(l.amount).closest('.ant-form-item')!;
    await vi.waitFor(() => expect(field.textContent).toContain(l.tooBig));
    expect(screen.getByLabelText(l.project).closest('.ant-form-item')!.textContent).not.toContain(l.tooBig);
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
