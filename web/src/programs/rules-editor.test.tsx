import { fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Button, Form } from 'antd';
import { describe, expect, it, vi } from 'vitest';
import { programDraftSchema, type ProgramDraft } from '../../../contracts/applications';
import seedFile from '../../../seed/programs.json';
import { renderInApp } from '../../test/render';
import { openProgramEditor, servedProgram } from '../../test/program-editor';
import { draftFromValues, valuesFromProgram, type EditorValues } from './program-draft';
import { BenefitEditor, FormFieldsEditor } from './rules-editor';

// happy-dom has no canvas: the simulation card's chart stands in as its labelled figure.
vi.mock('../ecosystem/echart', () => ({ EChart: ({ label }: { label: string }) => <div role="img" aria-label={label} /> }));

const seed = seedFile as { programs: { draft: unknown }[] };
const drafts = seed.programs.map((p) => programDraftSchema.parse(p.draft));
/** The demo's compute vouchers: a `chips` choice (domestic, other; field 3) and a rate for domestic chips. */
const vouchers = drafts.find((d) => d.rules.benefit.type === 'percentage' && d.rules.benefit.byChoice)!;
/** The demo's graduate allowance: a table by degree (bachelor, master, doctorate). */
const graduates = drafts.find((d) => d.rules.benefit.type === 'table' && d.rules.benefit.by === 'degree')!;

const ID = '01a2373f-0000-7000-8000-0000000000c3';
const programOf = (draft: ProgramDraft) => servedProgram(draft, ID);

const words = {
  'zh-CN': {
    of: '申报金额字段',
    amountField: '合同金额',
    choiceField: '按选项定比例的字段',
    chipsField: '算力芯片',
    addOption: '添加选项',
    optionZh: (n: number, f: number) => `第 ${f} 个字段第 ${n} 个选项中文名称`,
    optionEn: (n: number, f: number) => `第 ${f} 个字段第 ${n} 个选项英文名称`,
    addRate: '添加比例',
    rateOption: (n: number) => `第 ${n} 个比例的选项`,
    ratePercent: (n: number) => `第 ${n} 个比例（%）`,
    newOption: '云服务',
    addRow: '添加一行',
    rowDegree: (n: number) => `第 ${n} 行学历`,
    rowAmount: (n: number) => `第 ${n} 行金额（元）`,
    removeRow: (n: number) => `删除第 ${n} 行`,
    doctorate: '博士',
    required: '此项必填。',
    percentRange: '请输入大于 0、不超过 100 的百分比（最多两位小数）。',
  },
  'en-US': {
    of: 'Claimed amount field',
    amountField: 'Contract amount',
    choiceField: 'Rate by the answer of',
    chipsField: 'Accelerators',
    addOption: 'Add an option',
    optionZh: (n: number, f: number) => `Chinese label of option ${n} of field ${f}`,
    optionEn: (n: number, f: number) => `English label of option ${n} of field ${f}`,
    addRate: 'Add a rate',
    rateOption: (n: number) => `Option of rate ${n}`,
    ratePercent: (n: number) => `Rate ${n} (%)`,
    newOption: 'Cloud service',
    addRow: 'Add a row',
    rowDegree: (n: number) => `Degree of row ${n}`,
    rowAmount: (n: number) => `Amount of row ${n} (yuan)`,
    removeRow: (n: number) => `Remove row ${n}`,
    doctorate: 'doctorate',
    required: 'This field is required.',
    percentRange: 'Enter a percentage above 0 and up to 100 (at most two decimals).',
  },
};

/** The form fields and the benefit of a program, as the editor shows them; OK sends every value as the draft. */
function Editor({ draft, onDraft }: { draft: ProgramDraft; onDraft: (draft: ProgramDraft) => void }) {
  const [form] = Form.useForm<EditorValues>();
  return (
    <Form
      form={form}
      layout="vertical"
      initialValues={valuesFromProgram(programOf(draft))}
      onFinish={() => onDraft(draftFromValues(form.getFieldsValue(true)))}
    >
      <FormFieldsEditor />
      <BenefitEditor />
      <Button htmlType="submit">OK</Button>
    </Form>
  );
}

async function pick(label: string, option: string) {
  fireEvent.mouseDown(screen.getByLabelText(label));
  const options = await screen.findAllByTitle(option);
  await userEvent.click(options.at(-1)!);
}

const type = (label: string, value: string) => fireEvent.change(screen.getByLabelText(label), { target: { value } });
const valueOf = (label: string) => (screen.getByLabelText(label) as HTMLInputElement).value;

describe('a choice’s options and the rates by option as rows', () => {
  it.each(['zh-CN', 'en-US'] as const)(
    'an option added as a row can get its own rate; loaded options keep their values (%s)',
    { timeout: 120_000 },
    async (locale) => {
      const w = words[locale];
      const onDraft = vi.fn();
      renderInApp(<Editor draft={vouchers} onDraft={onDraft} />, { locale });
      // The loaded options and rate, as rows: nothing to type in a mini-syntax.
      expect(valueOf(w.optionEn(1, 3))).toBe('Domestic chips or a registered foundation-model service');
      expect(valueOf(w.optionZh(2, 3))).toBe('其他芯片');
      expect(((await screen.findByLabelText(w.ratePercent(1))) as HTMLInputElement).value).toBe('30');
      expect(screen.queryByLabelText(w.optionEn(3, 3))).toBeNull();
      // The claimed amount and the choice the rates go by are named, not shown by their keys.
      expect(within(screen.getByLabelText(w.of).closest('.ant-select') as HTMLElement).getByText(w.amountField)).toBeTruthy();
      expect(within(screen.getByLabelText(w.choiceField).closest('.ant-select') as HTMLElement).getByText(w.chipsField)).toBeTruthy();

      await userEvent.click(screen.getByRole('button', { name: w.addOption }));
      type(w.optionZh(3, 3), '云服务');
      type(w.optionEn(3, 3), 'Cloud service');
      await userEvent.click(screen.getByRole('button', { name: w.addRate }));
      // The rate's option is picked by its name in the page's language.
      await pick(w.rateOption(2), w.newOption);
      type(w.ratePercent(2), '101');
      await userEvent.click(screen.getByRole('button', { name: 'OK' }));
      const row = () => document.querySelector('[data-rate-row="2"]') as HTMLElement;
      await vi.waitFor(() => expect(within(row()).getByText(w.percentRange)).toBeTruthy());
      expect(onDraft).not.toHaveBeenCalled();

      type(w.ratePercent(2), '20');
      await userEvent.click(screen.getByRole('button', { name: 'OK' }));
      await vi.waitFor(() => expect(onDraft).toHaveBeenCalled());
      const draft = onDraft.mock.calls[0]![0] as ProgramDraft;
      const chips = draft.rules.form.find((f) => f.key === 'chips')!;
      expect(chips.type === 'choice' && chips.options).toEqual([
        ...(vouchers.rules.form.find((f) => f.key === 'chips') as { options: unknown[] }).options,
        { value: 'option_3', label: { zh: '云服务', en: 'Cloud service' } },
      ]);
      expect(draft.rules.benefit.type === 'percentage' && draft.rules.benefit.byChoice).toEqual({
        field: 'chips',
        rates: [
          { option: 'domestic', basisPoints: 3000 },
          { option: 'option_3', basisPoints: 2000 },
        ],
      });
      expect(programDraftSchema.safeParse(draft).success).toBe(true);
    },
  );
});

describe('a table’s rows', () => {
  it.each(['zh-CN', 'en-US'] as const)(
    'a row is a degree picked from the list and an amount in yuan; an empty row is not sent (%s)',
    { timeout: 120_000 },
    async (locale) => {
      const w = words[locale];
      const onDraft = vi.fn();
      renderInApp(<Editor draft={graduates} onDraft={onDraft} />, { locale });
      expect(valueOf(w.rowAmount(2))).toBe('30,000');
      await userEvent.click(screen.getByRole('button', { name: w.removeRow(3) }));
      expect(screen.queryByLabelText(w.rowAmount(3))).toBeNull();

      await userEvent.click(screen.getByRole('button', { name: w.addRow }));
      await pick(w.rowDegree(3), w.doctorate);
      type(w.rowAmount(3), '120000');
      await userEvent.click(screen.getByRole('button', { name: w.addRow }));
      await userEvent.click(screen.getByRole('button', { name: 'OK' }));
      const row = () => document.querySelector('[data-table-row="4"]') as HTMLElement;
      await vi.waitFor(() => expect(within(row()).getAllByText(w.required)).toHaveLength(2));
      expect(onDraft).not.toHaveBeenCalled();

      await userEvent.click(screen.getByRole('button', { name: w.removeRow(4) }));
      await userEvent.click(screen.getByRole('button', { name: 'OK' }));
      await vi.waitFor(() => expect(onDraft).toHaveBeenCalled());
      const draft = onDraft.mock.calls[0]![0] as ProgramDraft;
      expect(draft.rules.benefit.type === 'table' && draft.rules.benefit.rows).toEqual([
        { key: 'bachelor', amount: '1000000' },
        { key: 'master', amount: '3000000' },
        { key: 'doctorate', amount: '12000000' },
      ]);
      expect(programDraftSchema.safeParse(draft).success).toBe(true);
    },
  );
});

describe('the program editor saves the option rows', () => {
  it('sends a new option with the value it got when added, the loaded ones unchanged, and a rate for it', { timeout: 120_000 }, async () => {
    const w = words['en-US'];
    const program = programOf(vouchers);
    const seen = openProgramEditor(program);
    await userEvent.click(await screen.findByRole('button', { name: w.addOption }));
    type(w.optionZh(3, 3), '云服务');
    type(w.optionEn(3, 3), 'Cloud service');
    await userEvent.click(screen.getByRole('button', { name: w.addRate }));
    await pick(w.rateOption(2), w.newOption);
    type(w.ratePercent(2), '25');
    await userEvent.click(within(screen.getByRole('region', { name: 'Save' })).getByRole('button', { name: /^Save$/ }));
    await vi.waitFor(() => expect(seen.some((r) => r.method === 'PUT')).toBe(true), { timeout: 20_000 });
    const sent = seen.find((r) => r.method === 'PUT')!.body as ProgramDraft;
    const chips = sent.rules.form.find((f) => f.key === 'chips') as { options: { value: string }[] };
    expect(chips.options.map((o) => o.value)).toEqual(['domestic', 'other', 'option_3']);
    expect(sent.rules.benefit).toMatchObject({
      byChoice: {
        field: 'chips',
        rates: [
          { option: 'domestic', basisPoints: 3000 },
          { option: 'option_3', basisPoints: 2500 },
        ],
      },
    });
    expect(sent.rules.criteria).toEqual(vouchers.rules.criteria);
    expect(programDraftSchema.safeParse(sent).success).toBe(true);
  });
});

describe('a form field’s key', () => {
  const fieldWords = {
    'zh-CN': {
      addField: '添加字段',
      labelZh: (n: number) => `第 ${n} 个字段的中文标签`,
      labelEn: (n: number) => `第 ${n} 个字段的英文标签`,
      inRules: (key: string) => `规则文本中写作 answers.${key}`,
      remove: (n: number) => `删除第 ${n} 个字段`,
    },
    'en-US': {
      addField: 'Add field',
      labelZh: (n: number) => `Chinese label of field ${n}`,
      labelEn: (n: number) => `English label of field ${n}`,
      inRules: (key: string) => `In rule text: answers.${key}`,
      remove: (n: number) => `Remove field ${n}`,
    },
  };

  it.each(['zh-CN', 'en-US'] as const)(
    'is made when the field is added, shown for rule text, never typed; loaded keys stay (%s)',
    { timeout: 120_000 },
    async (locale) => {
      const w = fieldWords[locale];
      const onDraft = vi.fn();
      renderInApp(<Editor draft={vouchers} onDraft={onDraft} />, { locale });
      const loaded = vouchers.rules.form.map((f) => f.key);
      const n = loaded.length + 1;
      // Each loaded field names the key rule text uses; nothing asks for a key.
      for (const key of loaded) expect(screen.getByText(w.inRules(key))).toBeTruthy();
      await userEvent.click(screen.getByRole('button', { name: w.addField }));
      type(w.labelZh(n), '团队人数');
      type(w.labelEn(n), 'Team size');
      expect(screen.getByText(w.inRules(`field_${n}`))).toBeTruthy();
      expect(screen.getByRole('button', { name: w.remove(n) })).toBeTruthy();
      expect(
        screen
          .queryAllByRole('textbox')
          .filter((box) => (box as HTMLInputElement).value === `field_${n}`)
          .every((box) => box.closest('.ant-form-item-hidden')),
      ).toBe(true);

      await userEvent.click(screen.getByRole('button', { name: 'OK' }));
      await vi.waitFor(() => expect(onDraft).toHaveBeenCalled());
      const draft = onDraft.mock.calls[0]![0] as ProgramDraft;
      expect(draft.rules.form.map((f) => f.key)).toEqual([...loaded, `field_${n}`]);
      expect(draft.rules.form.at(-1)!.label).toEqual({ zh: '团队人数', en: 'Team size' });
      expect(programDraftSchema.safeParse(draft).success).toBe(true);
    },
  );
});

describe('a stacking group', () => {
  it('is picked from the groups the hub’s programs share, each shown with its programs', { timeout: 120_000 }, async () => {
    const program = programOf(vouchers);
    const group = vouchers.rules.benefit.type === 'percentage' ? vouchers.rules.benefit.stacking!.group : '';
    const other = { ...program, id: '01a2373f-0000-7000-8000-0000000000c4', name: { zh: '云合同补贴', en: 'Cloud contract subsidy' } };
    const unstacked = programOf(graduates);
    const seen = openProgramEditor(program, { programs: [program, other, { ...unstacked, id: '01a2373f-0000-7000-8000-0000000000c5' }] });
    const box = await screen.findByLabelText('Stacking group');
    expect((box as HTMLInputElement).value).toBe(group);
    await userEvent.clear(box);
    await userEvent.type(box, group.slice(0, 4));
    const option = await screen.findByText(`${group} (${program.name.en} and Cloud contract subsidy)`);
    await userEvent.click(option);
    expect((box as HTMLInputElement).value).toBe(group);
    await userEvent.click(within(screen.getByRole('region', { name: 'Save' })).getByRole('button', { name: /^Save$/ }));
    await vi.waitFor(() => expect(seen.some((r) => r.method === 'PUT')).toBe(true), { timeout: 20_000 });
    const sent = seen.find((r) => r.method === 'PUT')!.body as ProgramDraft;
    expect(sent.rules.benefit).toMatchObject({ stacking: { group } });
  });
});
