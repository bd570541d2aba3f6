import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { SpaceHold } from '../api/spaces.api';
import { fakeServer, validationFailed, type SeenRequest } from '../../test/fake-server';
import { renderInApp } from '../../test/render';
import { ReleaseHoldModal } from './release-hold.modal';

const ids = ['0190a0b0-0000-7000-8000-0000000000c1', '0190a0b0-0000-7000-8000-0000000000c2', '0190a0b0-0000-7000-8000-0000000000c3'];
const node = (id: string, code: string, zh: string, en: string) => ({ id, code, name: { zh, en }, kind: 'unit', areaM2: 100, photos: [] });
const hold = {
  id: '0190a0b0-0000-7000-8000-0000000000b1',
  ref: 'H-1',
  organization: { id: '0190a0b0-0000-7000-8000-0000000000aa', name: { zh: '深度求索', en: 'DeepSeek' } },
  nodes: [
    node(ids[0]!, 'A-101', '一楼东', 'First floor east'),
    node(ids[1]!, 'A-102', '一楼西', 'First floor west'),
    node(ids[2]!, 'A-103', '一楼南', 'First floor south'),
  ],
  startsOn: '2027-02-01',
  endsOn: '2027-07-31',
} as unknown as SpaceHold;
const labels = {
  'zh-CN': {
    units: '要释放的空间（今天起空出）',
    west: /一楼西/,
    confirm: /^确\s*认$/,
    invalid: '此项无效。',
    title: '释放 深度求索 保留的部分空间（H-1）',
    said: '已释放 深度求索 在 A-101、A-103 的保留（H-1）。',
  },
  'en-US': {
    units: 'Space to release (free from today)',
    west: /First floor west/,
    confirm: /^Confirm$/,
    invalid: 'This value is not valid.',
    title: 'Release part of the hold for DeepSeek (H-1)',
    said: 'Released the hold for DeepSeek on A-101, A-103 (H-1).',
  },
};

function open(locale: keyof typeof labels, write: { status: number; body?: unknown }) {
  const seen = fakeServer((request: SeenRequest) => (request.method === 'GET' ? { status: 200, body: { items: [], next: null } } : write));
  const onClose = vi.fn();
  renderInApp(<ReleaseHoldModal hub="hangzhou" hold={hold} onClose={onClose} onDone={async () => undefined} />, { locale });
  return { seen, onClose };
}

/** Untick the west unit (the hold keeps it) and confirm. */
async function releaseAllButWest(locale: keyof typeof labels) {
  const l = labels[locale];
  const dialog = await screen.findByRole('dialog');
  await userEvent.click(within(dialog).getByRole('checkbox', { name: l.west }));
  await userEvent.click(within(dialog).getByRole('button', { name: l.confirm }));
  return dialog;
}

describe('ReleaseHoldModal (spaces desk): release part of a hold', () => {
  it.each(['zh-CN', 'en-US'] as const)(
    'lists the hold’s units by name and sends exactly the ones left ticked, with an idempotency key (%s)',
    async (locale) => {
      const { seen, onClose } = open(locale, { status: 200, body: hold });
      const dialog = await screen.findByRole('dialog');
      for (const n of hold.nodes)
        expect(within(dialog).getByRole('checkbox', { name: new RegExp(`^${n.code} · ${locale === 'zh-CN' ? n.name.zh : n.name.en}`) })).toBeTruthy();
      expect(dialog.textContent).not.toContain(ids[0]);
      await releaseAllButWest(locale);
      await vi.waitFor(() => expect(onClose).toHaveBeenCalled());
      const post = seen.find((r) => r.method === 'POST')!;
      expect(post.path).toBe(`/api/hubs/hangzhou/spaces/holds/${hold.id}/release`);
      expect(post.headers.get('idempotency-key')).toMatch(/^[0-9a-f-]{36}$/);
      expect(post.body).toEqual({ nodeIds: [ids[0], ids[2]] });
    },
  );

  it.each(['zh-CN', 'en-US'] as const)('names whom the hold is for in the title, and which units went in the toast (%s)', async (locale) => {
    const { onClose } = open(locale, { status: 200, body: hold });
    const l = labels[locale];
    expect(await screen.findByText(l.title)).toBeTruthy();
    await releaseAllButWest(locale);
    await vi.waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(await screen.findByText(l.said)).toBeTruthy();
  });

  it('sends nothing when every unit is unticked, and says the field is required', async () => {
    const { seen } = open('en-US', { status: 200, body: hold });
    const dialog = await screen.findByRole('dialog');
    for (const box of within(dialog).getAllByRole('checkbox')) await userEvent.click(box);
    await userEvent.click(within(dialog).getByRole('button', { name: /^Confirm$/ }));
    await vi.waitFor(() => expect(dialog.textContent).toContain('This field is required.'));
    expect(seen.some((r) => r.method === 'POST')).toBe(false);
  });

  it.each(['zh-CN', 'en-US'] as const)('shows the server’s error on a unit under the units (%s)', async (locale) => {
    const { onClose } = open(locale, validationFailed('nodeIds.1', 'INVALID'));
    const dialog = await releaseAllButWest(locale);
    const l = labels[locale];
    const field = within(dialog).getByText(l.units).closest('.ant-form-item')!;
    await vi.waitFor(() => expect(field.textContent).toContain(l.invalid));
    expect(within(dialog).queryByRole('alert')).toBeNull();
    expect(onClose).not.toHaveBeenCalled();
  });
});
