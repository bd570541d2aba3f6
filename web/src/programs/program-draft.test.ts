import { describe, expect, it } from 'vitest';
import { programDraftSchema, type Program } from '../../../contracts/applications';
import seedFile from '../../../seed/programs.json';
import { DraftLineError, draftFromValues, emptyValues, valuesFromProgram } from './program-draft';

// The editor's round trip over the real demo programs: program -> editor values -> draft.
const seed = seedFile as { programs: { draft: unknown }[] };

describe('program editor values', () => {
  it.each(seed.programs.map((p) => [programDraftSchema.parse(p.draft).name.en, programDraftSchema.parse(p.draft)] as const))('round-trips %s', (_name, draft) => {
    const program = {
      ...draft,
      id: '00000000-0000-4000-8000-000000000000',
      hub: 'hangzhou',
      status: 'draft',
      claimField: draft.claimField ?? null,
      version: 1,
      applicantType: draft.rules.applicantType,
      mode: draft.rules.mode,
      criteria: [],
      form: draft.rules.form,
      benefit: draft.rules.benefit,
      budgetLeft: null,
    } as Program;
    const back = programDraftSchema.parse(draftFromValues(valuesFromProgram(program)));
    expect(back.rules).toEqual(draft.rules);
    expect(back.window).toEqual(draft.window);
  });

  it('reads every kind of tranche condition and writes it back the same', () => {
    const draft = draftFromValues({ ...emptyValues(2026), amount: '100', tranches: '40\n20@6\n20@date:12\n20@report:midterm' });
    expect(draft.rules.benefit.tranches).toEqual([
      { shareBasisPoints: 4000, condition: null },
      { shareBasisPoints: 2000, condition: { kind: 'social_insurance_months', months: 6 } },
      { shareBasisPoints: 2000, condition: { kind: 'date', monthsAfterAward: 12 } },
      { shareBasisPoints: 2000, condition: { kind: 'milestone_accepted', milestone: 'midterm' } },
    ]);
    expect(() => draftFromValues({ ...emptyValues(2026), amount: '100', tranches: '50@date:soon\n50' })).toThrow(DraftLineError);
  });

  it('names the line of a tranche list that does not parse', () => {
    expect(() => draftFromValues({ ...emptyValues(2026), amount: '100', tranches: '50@6\nhalf' })).toThrow(DraftLineError);
  });
});
