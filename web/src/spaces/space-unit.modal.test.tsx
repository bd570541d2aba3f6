import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { fakeServer } from '../../test/fake-server';
import { renderInApp } from '../../test/render';
import { UnitModal } from './space-unit.modal';

const words = {
  'zh-CN': {
    code: '编号',
    nameZh: '名称（中文）',
    nameEn: '名称（英文）',
    features: '设施',
    fibre: '光纤宽带',
    required: '此项必填。',
    hint: '编号只能用大写字母、数字和 -，以字母或数字开头。',
    confirm: /^确\s*认$/,
  },
  'en-US': {
    code: 'Code',
    nameZh: 'Name (Chinese)',
    nameEn: 'Name (English)',
    features: 'Features',
    fibre: 'Fibre internet',
    required: 'This field is required.',
    hint: 'Use capital letters, digits and -, starting with a letter or digit.',
    confirm: /^Confirm$/,
  },
} as const;
type Locale = keyof typeof words;

function renderPark(locale: Locale) {
  const seen = fakeServer(({ method }) => (method === 'POST' ? { status: 201, body: { code: 'DT-Z' } } : { status: 200, body: { items: [], next: null } }));
  renderInApp(<UnitModal hub="hangzhou" target={{ mode: 'park' }} onClose={vi.fn()} onDone={async () => undefined} />, { locale });
  return seen;
}
const fieldOf = (dialog: HTMLElement, label: string) => within(dialog).getByLabelText(label).closest('.ant-form-item') as HTMLElement;

describe('UnitModal: a park or unit’s code and facilities, in the page’s language', () => {
  it.each(['zh-CN', 'en-US'] as const)('an empty code says it is required, once, and not the format (%s)', async (locale) => {
    const seen = renderPark(locale);
    const w = words[locale];
    const dialog = await screen.findByRole('dialog');
    await userEvent.click(within(dialog).getByRole('button', { name: w.confirm }));
    const code = fieldOf(dialog, w.code);
    await vi.waitFor(() => expect(code.textContent).toContain(w.required));
    expect(code.textContent).not.toContain(w.hint);
    expect(seen.some((r) => r.method === 'POST')).toBe(false);
  });

  it.each(['zh-CN', 'en-US'] as const)('a code in the wrong form says the form it must take, once (%s)', async (locale) => {
    renderPark(locale);
    const w = words[locale];
    const dialog = await screen.findByRole('dialog');
    await userEvent.type(within(dialog).getByLabelText(w.code), '-dt');
    await userEvent.click(within(dialog).getByRole('button', { name: w.confirm }));
    const code = fieldOf(dialog, w.code);
    await vi.waitFor(() => expect(code.textContent).toContain(w.hint));
    expect(code.textContent!.split(w.hint)).toHaveLength(2);
    expect(code.textContent).not.toContain(w.required);
  });

  it.each(['zh-CN', 'en-US'] as const)('facilities are chosen by name and sent as their codes (%s)', async (locale) => {
    const seen = renderPark(locale);
    const w = words[locale];
    const dialog = await screen.findByRole('dialog');
    expect(dialog.textContent).not.toMatch(/fibre、lab|e\.g\. fibre/);
    await userEvent.type(within(dialog).getByLabelText(w.code), 'DT-Z');
    await userEvent.type(within(dialog).getByLabelText(w.nameZh), '之江园');
    await userEvent.type(within(dialog).getByLabelText(w.nameEn), 'Zhijiang Park');
    await userEvent.click(within(dialog).getByLabelText(w.features));
    await userEvent.click(await screen.findByTitle(w.fibre));
    await userEvent.click(within(dialog).getByRole('button', { name: w.confirm }));
    await vi.waitFor(() => expect(seen.some((r) => r.method === 'POST')).toBe(true));
    expect(seen.find((r) => r.method === 'POST')!.body).toMatchObject({ kind: 'park', code: 'DT-Z', features: ['fibre'] });
  });
});
