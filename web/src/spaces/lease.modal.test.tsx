import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { fakeServer, validationFailed, type SeenRequest } from '../../test/fake-server';
import { renderInApp } from '../../test/render';
import { LeaseModal } from './lease.modal';

const organizationId = '0190a0b0-0000-7000-8000-0000000000aa';
const unitId = '0190a0b0-0000-7000-8000-0000000000c1';
const company = { id: organizationId, name: { zh: '深度求索', en: 'DeepSeek' } };
// 120 m² at ¥80 per m² a month: ¥9,600 a month.
const unit = {
  id: unitId,
  parentId: null,
  kind: 'unit',
  code: 'A-301',
  name: { zh: '三楼东', en: 'Third floor east' },
  areaM2: 120,
  listRent: '8000',
  operates: true,
};
const programId = '0190a0b0-0000-7000-8000-0000000000e9';
const rentProgram = { id: programId, kind: 'rent_subsidy', status: 'published', benefit: { type: 'rent' }, name: { zh: '租金补贴', en: 'Rent subsidy' } };
const labels = {
  'zh-CN': { org: '企业', units: '空间', staff: '员工人数', confirm: /^确\s*认$/, tooSmall: '数值太小。' },
  'en-US': { org: 'Company', units: 'Space', staff: 'People on staff', confirm: /^Confirm$/, tooSmall: 'Too small.' },
};

function server(write: { status: number; body?: unknown }) {
  return fakeServer((request: SeenRequest) => {
    if (request.method !== 'GET') return write;
    if (request.path.includes('/programs')) return { status: 200, body: { items: [rentProgram], next: null } };
    return { status: 200, body: { items: [request.path.includes('/organizations') ? company : unit], next: null } };
  });
}

async function sign(locale: keyof typeof labels) {
  const l = labels[locale];
  const dialog = await screen.findByRole('dialog');
  await userEvent.click(within(dialog).getByLabelText(l.org));
  await userEvent.click(await screen.findByTitle(locale === 'zh-CN' ? company.name.zh : company.name.en));
  await userEvent.click(within(dialog).getByLabelText(l.units));
  await userEvent.click(await screen.findByTitle(/^A-301 · /));
  await userEvent.click(within(dialog).getByLabelText(locale === 'zh-CN' ? '租金补贴项目' : 'Rent subsidy program'));
  await userEvent.click(await screen.findByTitle(locale === 'zh-CN' ? '租金补贴' : 'Rent subsidy'));
  await userEvent.type(within(dialog).getByLabelText(l.staff), '12');
  await userEvent.click(within(dialog).getByRole('button', { name: l.confirm }));
  return dialog;
}

describe('LeaseModal (spaces desk): sign a lease at list rent', () => {
  it('sends one rent step at the units’ list rent, with an idempotency key', async () => {
    const seen = server({ status: 201, body: { ref: 'L-0001' } });
    const onClose = vi.fn();
    renderInApp(<LeaseModal hub="hangzhou" onClose={onClose} onDone={async () => undefined} />);
    await sign('zh-CN');
    await vi.waitFor(() => expect(onClose).toHaveBeenCalled());
    const post = seen.find((r) => r.method === 'POST')!;
    expect(post.path).toBe('/api/hubs/hangzhou/spaces/leases');
    expect(post.headers.get('idempotency-key')).toMatch(/^[0-9a-f-]{36}$/);
    const body = post.body as { startsOn: string; endsOn: string };
    expect(post.body).toEqual({
      organizationId,
      nodeIds: [unitId],
      startsOn: body.startsOn,
      endsOn: body.endsOn,
      steps: [{ startsOn: body.startsOn, endsOn: body.endsOn, monthlyRent: '960000' }],
      staff: 12,
      programId,
    });
  });

  it.each(['zh-CN', 'en-US'] as const)('shows the server’s error on staff under the people on staff (%s)', async (locale) => {
    server(validationFailed('staff', 'TOO_SMALL'));
    const onClose = vi.fn();
    renderInApp(<LeaseModal hub="hangzhou" onClose={onClose} onDone={async () => undefined} />, { locale });
    const dialog = await sign(locale);
    const l = labels[locale];
    const field = within(dialog).getByLabelText(l.staff).closest('.ant-form-item')!;
    await vi.waitFor(() => expect(field.textContent).toContain(l.tooSmall));
    expect(within(dialog).queryByRole('alert')).toBeNull();
    expect(onClose).not.toHaveBeenCalled();
  });

  it('shows a refusal that names no field of the form (a rent step) as one sentence', async () => {
    server(validationFailed('steps.0.monthlyRent', 'INVALID_FORMAT'));
    renderInApp(<LeaseModal hub="hangzhou" onClose={vi.fn()} onDone={async () => undefined} />);
    const dialog = await sign('zh-CN');
    await vi.waitFor(() => expect(within(dialog).getByRole('alert')).toBeTruthy());
  });

  it.each([
    ['zh-CN', 'DT-A-1 在 2027年2月1日至7月31日 已被占用。'],
    ['en-US', 'DT-A-1 is taken on Feb 1 – Jul 31, 2027.'],
  ] as const)('says under the space which space is taken and on which days (%s)', async (locale, said) => {
    server({
      status: 409,
      body: {
        error: {
          code: 'SPACE_NOT_AVAILABLE',
          message: 'taken',
          fields: [{ path: 'nodeIds.0', code: 'SPACE_TAKEN', message: 'taken', detail: 'DT-A-1 2027-02-01/2027-07-31' }],
        },
      },
    });
    const onClose = vi.fn();
    renderInApp(<LeaseModal hub="hangzhou" onClose={onClose} onDone={async () => undefined} />, { locale });
    const dialog = await sign(locale);
    const field = within(dialog).getByLabelText(labels[locale].units).closest('.ant-form-item')!;
    await vi.waitFor(() => expect(field.textContent).toContain(said));
    expect(onClose).not.toHaveBeenCalled();
  });
});
