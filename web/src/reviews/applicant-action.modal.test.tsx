import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { ApplicationAction } from '../../../contracts/allowed-actions';
import type { ApplicationDetail } from '../../../contracts/applications';
import { capabilitiesWith, fakeServerWith, loading } from '../../test/capabilities';
import { type SeenRequest, validationFailed } from '../../test/fake-server';
import { renderInApp } from '../../test/render';
import { ReviewSections } from './review-sections';

const id = '01a2373f-0000-7000-8000-000000000030';
const application = (allowedActions: ApplicationAction[]): ApplicationDetail => ({
  id,
  number: 'HZ-2026-000125',
  programId: '01a2373f-0000-7000-8000-000000000031',
  programVersion: 1,
  status: 'rejected',
  applicant: { type: 'organization', id: '01a2373f-0000-7000-8000-000000000032', name: null },
  answers: {},
  screening: { eligible: true, results: [] },
  benefit: null,
  refusal: null,
  amount: '20000000',
  createdAt: '2026-03-01T08:00:00.000Z',
  allowedActions,
});
const path = (action: string) => `/api/hubs/hangzhou/applications/${id}/${action}`;

const labels = {
  // antd spaces a two-character Chinese button label (申 诉).
  'zh-CN': {
    appeal: /^申\s?诉$/ as string | RegExp,
    reason: '申诉理由',
    send: '提交申诉',
    withdraw: '撤回申请',
    withdrawReason: '撤回原因',
    withdrawSend: '确认撤回',
    required: '此项必填。',
    tooLong: '内容太长。',
    late: '申诉期限已过。',
  },
  'en-US': {
    appeal: 'Appeal',
    reason: 'Why you appeal',
    send: 'Send the appeal',
    withdraw: 'Withdraw application',
    withdrawReason: 'Why you withdraw',
    withdrawSend: 'Withdraw it',
    required: 'This field is required.',
    tooLong: 'Too long.',
    late: 'The time to appeal has passed.',
  },
};
type Locale = keyof typeof labels;

/** The applicant's sections of a rejected application whose allowedActions are `actions`; `write` answers the appeal or withdrawal. */
function renderActions(
  write: (request: SeenRequest) => { status: number; body?: unknown },
  locale: Locale = 'zh-CN',
  actions: ApplicationAction[] = ['appeal', 'withdraw'],
) {
  const seen = fakeServerWith(capabilitiesWith({}, []), (request) =>
    request.method === 'POST' && (request.path === path('appeal') || request.path === path('withdraw')) ? write(request) : undefined,
  );
  renderInApp(<ReviewSections hub="hangzhou" application={application(actions)} reviewed={false} fields={[]} />, { locale });
  return { seen, writes: () => seen.filter((r) => r.method === 'POST') };
}

const dialog = () => screen.getByRole('dialog');
const fieldOf = (label: string) => within(dialog()).getByLabelText(label).closest('.ant-form-item')!;

async function appeal(locale: Locale, reason: string) {
  const l = labels[locale];
  await userEvent.click(await screen.findByRole('button', { name: l.appeal }, loading));
  if (reason) await userEvent.type(within(dialog()).getByLabelText(l.reason), reason);
  await userEvent.click(within(dialog()).getByRole('button', { name: l.send }));
}

describe('ApplicantActionModal: the applicant appeals or withdraws, on the one form pattern', () => {
  it('sends the appeal with the trimmed reason, then closes the dialog', async () => {
    const { writes } = renderActions(() => ({ status: 200, body: application([]) }));
    await appeal('zh-CN', ' 评审未考虑我们的专利 ');
    await vi.waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(writes()).toHaveLength(1);
    expect(writes()[0]!.path).toBe(path('appeal'));
    expect(writes()[0]!.body).toEqual({ reason: '评审未考虑我们的专利' });
  });

  it('sends the withdrawal to its own endpoint', async () => {
    const { writes } = renderActions(() => ({ status: 200, body: application([]) }), 'en-US', ['withdraw']);
    const l = labels['en-US'];
    await userEvent.click(await screen.findByRole('button', { name: l.withdraw }, loading));
    await userEvent.type(within(dialog()).getByLabelText(l.withdrawReason), 'We found other funding');
    await userEvent.click(within(dialog()).getByRole('button', { name: l.withdrawSend }));
    await vi.waitFor(() => expect(writes()).toHaveLength(1));
    expect(writes()[0]!.path).toBe(path('withdraw'));
    expect(writes()[0]!.body).toEqual({ reason: 'We found other funding' });
  });

  it('asks for the reason before sending', async () => {
    const { writes } = renderActions(() => ({ status: 200, body: application([]) }));
    await appeal('zh-CN', '');
    await vi.waitFor(() => expect(fieldOf(labels['zh-CN'].reason).textContent).toContain(labels['zh-CN'].required));
    expect(writes()).toHaveLength(0);
  });

  it.each(['zh-CN', 'en-US'] as const)('shows the server’s 400 on the reason under the reason, not as an alert (%s)', async (locale) => {
    const { writes } = renderActions(() => validationFailed('reason', 'TOO_LONG'), locale);
    await appeal(locale, 'Reason');
    const l = labels[locale];
    await vi.waitFor(() => expect(fieldOf(l.reason).textContent).toContain(l.tooLong));
    expect(writes()).toHaveLength(1);
    expect(within(dialog()).queryByRole('alert')).toBeNull();
  });

  it('shows a refusal that names no field above the form and keeps the dialog open', async () => {
    renderActions(() => ({ status: 409, body: { error: { code: 'APPEAL_TOO_LATE', message: 'too late' } } }), 'en-US');
    await appeal('en-US', 'Reason');
    expect((await within(dialog()).findByRole('alert')).textContent).toContain(labels['en-US'].late);
    expect(fieldOf(labels['en-US'].reason).textContent).not.toContain(labels['en-US'].late);
  });
});
