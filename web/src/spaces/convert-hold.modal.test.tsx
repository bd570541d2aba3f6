import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { SpaceHold } from '../api/spaces.api';
import { fakeServer, validationFailed, type SeenRequest } from '../../test/fake-server';
import { renderInApp } from '../../test/render';
import { ConvertHoldModal } from './convert-hold.modal';

const eastId = '0190a0b0-0000-7000-8000-0000000000c1';
const westId = '0190a0b0-0000-7000-8000-0000000000c2';
const programId = '0190a0b0-0000-7000-8000-0000000000e9';
// 120 m² at ¥80 per m² a month (¥9,600) and 50 m² at ¥100 (¥5,000).
const unit = (id: string, code: string, zh: string, en: string, areaM2: number, listRent: string) => ({
  id,
  parentId: null,
  kind: 'unit',
  code,
  name: { zh, en },
  areaM2,
  listRent,
  operates: true,
});
const east = unit(eastId, 'A-101', '一楼东', 'First floor east', 120, '8000');
const west = unit(westId, 'A-102', '一楼西', 'First floor west', 50, '10000');
const hold = {
  id: '0190a0b0-0000-7000-8000-0000000000b1',
  ref: 'H-1',
  organization: { id: '0190a0b0-0000-7000-8000-0000000000aa', name: { zh: '深度求索', en: 'DeepSeek' } },
  nodes: [east, west].map((n) => ({ id: n.id, code: n.code, name: n.name, kind: n.kind, areaM2: n.areaM2, photos: [] })),
} as unknown as SpaceHold;
const rentProgram = { id: programId, kind: 'rent_subsidy', status: 'published', benefit: { type: 'rent' }, name: { zh: '租金补贴', en: 'Rent subsidy' } };
const labels = {
  'zh-CN': { west: /一楼西/, program: '租金补贴项目', programName: '租金补贴', staff: '员工人数', confirm: /^确\s*认$/, tooSmall: '数值太小。', rent: '9,600' },
  'en-US': {
    west: /First floor west/,
    program: 'Rent subsidy program',
    programName: 'Rent subsidy',
    staff: 'People on staff',
    confirm: /^Confirm$/,
    tooSmall: 'Too small.',
    rent: '9,600',
  },
};

function open(locale: keyof typeof labels, write: { status: number; body?: unknown }) {
  const seen = fakeServer((request: SeenRequest) => {
    if (request.method !== 'GET') return write;
    if (request.path.includes('/programs')) return { status: 200, body: { items: [rentProgram], next: null } };
    return { status: 200, body: { items: [east, west], next: null } };
  });
  const onClose = vi.fn();
  renderInApp(<ConvertHoldModal hub="hangzhou" hold={hold} onClose={onClose} onDone={async () => undefined} />, { locale });
  return { seen, onClose };
}

/** Keep only the east unit, choose the rent subsidy, 12 people on staff, confirm. */
async function convert(locale: keyof typeof labels) {
  const l = labels[locale];
  const dialog = await screen.findByRole('dialog');
  await userEvent.click(within(dialog).getByRole('checkbox', { name: l.west }));
  await vi.waitFor(() => expect(dialog.querySelector('.money')?.textContent).toContain(l.rent));
  await userEvent.click(within(dialog).getByLabelText(l.program));
  await userEvent.click(await screen.findByTitle(l.programName));
  await userEvent.type(within(dialog).getByLabelText(l.staff), '12');
  await userEvent.click(within(dialog).getByRole('button', { name: l.confirm }));
  return dialog;
}

describe('ConvertHoldModal (spaces desk): turn a hold into a lease', () => {
  it.each(['zh-CN', 'en-US'] as const)('sends the chosen units and the lease terms at their list rent, with an idempotency key (%s)', async (locale) => {
    const { seen, onClose } = open(locale, { status: 201, body: { ref: 'L-0001' } });
    await convert(locale);
    await vi.waitFor(() => expect(onClose).toHaveBeenCalled());
    const post = seen.find((r) => r.method === 'POST')!;
    expect(post.path).toBe(`/api/hubs/hangzhou/spaces/holds/${hold.id}/convert`);
    expect(post.headers.get('idempotency-key')).toMatch(/^[0-9a-f-]{36}$/);
    const { startsOn, endsOn } = post.body as { startsOn: string; endsOn: string };
    expect(startsOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(post.body).toEqual({ nodeIds: [eastId], startsOn, endsOn, steps: [{ startsOn, endsOn, monthlyRent: '960000' }], staff: 12, programId });
  });

  it.each(['zh-CN', 'en-US'] as const)('shows the server’s error on staff under the people on staff (%s)', async (locale) => {
    const { onClose } = open(locale, validationFailed('staff', 'TOO_SMALL'));
    const dialog = await convert(locale);
    const l = labels[locale];
    const field = within(dialog).getByLabelText(l.staff).closest('.ant-form-item')!;
    await vi.waitFor(() => expect(field.textContent).toContain(l.tooSmall));
    expect(within(dialog).queryByRole('alert')).toBeNull();
    expect(onClose).not.toHaveBeenCalled();
  });
});
