import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { fakeServer } from '../../test/fake-server';
import { renderInApp } from '../../test/render';
import { CheckOutForm } from './check-out.form';

const bookingId = '01a2373f-0000-7000-8000-0000000000a0';
const words = {
  'zh-CN': { out: /^离\s?店$/, notActive: '该预订已取消、已变更或已结束。' },
  'en-US': { out: /^Check out$/, notActive: 'This booking was cancelled, changed or has ended.' },
};

describe('CheckOutForm: the desk checks a guest out, on the one form pattern', () => {
  it('sends the check-out of that booking, then refreshes', async () => {
    const seen = fakeServer(() => ({ status: 200, body: {} }));
    const onDone = vi.fn(async () => undefined);
    renderInApp(<CheckOutForm hub="hangzhou" bookingId={bookingId} onDone={onDone} />);
    await userEvent.click(screen.getByRole('button', { name: words['zh-CN'].out }));
    await vi.waitFor(() => expect(onDone).toHaveBeenCalled());
    expect(seen.map((r) => [r.method, r.path])).toEqual([['POST', `/api/hubs/hangzhou/stays/bookings/${bookingId}/check-out`]]);
  });

  it.each(['zh-CN', 'en-US'] as const)('shows a refusal above the button, in words (%s)', async (locale) => {
    fakeServer(() => ({ status: 409, body: { error: { code: 'BOOKING_NOT_ACTIVE', message: 'x' } } }));
    const onDone = vi.fn(async () => undefined);
    renderInApp(<CheckOutForm hub="hangzhou" bookingId={bookingId} onDone={onDone} />, { locale });
    await userEvent.click(screen.getByRole('button', { name: words[locale].out }));
    expect((await screen.findByRole('alert')).textContent).toContain(words[locale].notActive);
    expect(onDone).not.toHaveBeenCalled();
  });
});
