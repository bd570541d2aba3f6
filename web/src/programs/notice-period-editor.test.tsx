import { fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { programDraftSchema, type Program } from '../../../contracts/applications';
import type { ProgramMode } from '../../../contracts/programs';
import { reviewSettingsSchema } from '../../../contracts/review-settings';
import seedFile from '../../../seed/programs.json';
import { validationFailed, type SeenRequest } from '../../test/fake-server';
import { openProgramEditor, servedProgram } from '../../test/program-editor';

// happy-dom has no canvas: the simulation card's chart stands in as its labelled figure.
vi.mock('../ecosystem/echart', () => ({ EChart: ({ label }: { label: string }) => <div role="img" aria-label={label} /> }));

const ID = '01a2373f-0000-7000-8000-0000000000b1';
const seed = seedFile as { programs: { draft: unknown }[] };

/** A demo program of the given mode, as the server answers it to its officer, with `noticeWorkingDays` of notice. */
function programOf(mode: ProgramMode, noticeWorkingDays: number): Program {
  const draft = seed.programs.map((p) => programDraftSchema.parse(p.draft)).find((d) => d.rules.mode === mode)!;
  // As the server keeps it: a rule-only program's notice period with the other settings' defaults.
  const review =
    mode === 'reviewed' ? { ...draft.rules.review!, noticeWorkingDays } : noticeWorkingDays ? reviewSettingsSchema.parse({ noticeWorkingDays }) : null;
  const rules = { ...draft.rules, review };
  return servedProgram({ ...draft, rules }, ID);
}

const words = {
  // antd spaces a two-character Chinese button's label.
  'zh-CN': { field: '支付前公示期（工作日）', save: '保存', saveButton: /^保\s?存$/, help: /留空或填 0 表示不公示/ },
  'en-US': { field: 'Public notice before payment (working days)', save: 'Save', saveButton: /^Save$/, help: /Leave empty or enter 0 for no public notice/ },
};

async function openEditor(program: Program, locale: keyof typeof words, put?: (r: SeenRequest) => { status: number; body?: unknown }) {
  const seen = openProgramEditor(program, { locale, put });
  const field = (await screen.findByLabelText(words[locale].field)) as HTMLInputElement;
  return { seen, field };
}

async function saveWith(field: HTMLInputElement, days: string, locale: keyof typeof words, seen: SeenRequest[]) {
  await userEvent.clear(field);
  if (days) await userEvent.type(field, days);
  fireEvent.blur(field);
  await userEvent.click(within(screen.getByRole('region', { name: words[locale].save })).getByRole('button', { name: words[locale].saveButton }));
  await vi.waitFor(() => expect(seen.some((r) => r.method === 'PUT')).toBe(true), { timeout: 20_000 });
  return seen.find((r) => r.method === 'PUT')!.body as { rules: { mode: ProgramMode; review: Record<string, unknown> | null } };
}

describe('the program editor’s public notice period', () => {
  it.each(['zh-CN', 'en-US'] as const)('a rule-only program saves the days typed through updateProgram (%s)', { timeout: 120_000 }, async (locale) => {
    const { seen, field } = await openEditor(programOf('rule_only', 0), locale);
    expect(field.value).toBe('');
    expect(screen.getByText(words[locale].help)).toBeTruthy();
    const sent = await saveWith(field, '5', locale, seen);
    expect(sent.rules.mode).toBe('rule_only');
    expect(sent.rules.review).toEqual({ milestones: [], noticeWorkingDays: 5 });
    expect(programDraftSchema.safeParse(sent).success).toBe(true);
  });

  it('a reviewed program shows its days and saves a change with its other review settings kept', { timeout: 120_000 }, async () => {
    const program = programOf('reviewed', 3);
    const { seen, field } = await openEditor(program, 'en-US');
    expect(field.value).toBe('3');
    const sent = await saveWith(field, '7', 'en-US', seen);
    expect(sent.rules.review).toMatchObject({ ...program.rules!.review, noticeWorkingDays: 7 });
  });

  it('emptied, a rule-only program with notice sends none; the server’s complaint lands under the field', { timeout: 120_000 }, async () => {
    const { seen, field } = await openEditor(programOf('rule_only', 4), 'en-US', () => validationFailed('rules.review.noticeWorkingDays', 'TOO_BIG'));
    expect(field.value).toBe('4');
    const sent = await saveWith(field, '', 'en-US', seen);
    expect(sent.rules.review).toBeNull();
    const item = field.closest('.ant-form-item')!;
    await vi.waitFor(() => expect(item.querySelector('.ant-form-item-explain-error')).toBeTruthy());
  });
});
