import { describe, expect, it } from 'vitest';
import { programDraftSchema, type Program } from '../../../contracts/applications';
import { reviewSettingsSchema } from '../../../contracts/review-settings';
import seedFile from '../../../seed/programs.json';
import { servedProgram } from '../../test/program-editor';
import { DraftLineError } from './draft-line-error';
import { editorFieldFor } from './editor-field-for';
import { reviewValues, type ReviewValues } from './review-draft';
import { draftFromValues, emptyValues, newProgramValues, valuesFromProgram } from './program-draft';
import { trancheRows, type TrancheRow } from './tranches/tranche-draft';
import { builderFieldsOf } from './rule-builder/criteria-draft';

// The editor's round trip over the real demo programs: program -> editor values -> draft.
const seed = seedFile as { programs: { draft: unknown }[] };

describe('program editor values', () => {
  it.each(seed.programs.map((p) => [programDraftSchema.parse(p.draft).name.en, programDraftSchema.parse(p.draft)] as const))(
    'round-trips %s',
    (_name, draft) => {
      const program = servedProgram(draft, '00000000-0000-4000-8000-000000000000');
      const values = valuesFromProgram(program);
      // Options, rates and table rows come as rows, never as lines of text.
      for (const field of values.fields) expect(field.options === undefined || Array.isArray(field.options)).toBe(true);
      expect(values.choiceRates === undefined || Array.isArray(values.choiceRates)).toBe(true);
      expect(values.tableRows === undefined || Array.isArray(values.tableRows)).toBe(true);
      const back = programDraftSchema.parse(draftFromValues(values));
      expect(back.rules).toEqual(draft.rules);
      expect(back.window).toEqual(draft.window);
    },
  );

  it('shows the compute vouchers’ options and rates and the graduate table as rows, values kept', () => {
    const drafts = seed.programs.map((p) => programDraftSchema.parse(p.draft));
    const asProgram = (draft: (typeof drafts)[number]) =>
      ({ ...draft, claimField: draft.claimField ?? null, form: draft.rules.form, benefit: draft.rules.benefit, criteria: [] }) as unknown as Program;
    const vouchers = valuesFromProgram(asProgram(drafts.find((d) => d.rules.form.some((f) => f.key === 'chips'))!));
    expect(vouchers.fields.find((f) => f.key === 'chips')!.options).toEqual([
      { key: 'domestic', zh: '国产芯片或已备案大模型服务', en: 'Domestic chips or a registered foundation-model service' },
      { key: 'other', zh: '其他芯片', en: 'Other chips' },
    ]);
    expect(vouchers.choiceRates).toEqual([{ option: 'domestic', rate: '30' }]);
    const graduates = valuesFromProgram(asProgram(drafts.find((d) => d.rules.benefit.type === 'table' && d.rules.benefit.by === 'degree')!));
    expect(graduates.tableRows).toEqual([
      { key: 'bachelor', amount: '10,000' },
      { key: 'master', amount: '30,000' },
      { key: 'doctorate', amount: '100,000' },
    ]);
  });

  const chips = {
    key: 'chips',
    type: 'choice' as const,
    labelZh: '芯片',
    labelEn: 'Chips',
    required: true,
    options: [{ key: 'domestic', zh: ' 国产 ', en: 'Domestic' }, { zh: '云服务', en: 'Cloud' }, undefined],
  };
  const claimed = { key: 'amount', type: 'money' as const, labelZh: '金额', labelEn: 'Amount', required: true };

  it('sends a choice’s option rows with their values, and numbers an option that has none', () => {
    const draft = draftFromValues({ ...emptyValues(2026), amount: '100', fields: [chips] });
    expect(draft.rules.form[0]).toMatchObject({
      options: [
        { value: 'domestic', label: { zh: '国产', en: 'Domestic' } },
        { value: 'option_2', label: { zh: '云服务', en: 'Cloud' } },
        { value: 'option_3', label: { zh: '', en: '' } },
      ],
    });
    // The rule builder compares the same values, an unnamed option reading as its value.
    expect(builderFieldsOf([chips])[0]!.options).toEqual([
      { value: 'domestic', label: { zh: '国产', en: 'Domestic' } },
      { value: 'option_2', label: { zh: '云服务', en: 'Cloud' } },
      { value: 'option_3', label: { zh: 'option_3', en: 'option_3' } },
    ]);
    // A missing label goes under that option's input.
    const result = programDraftSchema.safeParse(draft);
    expect(result.success).toBe(false);
    const paths = result.error!.issues.map((issue) => issue.path.join('.'));
    expect(paths).toContain('rules.form.0.options.2.label.en');
    expect(editorFieldFor('rules.form.0.options.2.label.en')).toEqual(['fields', 0, 'options', 2, 'en']);
    expect(editorFieldFor('rules.form.1.options.0.label.zh')).toEqual(['fields', 1, 'options', 0, 'zh']);
    expect(editorFieldFor('rules.form.1.options.0.value')).toEqual(['fields', 1, 'options', 0, 'en']);
  });

  it('reads rates by option and table rows, and names the row whose number does not fit', () => {
    const percentage = {
      ...emptyValues(2026),
      fields: [claimed, chips],
      benefitType: 'percentage' as const,
      of: 'amount',
      rate: '20',
      choiceField: 'chips',
      choiceRates: [
        { option: 'domestic', rate: '30' },
        { option: 'option_2', rate: '12.5%' },
      ],
    };
    expect(draftFromValues(percentage).rules.benefit).toMatchObject({
      byChoice: {
        field: 'chips',
        rates: [
          { option: 'domestic', basisPoints: 3000 },
          { option: 'option_2', basisPoints: 1250 },
        ],
      },
    });
    const table = {
      ...emptyValues(2026),
      applicantType: 'person' as const,
      benefitType: 'table' as const,
      tableBy: 'talentTier' as const,
      tableRows: [
        { key: 'A', amount: '2,000,000' },
        { key: 'B', amount: '500000.5' },
      ],
    };
    expect(draftFromValues(table).rules.benefit).toMatchObject({
      by: 'talentTier',
      rows: [
        { key: 'A', amount: '200000000' },
        { key: 'B', amount: '50000050' },
      ],
    });
    const at = (values: Parameters<typeof draftFromValues>[0]) => {
      try {
        draftFromValues(values);
      } catch (error) {
        return error instanceof DraftLineError ? [error.field, error.line] : error;
      }
      return null;
    };
    expect(
      at({
        ...percentage,
        choiceRates: [
          { option: 'domestic', rate: '30' },
          { option: 'option_2', rate: 'half' },
        ],
      }),
    ).toEqual(['choiceRates.1.rate', 2]);
    expect(at({ ...table, tableRows: [{ key: 'A', amount: 'lots' }] })).toEqual(['tableRows.0.amount', 1]);
    expect(at({ ...table, tableRows: [{ key: 'A' }] })).toEqual(['tableRows.0.amount', 1]);
    expect(editorFieldFor('rules.benefit.byChoice.rates.1.basisPoints')).toEqual(['choiceRates', 1, 'rate']);
    expect(editorFieldFor('rules.benefit.byChoice.rates.0.option')).toEqual(['choiceRates', 0, 'option']);
    expect(editorFieldFor('rules.benefit.rows.2.amount')).toEqual(['tableRows', 2, 'amount']);
    expect(editorFieldFor('rules.benefit.rows.0.key')).toEqual(['tableRows', 0, 'key']);
  });

  it('reads every kind of tranche condition and writes it back the same', () => {
    const tranches = [
      { share: '40', when: 'award' as const },
      { share: '20', when: 'social_insurance_months' as const, months: '6' },
      { share: '20', when: 'date' as const, months: '12' },
      { share: '20', when: 'milestone_accepted' as const, milestone: 'midterm' },
    ];
    const draft = draftFromValues({ ...emptyValues(2026), amount: '100', tranches });
    expect(draft.rules.benefit.tranches).toEqual([
      { shareBasisPoints: 4000, condition: null },
      { shareBasisPoints: 2000, condition: { kind: 'social_insurance_months', months: 6 } },
      { shareBasisPoints: 2000, condition: { kind: 'date', monthsAfterAward: 12 } },
      { shareBasisPoints: 2000, condition: { kind: 'milestone_accepted', milestone: 'midterm' } },
    ]);
    expect(trancheRows(draft.rules.benefit.tranches!)).toEqual(tranches);
  });

  it('names the tranche row and the part of it that does not fit', () => {
    const at = (tranches: TrancheRow[]) => {
      try {
        draftFromValues({ ...emptyValues(2026), amount: '100', tranches });
      } catch (error) {
        return error instanceof DraftLineError ? [error.field, error.line] : error;
      }
      return null;
    };
    expect(
      at([
        { share: '50', when: 'date', months: 'soon' },
        { share: '50', when: 'award' },
      ]),
    ).toEqual(['tranches.0.months', 1]);
    expect(
      at([
        { share: '50', when: 'award' },
        { share: 'half', when: 'award' },
      ]),
    ).toEqual(['tranches.1.share', 2]);
    expect(
      at([
        { share: '50', when: 'award' },
        { share: '50', when: 'milestone_accepted' },
      ]),
    ).toEqual(['tranches.1.milestone', 2]);
  });
});

describe('review settings in the editor', () => {
  const reviewed = (review: Partial<ReviewValues>) =>
    draftFromValues({ ...emptyValues(2026), amount: '100', mode: 'reviewed', review: { ...reviewValues(null), ...review } });

  it('reads the rubric, the reports and the two-person threshold in yuan', () => {
    const draft = reviewed({
      reviewersPerApplication: '3',
      twoPersonThreshold: '1,000,000',
      rubric: [
        { key: 'innovation', zh: '创新性', en: 'Innovation', weight: '40', scale: '5' },
        { key: 'team', zh: '团队', en: ' Team ', weight: '60', scale: '10' },
      ],
      milestones: [{ key: 'midterm', zh: '中期报告', en: 'Midterm report', months: '6' }],
    });
    expect(draft.rules.review).toEqual({
      reviewersPerApplication: 3,
      conflictYears: 5,
      twoPersonThreshold: '100000000',
      scoresVisibleToApplicant: false,
      rubric: [
        { key: 'innovation', name: { zh: '创新性', en: 'Innovation' }, weight: 40, scale: 5 },
        { key: 'team', name: { zh: '团队', en: 'Team' }, weight: 60, scale: 10 },
      ],
      milestones: [{ key: 'midterm', name: { zh: '中期报告', en: 'Midterm report' }, dueAfterMonths: 6 }],
      noticeWorkingDays: 0,
    });
    // A rule-only program sends only what it uses: nothing, or its notice period (the server fills in the rest).
    expect(draftFromValues({ ...emptyValues(2026), amount: '100' }).rules.review).toBeNull();
    const noticed = draftFromValues({ ...emptyValues(2026), amount: '100', review: { ...reviewValues(null), noticeWorkingDays: 5 } });
    expect(noticed.rules.review).toEqual({ milestones: [], noticeWorkingDays: 5 });
  });

  it('sends each row with its key, and numbers a row that has none', () => {
    const draft = reviewed({
      milestones: [
        { key: 'midterm', zh: '中期报告', en: 'Final report', months: '6' },
        { key: 'report_2', zh: '结题报告', en: 'Final report', months: '24' },
        { zh: '补充材料', en: 'More', months: '0' },
      ],
    });
    expect(draft.rules.review?.milestones?.map((m) => m.key)).toEqual(['midterm', 'report_2', 'report_3']);
    expect(reviewSettingsSchema.safeParse(draft.rules.review).success).toBe(true);
    // A rule-only program's report is what a tranche can wait for, under the same key.
    const paid = draftFromValues({
      ...emptyValues(2026),
      amount: '100',
      tranches: [{ share: '100', when: 'milestone_accepted', milestone: 'report_1' }],
      review: { ...reviewValues(null), milestones: [{ key: 'report_1', zh: '结题报告', en: 'Final report', months: '24' }] },
    });
    expect(paid.rules.review).toEqual({
      milestones: [{ key: 'report_1', name: { zh: '结题报告', en: 'Final report' }, dueAfterMonths: 24 }],
      noticeWorkingDays: 0,
    });
    expect(reviewSettingsSchema.safeParse(paid.rules.review).success).toBe(true);
  });

  it('puts a row’s missing name under that row’s input', () => {
    const draft = reviewed({ milestones: [{ key: 'midterm', zh: '中期报告', en: ' ', months: '6' }] });
    const result = programDraftSchema.safeParse(draft);
    expect(result.success).toBe(false);
    const paths = result.error!.issues.map((issue) => issue.path.join('.'));
    expect(paths).toContain('rules.review.milestones.0.name.en');
    expect(editorFieldFor('rules.review.milestones.0.name.en')).toEqual(['review', 'milestones', 0, 'en']);
    expect(editorFieldFor('rules.review.milestones.2.dueAfterMonths')).toEqual(['review', 'milestones', 2, 'months']);
    expect(editorFieldFor('rules.review.rubric.1.name.zh')).toEqual(['review', 'rubric', 1, 'zh']);
    expect(editorFieldFor('rules.review.rubric.1.scale')).toEqual(['review', 'rubric', 1, 'scale']);
    expect(editorFieldFor('rules.review.rubric.0.key')).toEqual(['review', 'rubric', 0, 'en']);
  });

  it('names the row and the input whose number is not whole', () => {
    const at = (review: Partial<ReviewValues>) => {
      try {
        reviewed(review);
      } catch (error) {
        return error instanceof DraftLineError ? [error.field, error.line] : error;
      }
      return null;
    };
    expect(
      at({
        rubric: [
          { key: 'innovation', zh: '创新性', en: 'Innovation', weight: '40', scale: '5' },
          { zh: '团队', en: 'Team', weight: 'sixty', scale: '5' },
        ],
      }),
    ).toEqual(['review.rubric.1.weight', 2]);
    expect(at({ milestones: [{ zh: '中期报告', en: 'Midterm report', months: '' }] })).toEqual(['review.milestones.0.months', 1]);
    expect(at({ milestones: [{ zh: '中期报告', en: 'Midterm report', months: '6' }] })).toBeNull();
  });
});

describe('a new program’s window', () => {
  it('opens today, not on a day already past, and closes at the year’s end, on this year’s budget', () => {
    expect(newProgramValues('2026-06-15')).toMatchObject({ opensOn: '2026-06-15', closesOn: '2026-12-31', fiscalYear: '2026' });
    expect(newProgramValues('2026-12-06')).toMatchObject({ opensOn: '2026-12-06', closesOn: '2026-12-31', fiscalYear: '2026' });
  });
});
