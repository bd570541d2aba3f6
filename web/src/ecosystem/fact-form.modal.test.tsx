import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { fakeServer, validationFailed } from '../../test/fake-server';
import { renderInApp } from '../../test/render';
import { FactFormModal } from './fact-form.modal';

const organizationId = '01a2373f-0000-7000-8000-000000000009';
const labels = {
  'zh-CN': { asOf: '数据日期', amount: '金额', url: '来源链接', submit: '添 加', invalidUrl: '网址无效' },
  'en-US': { asOf: 'As of', amount: 'Amount', url: 'Source URL', submit: 'Add', invalidUrl: 'Invalid web address' },
};

async function fill(locale: keyof typeof labels, url = 'https://example.com/report') {
  const l = labels[locale];
  const dialog = await screen.findByRole('dialog');
  await userEvent.type(within(dialog).getByLabelText(l.asOf), '2026-11-30{enter}');
  await userEvent.type(within(dialog).getByLabelText(l.amount), '12.5');
  await userEvent.type(within(dialog).getByLabelText(l.url), url);
  await userEvent.click(within(dialog).getByRole('button', { name: l.submit }));
  return dialog;
}

describe('FactFormModal (ecosystem)', () => {
  it('sends a valuation in exact fen, and closes', async () => {
    const seen = fakeServer(() => ({ status: 201, body: {} }));
    const onClose = vi.fn();
    renderInApp(<FactFormModal hub="hangzhou" organizationId={organizationId} open onClose={onClose} />);
    await fill('zh-CN');
    await vi.waitFor(() => expect(onClose).toHaveBeenCalled());
    const post = seen.find((r) => r.method === 'POST')!;
    expect(post.path).toBe(`/api/hubs/hangzhou/organizations/${organizationId}/facts`);
    expect(post.body).toEqual({
      metric: 'valuation',
      asOf: '2026-11-30',
      money: { amountMinor: '1250', currency: 'CNY' },
      source: { url: 'https://example.com/report' },
    });
  });

  it.each([
    ['zh-CN', '人民币 (CNY)'],
    ['en-US', 'Chinese Yuan (CNY)'],
  ] as const)('names the currency in the page’s language (%s)', async (locale, name) => {
    fakeServer(() => ({ status: 201, body: {} }));
    renderInApp(<FactFormModal hub="hangzhou" organizationId={organizationId} open onClose={() => undefined} />, { locale });
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText(name)).toBeTruthy();
  });

  it('refuses an amount finer than a fen before sending', async () => {
    const seen = fakeServer(() => ({ status: 201, body: {} }));
    renderInApp(<FactFormModal hub="hangzhou" organizationId={organizationId} open onClose={() => undefined} />);
    const dialog = await screen.findByRole('dialog');
    await userEvent.type(within(dialog).getByLabelText('金额'), '1.234');
    await userEvent.click(within(dialog).getByRole('button', { name: '添 加' }));
    const field = within(dialog).getByLabelText('金额').closest('.ant-form-item')!;
    await vi.waitFor(() => expect(field.textContent).toContain('格式不正确。'));
    expect(seen.filter((r) => r.method === 'POST')).toHaveLength(0);
  });

  it.each(['zh-CN', 'en-US'] as const)('shows the server’s error on source.url under the source link (%s)', async (locale) => {
    fakeServer(() => validationFailed('source.url', 'INVALID_URL'));
    const onClose = vi.fn();
    renderInApp(<FactFormModal hub="hangzhou" organizationId={organizationId} open onClose={onClose} />, { locale });
    const dialog = await fill(locale);
    const l = labels[locale];
    const field = within(dialog).getByLabelText(l.url).closest('.ant-form-item')!;
    await vi.waitFor(() => expect(field.textContent).toContain(l.invalidUrl));
    expect(within(dialog).getByLabelText(l.amount).closest('.ant-form-item')!.textContent).not.toContain(l.invalidUrl);
    expect(within(dialog).queryByRole('alert')).toBeNull();
    expect(onClose).not.toHaveBeenCalled();
  });
});
