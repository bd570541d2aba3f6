import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { fakeServer, validationFailed } from '../../test/fake-server';
import { renderInApp } from '../../test/render';
import { RelationFormModal } from './relation-form.modal';

const organization = { id: '01a2373f-0000-7000-8000-000000000009', label: '云深处科技' };
const founder = { id: '01a2373f-0000-7000-8000-000000000001', name: { zh: '朱秋国', en: 'Zhu Qiuguo' }, roles: ['founder'] };
const labels = {
  'zh-CN': {
    from: '起点（人员或机构）',
    founder: '朱秋国（Zhu Qiuguo）',
    note: '来源说明',
    url: '来源链接',
    submit: '添 加',
    invalidUrl: '网址无效',
    needsSource: '请填写来源链接或来源说明。',
  },
  'en-US': {
    from: 'From (person or organisation)',
    founder: 'Zhu Qiuguo (朱秋国)',
    note: 'Source note',
    url: 'Source URL',
    submit: 'Add',
    invalidUrl: 'Invalid web address',
    needsSource: 'Give a source URL or a source note.',
  },
};

/** The search answers with one founder; a write gets `write`. */
const server = (write: { status: number; body?: unknown }) =>
  fakeServer((request) => (request.path.includes('/search') ? { status: 200, body: { organizations: [], people: [founder] } } : write));

async function fill(locale: keyof typeof labels) {
  const l = labels[locale];
  const dialog = await screen.findByRole('dialog');
  await userEvent.type(within(dialog).getByLabelText(l.from), '朱');
  await userEvent.click(await screen.findByText(l.founder, {}, { timeout: 5000 }));
  await userEvent.type(within(dialog).getByLabelText(l.note), '工商登记');
  await userEvent.click(within(dialog).getByRole('button', { name: l.submit }));
  return dialog;
}

describe('RelationFormModal (ecosystem)', () => {
  it('sends who founded the organisation, with its source and an idempotency key, and closes', async () => {
    const seen = server({ status: 201, body: {} });
    const onClose = vi.fn();
    renderInApp(<RelationFormModal hub="hangzhou" organization={organization} open onClose={onClose} />);
    await fill('zh-CN');
    await vi.waitFor(() => expect(onClose).toHaveBeenCalled());
    const post = seen.find((r) => r.method === 'POST')!;
    expect(post.path).toMatch(/\/relations$/);
    expect(post.body).toEqual({
      kind: 'founded',
      from: { type: 'person', id: founder.id },
      to: { type: 'organization', id: organization.id },
      source: { note: '工商登记' },
    });
    expect(post.headers.get('idempotency-key')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it.each(['zh-CN', 'en-US'] as const)('refuses a tie with neither a source link nor a note, before sending (%s)', async (locale) => {
    const seen = server({ status: 201, body: {} });
    const onClose = vi.fn();
    renderInApp(<RelationFormModal hub="hangzhou" organization={organization} open onClose={onClose} />, { locale });
    const l = labels[locale];
    const dialog = await screen.findByRole('dialog');
    await userEvent.type(within(dialog).getByLabelText(l.from), '朱');
    await userEvent.click(await screen.findByText(l.founder, {}, { timeout: 5000 }));
    await userEvent.click(within(dialog).getByRole('button', { name: l.submit }));
    const field = within(dialog).getByLabelText(l.url).closest('.ant-form-item')!;
    await vi.waitFor(() => expect(field.textContent).toContain(l.needsSource));
    // A note alone is a source: the message goes and the tie is sent.
    await userEvent.type(within(dialog).getByLabelText(l.note), '工商登记');
    await vi.waitFor(() => expect(field.textContent).not.toContain(l.needsSource));
    expect(seen.filter((r) => r.method === 'POST')).toEqual([]);
    await userEvent.click(within(dialog).getByRole('button', { name: l.submit }));
    await vi.waitFor(() => expect(onClose).toHaveBeenCalled());
  });

  it.each(['zh-CN', 'en-US'] as const)('shows the server’s error on the source under the source link (%s)', async (locale) => {
    server(validationFailed('source.url', 'INVALID_URL'));
    const onClose = vi.fn();
    renderInApp(<RelationFormModal hub="hangzhou" organization={organization} open onClose={onClose} />, { locale });
    const dialog = await fill(locale);
    const l = labels[locale];
    const field = within(dialog).getByLabelText(l.url).closest('.ant-form-item')!;
    await vi.waitFor(() => expect(field.textContent).toContain(l.invalidUrl));
    expect(within(dialog).getByLabelText(l.note).closest('.ant-form-item')!.textContent).not.toContain(l.invalidUrl);
    expect(within(dialog).queryByRole('alert')).toBeNull();
    expect(onClose).not.toHaveBeenCalled();
  });
});
