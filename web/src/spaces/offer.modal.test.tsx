import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { SpaceRequest } from '../api/spaces.api';
import { fakeServer, validationFailed, type SeenRequest } from '../../test/fake-server';
import { renderInApp } from '../../test/render';
import { OfferModal } from './offer.modal';

const requestId = '0190a0b0-0000-7000-8000-0000000000d1';
const unitId = '0190a0b0-0000-7000-8000-0000000000c1';
const request = {
  id: requestId,
  organization: { id: '0190a0b0-0000-7000-8000-0000000000aa', name: { zh: '深度求索', en: 'DeepSeek' } },
  areaM2: 60,
  seats: null,
  parkId: null,
  startsOn: '2027-01-01',
  months: 12,
} as unknown as SpaceRequest;
const unit = { id: unitId, kind: 'unit', code: 'A-301', name: { zh: '三楼东', en: 'Third floor east' }, areaM2: 120 };
const labels = {
  'zh-CN': { units: '空间', hours: '确认期限（小时）', confirm: /^确\s*认$/, tooBig: '数值太大。' },
  'en-US': { units: 'Space', hours: 'Hours to accept', confirm: /^Confirm$/, tooBig: 'Too large.' },
};

/** Free units and programs are listed; the offer answers `write`. */
function server(write: { status: number; body?: unknown }) {
  return fakeServer((r: SeenRequest) => {
    if (r.method !== 'GET') return write;
    return { status: 200, body: r.path.includes('/availability') ? { from: '2027-01-01', to: '2028-01-01', units: [unit] } : { items: [], next: null } };
  });
}

async function offer(locale: keyof typeof labels) {
  const l = labels[locale];
  const dialog = await screen.findByRole('dialog');
  await userEvent.click(await within(dialog).findByLabelText(l.units));
  await userEvent.click(await screen.findByTitle(/^A-301 · /));
  await userEvent.click(within(dialog).getByRole('button', { name: l.confirm }));
  return dialog;
}

describe('OfferModal (spaces desk): offer free units to a waiting request', () => {
  it('sends the units with the time to accept and an idempotency key', async () => {
    const seen = server({ status: 200, body: {} });
    const onClose = vi.fn();
    renderInApp(<OfferModal hub="hangzhou" request={request} onClose={onClose} onDone={async () => undefined} />);
    await offer('zh-CN');
    await vi.waitFor(() => expect(onClose).toHaveBeenCalled());
    const post = seen.find((r) => r.method === 'POST')!;
    expect(post.path).toBe(`/api/hubs/hangzhou/spaces/requests/${requestId}/offer`);
    expect(post.headers.get('idempotency-key')).toMatch(/^[0-9a-f-]{36}$/);
    expect(post.body).toEqual({ nodeIds: [unitId], hours: 72, programId: null, staff: null });
  });

  it.each(['zh-CN', 'en-US'] as const)('shows the server’s error on hours under the time to accept (%s)', async (locale) => {
    server(validationFailed('hours', 'TOO_BIG'));
    const onClose = vi.fn();
    renderInApp(<OfferModal hub="hangzhou" request={request} onClose={onClose} onDone={async () => undefined} />, { locale });
    const dialog = await offer(locale);
    const l = labels[locale];
    const field = within(dialog).getByLabelText(l.hours).closest('.ant-form-item')!;
    await vi.waitFor(() => expect(field.textContent).toContain(l.tooBig));
    expect(within(dialog).queryByRole('alert')).toBeNull();
    expect(onClose).not.toHaveBeenCalled();
  });
});
