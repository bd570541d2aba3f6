import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { Program } from '../api/programs.api';
import { fakeServer, validationFailed, type SeenRequest } from '../../test/fake-server';
import { renderInApp } from '../../test/render';
import { ApplyForm } from './apply.page';

const programId = '0190a0b0-0000-7000-8000-0000000000e1';
const organizationId = '0190a0b0-0000-7000-8000-0000000000aa';
const program = {
  id: programId,
  hub: 'hangzhou',
  name: { zh: '算力券', en: 'Compute voucher' },
  status: 'published',
  window: { opensOn: '2000-01-01', closesOn: '2999-12-31' },
  applicantType: 'organization',
  mode: 'reviewed',
  form: [
    { key: 'project', label: { zh: '项目名称', en: 'Project' }, type: 'text', required: true, maxLength: 100 },
    { key: 'gpuHours', label: { zh: 'GPU 小时', en: 'GPU-hours' }, type: 'number', required: true, max: null },
  ],
} as unknown as Program;
const me = {
  user: { id: 'u', name: 'Startup', email: 'startup@hangzhou.demo' },
  organizations: [{ id: organizationId, hub: 'hangzhou', name: { zh: '深度求索', en: 'DeepSeek' }, role: 'owner' }],
};
const labels = {
  'zh-CN': { organization: '申请企业', project: '项目名称', hours: 'GPU 小时', submit: '提交申请', tooBig: '数值太大。' },
  'en-US': { organization: 'Applying organisation', project: 'Project', hours: 'GPU-hours', submit: 'Submit application', tooBig: 'Too large.' },
};

/** /api/me names my organisation; the application answers `write`. */
function server(write: { status: number; body?: unknown }) {
  return fakeServer((r: SeenRequest) => (r.method === 'GET' ? { status: 200, body: me } : write));
}

async function apply(locale: keyof typeof labels) {
  const l = labels[locale];
  // My organisations arrive after the form: choose mine.
  await userEvent.click(await screen.findByLabelText(l.organization));
  await userEvent.click(await screen.findByTitle(locale === 'zh-CN' ? '深度求索' : 'DeepSeek'));
  await userEvent.type(screen.getByLabelText(l.project), 'Embodied AI');
  await userEvent.type(screen.getByLabelText(l.hours), '5000');
  await userEvent.click(screen.getByRole('button', { name: l.submit }));
}

describe('ApplyForm (programs): an organisation applies', () => {
  it('sends the answers for my organisation with an idempotency key', async () => {
    const seen = server({ status: 201, body: { id: 'a-1' } });
    renderInApp(<ApplyForm hub="hangzhou" program={program} draft={null} />);
    await apply('zh-CN');
    await vi.waitFor(() => expect(seen.some((r) => r.method === 'POST')).toBe(true));
    const post = seen.find((r) => r.method === 'POST')!;
    expect(post.path).toBe(`/api/hubs/hangzhou/programs/${programId}/applications`);
    expect(post.headers.get('idempotency-key')).toMatch(/^[0-9a-f-]{36}$/);
    expect(post.body).toEqual({ organizationId, answers: { project: 'Embodied AI', gpuHours: 5000 } });
  });

  it.each(['zh-CN', 'en-US'] as const)('shows the server’s error on answers.gpuHours under that answer (%s)', async (locale) => {
    server(validationFailed('answers.gpuHours', 'TOO_BIG'));
    renderInApp(<ApplyForm hub="hangzhou" program={program} draft={null} />, { locale });
    await apply(locale);
    const l = labels[locale];
    const field = screen.getByLabelText(l.hours).closest('.ant-form-item')!;
    await vi.waitFor(() => expect(field.textContent).toContain(l.tooBig));
    expect(screen.getByLabelText(l.project).closest('.ant-form-item')!.textContent).not.toContain(l.tooBig);
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('shows a refusal that names no answer as one sentence', async () => {
    server({ status: 409, body: { error: { code: 'ALREADY_APPLIED', message: 'no' } } });
    renderInApp(<ApplyForm hub="hangzhou" program={program} draft={null} />);
    await apply('zh-CN');
    await vi.waitFor(() => expect(screen.getByRole('alert')).toBeTruthy());
  });
});

describe('ApplyForm (programs): on a phone', () => {
  it('lets its three buttons wrap onto another line instead of overflowing', () => {
    server({ status: 201, body: { id: 'a-1' } });
    renderInApp(<ApplyForm hub="hangzhou" program={program} draft={null} />, { locale: 'en-US' });
    const actions = screen.getByTestId('apply-actions');
    expect(within(actions).getAllByRole('button')).toHaveLength(3);
    expect(actions.className).toContain('ant-flex-wrap-wrap');
  });
});

describe('ApplyForm (programs): a rule-only program decides at once', () => {
  const ruleOnly = { ...program, mode: 'rule_only' } as Program;
  const words = {
    'zh-CN': { note: '本项目由规则即时判定', confirm: '提交申请？规则会立即判定；符合条件即获批准，并按项目规定拨付。' },
    'en-US': {
      note: 'Rules decide this program the moment you submit',
      confirm: 'Submit? The rules decide at once: if you qualify, you are approved and the award is paid as the program sets out.',
    },
  };

  it.each(['zh-CN', 'en-US'] as const)('says so by the submit button and asks before sending (%s)', async (locale) => {
    const seen = server({ status: 201, body: { id: 'a-1' } });
    renderInApp(<ApplyForm hub="hangzhou" program={ruleOnly} draft={null} />, { locale });
    expect(screen.getByText(words[locale].note, { exact: false })).toBeTruthy();
    await apply(locale);
    const dialog = await screen.findByRole('dialog');
    expect(dialog.textContent).toContain(words[locale].confirm);
    expect(seen.some((r) => r.method === 'POST')).toBe(false);
    await userEvent.click(within(dialog).getByRole('button', { name: labels[locale].submit }));
    await vi.waitFor(() => expect(seen.some((r) => r.method === 'POST')).toBe(true));
  });

  it('a reviewed program neither warns nor asks', async () => {
    const seen = server({ status: 201, body: { id: 'a-1' } });
    renderInApp(<ApplyForm hub="hangzhou" program={program} draft={null} />, { locale: 'en-US' });
    expect(screen.queryByText(words['en-US'].note, { exact: false })).toBeNull();
    await apply('en-US');
    await vi.waitFor(() => expect(seen.some((r) => r.method === 'POST')).toBe(true));
    expect(screen.queryByRole('dialog')).toBeNull();
  });
});

describe('ApplyForm (programs): one applies only for a company one may act for', () => {
  const otherId = '0190a0b0-0000-7000-8000-0000000000ab';
  const withOrganizations = (organizations: unknown[]) =>
    fakeServer((r: SeenRequest) => (r.method === 'GET' ? { status: 200, body: { ...me, organizations } } : { status: 201, body: { id: 'a-1' } }));
  const deep = (role: string) => ({ ...me.organizations[0]!, role });
  const words = {
    'zh-CN': { viewOnly: '您可以查看深度求索的申请。如需提交申请，请联系企业负责人或有申请权限的同事。', save: '保存草稿' },
    'en-US': { viewOnly: 'You can view DeepSeek’s applications. Its owner, or a colleague who may apply, can apply for it.', save: 'Save draft' },
  } as const;

  it.each(['zh-CN', 'en-US'] as const)('one who only views their company cannot pick it or send, and is told why (%s)', async (locale) => {
    const seen = withOrganizations([deep('viewer')]);
    renderInApp(<ApplyForm hub="hangzhou" program={program} draft={null} />, { locale });
    expect(await screen.findByText(words[locale].viewOnly)).toBeTruthy();
    expect(screen.queryByLabelText(labels[locale].organization)).toBeNull();
    expect(screen.getByRole('button', { name: labels[locale].submit }).hasAttribute('disabled')).toBe(true);
    expect(screen.getByRole('button', { name: words[locale].save }).hasAttribute('disabled')).toBe(true);
    expect(seen.some((r) => r.method === 'POST')).toBe(false);
  });

  it.each(['owner', 'applicant'] as const)('an %s picks among only the companies they may act for', async (role) => {
    withOrganizations([{ id: otherId, hub: 'hangzhou', name: { zh: '只读公司', en: 'Read Only Co' }, role: 'viewer' }, deep(role)]);
    renderInApp(<ApplyForm hub="hangzhou" program={program} draft={null} />, { locale: 'en-US' });
    await userEvent.click(await screen.findByLabelText(labels['en-US'].organization));
    expect(await screen.findByTitle('DeepSeek')).toBeTruthy();
    expect(screen.queryByTitle('Read Only Co')).toBeNull();
    expect(screen.queryByText(words['en-US'].viewOnly)).toBeNull();
    expect(screen.getByRole('button', { name: labels['en-US'].submit }).hasAttribute('disabled')).toBe(false);
  });
});
