import { fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Button, Form } from 'antd';
import { describe, expect, it, vi } from 'vitest';
import { programDraftSchema } from '../../../contracts/applications';
import seedFile from '../../../seed/programs.json';
import { renderInApp } from '../../test/render';
import { openProgramEditor, servedProgram } from '../../test/program-editor';
import type { EditorValues } from './program-draft';
import { reviewFromValues, reviewValues, ruleOnlyReviewFromValues } from './review-draft';
import { ReviewSettingsEditor } from './review-settings-editor';
import { tranchesFrom } from './tranches/tranche-draft';
import { TranchesEditor } from './tranches/tranches-editor';

// happy-dom has no canvas: the simulation card's chart stands in as its labelled figure.
vi.mock('../ecosystem/echart', () => ({ EChart: ({ label }: { label: string }) => <div role="img" aria-label={label} /> }));

const seed = seedFile as { programs: { draft: unknown }[] };
/** The demo's reviewed program (a rubric of three criteria and a midterm report). */
const reviewedDraft = seed.programs.map((p) => programDraftSchema.parse(p.draft)).find((d) => d.rules.mode === 'reviewed')!;

const words = {
  'zh-CN': {
    addReport: '添加报告',
    reportZh: (n: number) => `第 ${n} 份报告中文名称`,
    reportEn: (n: number) => `第 ${n} 份报告英文名称`,
    reportMonths: (n: number) => `第 ${n} 份报告提交时间（批准后月数）`,
    removeReport: (n: number) => `删除第 ${n} 份报告`,
    criterionEn: (n: number) => `第 ${n} 项评分标准英文名称`,
    addTranche: '添加一期',
    trancheShare: (n: number) => `第 ${n} 期比例（%）`,
    trancheWhen: (n: number) => `第 ${n} 期拨付时间`,
    trancheReport: (n: number) => `第 ${n} 期所需报告`,
    whenReport: '报告验收通过后',
    finalName: '结题报告',
    required: '此项必填。',
  },
  'en-US': {
    addReport: 'Add a report',
    reportZh: (n: number) => `Chinese name of report ${n}`,
    reportEn: (n: number) => `English name of report ${n}`,
    reportMonths: (n: number) => `Report ${n} due (months after the award)`,
    removeReport: (n: number) => `Remove report ${n}`,
    criterionEn: (n: number) => `English name of criterion ${n}`,
    addTranche: 'Add a tranche',
    trancheShare: (n: number) => `Tranche ${n} share (%)`,
    trancheWhen: (n: number) => `Tranche ${n} paid`,
    trancheReport: (n: number) => `Tranche ${n} report`,
    whenReport: 'When a report is accepted',
    finalName: 'Final report',
    required: 'This field is required.',
  },
};

function Editor({ onFinish, ruleOnly = false }: { onFinish: (values: Pick<EditorValues, 'review' | 'tranches'>) => void; ruleOnly?: boolean }) {
  const initialValues = ruleOnly
    ? { mode: 'rule_only', review: reviewValues(null), tranches: [{ share: '100', when: 'award' }] }
    : { mode: 'reviewed', review: reviewValues(reviewedDraft.rules.review as never), tranches: [{ share: '100', when: 'award' }] };
  return (
    <Form layout="vertical" initialValues={initialValues} onFinish={onFinish}>
      <Form.Item name="mode" hidden>
        <input />
      </Form.Item>
      <TranchesEditor />
      <ReviewSettingsEditor />
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

describe('the rubric and the reports as rows', () => {
  it.each(['zh-CN', 'en-US'] as const)(
    'a report added as a row is offered to the tranches, and a tranche still waits for it once it is renamed (%s)',
    { timeout: 120_000 },
    async (locale) => {
      const w = words[locale];
      const onFinish = vi.fn();
      renderInApp(<Editor onFinish={onFinish} />, { locale });
      // The loaded rows: three criteria, one report, nothing to type in a mini-syntax.
      expect((screen.getByLabelText(w.criterionEn(3)) as HTMLInputElement).value).toBe('Market');
      expect((screen.getByLabelText(w.reportEn(1)) as HTMLInputElement).value).toBe('Midterm report');
      expect(screen.queryByLabelText(w.reportEn(2))).toBeNull();

      await userEvent.click(screen.getByRole('button', { name: w.addReport }));
      type(w.reportZh(2), '结题报告');
      type(w.reportEn(2), 'Final report');
      type(w.reportMonths(2), '24');

      // A tranche can wait for the report just added, named in the page's language.
      type(w.trancheShare(1), '60');
      await userEvent.click(screen.getByRole('button', { name: w.addTranche }));
      type(w.trancheShare(2), '40');
      await pick(w.trancheWhen(2), w.whenReport);
      await pick(w.trancheReport(2), w.finalName);
      // Renamed after it was picked: the tranche still waits for the same report.
      type(w.reportEn(2), 'Closing report');
      type(w.reportZh(2), '结题总结');
      const chosen = screen.getByLabelText(w.trancheReport(2)).closest('.ant-select')!;
      await vi.waitFor(() => expect(chosen.textContent).toContain(locale === 'zh-CN' ? '结题总结' : 'Closing report'));

      await userEvent.click(screen.getByRole('button', { name: 'OK' }));
      await vi.waitFor(() => expect(onFinish).toHaveBeenCalled());
      const values = onFinish.mock.calls[0]![0] as Pick<EditorValues, 'review' | 'tranches'>;
      const review = reviewFromValues(values.review!);
      expect(review.milestones).toEqual([
        { key: 'midterm', name: { zh: '中期报告', en: 'Midterm report' }, dueAfterMonths: 6 },
        { key: 'report_2', name: { zh: '结题总结', en: 'Closing report' }, dueAfterMonths: 24 },
      ]);
      expect(review.rubric).toEqual(reviewedDraft.rules.review!.rubric);
      expect(tranchesFrom(values.tranches)).toEqual([
        { shareBasisPoints: 6000, condition: null },
        { shareBasisPoints: 4000, condition: { kind: 'milestone_accepted', milestone: 'report_2' } },
      ]);
    },
  );

  it('a rule-only program has reports too, without the reviewers’ settings, and a tranche can wait for one', { timeout: 120_000 }, async () => {
    const w = words['en-US'];
    const onFinish = vi.fn();
    renderInApp(<Editor onFinish={onFinish} ruleOnly />, { locale: 'en-US' });
    expect(screen.queryByLabelText(w.criterionEn(1))).toBeNull();
    expect(screen.getByText('No reports.')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: w.addReport }));
    type(w.reportZh(1), '结题报告');
    type(w.reportEn(1), 'Final report');
    type(w.reportMonths(1), '12');
    await pick(w.trancheWhen(1), w.whenReport);
    await pick(w.trancheReport(1), w.finalName);
    await userEvent.click(screen.getByRole('button', { name: 'OK' }));
    await vi.waitFor(() => expect(onFinish).toHaveBeenCalled());
    const values = onFinish.mock.calls[0]![0] as Pick<EditorValues, 'review' | 'tranches'>;
    expect(ruleOnlyReviewFromValues(values.review!)).toEqual({
      milestones: [{ key: 'report_1', name: { zh: '结题报告', en: 'Final report' }, dueAfterMonths: 12 }],
      noticeWorkingDays: 0,
    });
    expect(tranchesFrom(values.tranches)).toEqual([{ shareBasisPoints: 10000, condition: { kind: 'milestone_accepted', milestone: 'report_1' } }]);
  });

  it('a row without a name or with months that are not whole is not saved; the error is under that row', { timeout: 120_000 }, async () => {
    const w = words['en-US'];
    const onFinish = vi.fn();
    renderInApp(<Editor onFinish={onFinish} />, { locale: 'en-US' });
    await userEvent.click(screen.getByRole('button', { name: w.addReport }));
    type(w.reportZh(2), '结题报告');
    type(w.reportMonths(2), 'two');
    await userEvent.click(screen.getByRole('button', { name: 'OK' }));
    const row = () => document.querySelector('[data-milestone-row="2"]')!;
    await vi.waitFor(() => expect(row().querySelectorAll('.ant-form-item-explain-error')).toHaveLength(2));
    expect(within(row() as HTMLElement).getByText(w.required)).toBeTruthy();
    expect(within(row() as HTMLElement).getByText('Enter a whole number from 0 to 120.')).toBeTruthy();
    expect(document.querySelector('[data-milestone-row="1"] .ant-form-item-explain-error')).toBeNull();
    expect(onFinish).not.toHaveBeenCalled();

    // Removed, the row is gone and the rest is saved.
    await userEvent.click(screen.getByRole('button', { name: w.removeReport(2) }));
    await userEvent.click(screen.getByRole('button', { name: 'OK' }));
    await vi.waitFor(() => expect(onFinish).toHaveBeenCalled());
    expect(reviewFromValues(onFinish.mock.calls[0]![0].review).milestones).toEqual(reviewedDraft.rules.review!.milestones);
  });
});

describe('the program editor saves the rows', () => {
  const ID = '01a2373f-0000-7000-8000-0000000000b2';
  const program = servedProgram(reviewedDraft, ID);

  it('sends a new report with the key it got when added and the loaded ones unchanged, and keeps the key when renamed', { timeout: 120_000 }, async () => {
    const w = words['en-US'];
    const seen = openProgramEditor(program);
    await userEvent.click(await screen.findByRole('button', { name: w.addReport }));
    type(w.reportZh(2), '年度报告');
    type(w.reportEn(2), 'Annual report');
    type(w.reportMonths(2), '12');
    await userEvent.click(within(screen.getByRole('region', { name: 'Save' })).getByRole('button', { name: /^Save$/ }));
    await vi.waitFor(() => expect(seen.some((r) => r.method === 'PUT')).toBe(true), { timeout: 20_000 });
    const sent = seen.find((r) => r.method === 'PUT')!.body as { rules: { review: { rubric: unknown; milestones: unknown } } };
    expect(sent.rules.review.milestones).toEqual([
      { key: 'midterm', name: { zh: '中期报告', en: 'Midterm report' }, dueAfterMonths: 6 },
      { key: 'report_2', name: { zh: '年度报告', en: 'Annual report' }, dueAfterMonths: 12 },
    ]);
    expect(sent.rules.review.rubric).toEqual(reviewedDraft.rules.review!.rubric);
    expect(programDraftSchema.safeParse(sent).success).toBe(true);

    // Saved, the new report keeps its key when it is renamed (a tranche or a stored report may point at it).
    type(w.reportEn(2), 'Yearly report');
    await userEvent.click(within(screen.getByRole('region', { name: 'Save' })).getByRole('button', { name: /^Save$/ }));
    await vi.waitFor(() => expect(seen.filter((r) => r.method === 'PUT')).toHaveLength(2), { timeout: 20_000 });
    const again = seen.filter((r) => r.method === 'PUT')[1]!.body as { rules: { review: { milestones: unknown } } };
    expect(again.rules.review.milestones).toEqual([
      { key: 'midterm', name: { zh: '中期报告', en: 'Midterm report' }, dueAfterMonths: 6 },
      { key: 'report_2', name: { zh: '年度报告', en: 'Yearly report' }, dueAfterMonths: 12 },
    ]);
  });
});
