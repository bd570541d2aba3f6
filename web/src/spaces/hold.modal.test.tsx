import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { fakeServer, validationFailed, type SeenRequest } from '../../test/fake-server';
import { renderInApp } from '../../test/render';
import { HoldModal } from './hold.modal';

const organizationId = '0190a0b0-0000-7000-8000-0000000000aa';
const unitId = '0190a0b0-0000-7000-8000-0000000000c1';
const company = { id: organizationId, name: { zh: '深度求索', en: 'DeepSeek' } };
const unit = {
  id: unitId,
  parentId: null,
  kind: 'unit',
  unitKind: 'office',
  code: 'A-301',
  name: { zh: '三楼东', en: 'Third floor east' },
  areaM2: 120,
  seats: 20,
  features: [],
  listRent: '8000',
  photos: [],
  operates: true,
};
const labels = {
  'zh-CN': { org: '企业', units: '空间', reason: '原因', decidedBy: '决定方', confirm: '确认', ends: '结束日期不能早于开始日期。' },
  'en-US': {
    org: 'Company',
    units: 'Space',
    reason: 'Reason',
    decidedBy: 'Decided by',
    confirm: 'Confirm',
    ends: 'The end date cannot be before the start date.',
  },
};

/** The tree and the organisations are listed; the hold answers `write`. */
function server(write: { status: number; body?: unknown }) {
  return fakeServer((request: SeenRequest) => {
    if (request.method !== 'GET') return write;
    return { status: 200, body: { items: [request.path.includes('/organizations') ? company : unit], next: null } };
  });
}

async function fill(locale: keyof typeof labels) {
  const l = labels[locale];
  const dialog = await screen.findByRole('dialog');
  await userEvent.click(within(dialog).getByLabelText(l.org));
  await userEvent.click(await screen.findByTitle(locale === 'zh-CN' ? company.name.zh : company.name.en));
  await userEvent.click(within(dialog).getByLabelText(l.units));
  await userEvent.click(await screen.findByTitle(/^A-301 · /));
  await userEvent.type(within(dialog).getByLabelText(l.reason), 'Reserved for the AI cohort');
  await userEvent.type(within(dialog).getByLabelText(l.decidedBy), 'Park committee');
  await userEvent.click(within(dialog).getByRole('button', { name: new RegExp(`^${l.confirm.split('').join('\\s*')}$`) }));
  return dialog;
}

describe('HoldModal (spaces desk): hold units for a company', () => {
  it('sends the hold with an idempotency key, then refreshes the desk and closes', async () => {
    const seen = server({ status: 201, body: { nodes: [{ code: 'A-301' }], organization: company } });
    const onDone = vi.fn(async () => undefined);
    const onClose = vi.fn();
    renderInApp(<HoldModal hub="hangzhou" onClose={onClose} onDone={onDone} />);
    await fill('zh-CN');
    await vi.waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(onDone).toHaveBeenCalled();
    expect(await screen.findByText('已为 深度求索 保留 A-301。')).toBeTruthy();
    const post = seen.find((r) => r.method === 'POST')!;
    expect(post.path).toBe('/api/hubs/hangzhou/spaces/holds');
    expect(post.headers.get('idempotency-key')).toMatch(/^[0-9a-f-]{36}$/);
    expect(post.body).toEqual({
      organizationId,
      nodeIds: [unitId],
      startsOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      endsOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      reason: 'Reserved for the AI cohort',
      decidedBy: 'Park committee',
    });
  });

  it('asks for the units before sending', async () => {
    const seen = server({ status: 201, body: {} });
    renderInApp(<HoldModal hub="hangzhou" onClose={vi.fn()} onDone={vi.fn()} />);
    const dialog = await screen.findByRole('dialog');
    await userEvent.click(within(dialog).getByRole('button', { name: /^确\s*认$/ }));
    const field = within(dialog).getByLabelText('空间').closest('.ant-form-item')!;
    await vi.waitFor(() => expect(field.textContent).toContain('此项必填。'));
    expect(seen.some((r) => r.method === 'POST')).toBe(false);
  });

  it.each(['zh-CN', 'en-US'] as const)('shows the server’s error on endsOn under the date range (%s)', async (locale) => {
    server(validationFailed('endsOn', 'ENDS_BEFORE_START'));
    const onClose = vi.fn();
    renderInApp(<HoldModal hub="hangzhou" onClose={onClose} onDone={vi.fn()} />, { locale });
    const dialog = await fill(locale);
    const l = labels[locale];
    const range = dialog.querySelector('.ant-picker-range')!.closest('.ant-form-item')!;
    await vi.waitFor(() => expect(range.textContent).toContain(l.ends));
    expect(within(dialog).getByLabelText(l.reason).closest('.ant-form-item')!.textContent).not.toContain(l.ends);
    expect(within(dialog).queryByRole('alert')).toBeNull();
    expect(onClose).not.toHaveBeenCalled();
  });
});
