import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { benefitFormulaSchema, programRulesSchema, type BenefitFormulaInput, type Degree } from '../../../contracts/programs.js';
import { computeBenefit, formulaFromJson, splitTranches, toBenefitExplanation, type BenefitInput } from './benefits.js';

// Figures from docs/domain.md (Hangzhou); CNY 1 = 100 fen.
const CNY = (yuan: number) => BigInt(yuan) * 100n;
const formula = (json: BenefitFormulaInput) => formulaFromJson(benefitFormulaSchema.parse(json));
const input = (over: Partial<BenefitInput> = {}): BenefitInput => ({ program: 'p-self', form: {}, awardedThisYear: [], awardsOnClaim: [], ...over });

/** Compute vouchers 2024/2025: 30% domestic chips, 20% otherwise, 50% up to CNY 0.5 m, CNY 8 m a firm a year, 60% stacked. */
const computeVoucher = formula({
  type: 'percentage',
  of: 'contractAmount',
  basisPoints: 2000,
  byChoice: { field: 'chips', rates: [{ option: 'domestic', basisPoints: 3000 }] },
  smallClaim: { atMost: String(CNY(500_000)), basisPoints: 5000 },
  caps: { perApplicantPerYear: String(CNY(8_000_000)) },
  stacking: { group: 'compute-voucher', maxCombinedBasisPoints: 6000 },
});
const contract = (yuan: number, chips = 'domestic') => ({ contractAmount: CNY(yuan), chips });

/** Graduate living allowance: one-off by degree, in two halves after 6 and 12 months of social insurance. */
const livingAllowance = formula({
  type: 'table',
  by: 'degree',
  rows: [
    { key: 'bachelor', amount: String(CNY(10_000)) },
    { key: 'master', amount: String(CNY(30_000)) },
    { key: 'doctorate', amount: String(CNY(100_000)) },
  ],
  tranches: [
    { shareBasisPoints: 5000, condition: { kind: 'social_insurance_months', months: 6 } },
    { shareBasisPoints: 5000, condition: { kind: 'social_insurance_months', months: 12 } },
  ],
});

/** High-level talent home-purchase subsidy (2023), with the older 70% city / 30% employer split. */
const housingRows = { B: CNY(2_000_000), C: CNY(1_500_000), D: CNY(1_000_000), E: CNY(200_000) };
const housing = formula({
  type: 'table',
  by: 'talentTier',
  rows: Object.entries(housingRows).map(([key, amount]) => ({ key, amount: String(amount) })),
  coFunding: { cityBasisPoints: 7000 },
});

describe('compute vouchers (Hangzhou)', () => {
  it('pays 30% of a domestic-chip contract and 20% of another', () => {
    expect(computeBenefit(computeVoucher, input({ form: contract(10_000_000) })).amount).toBe(CNY(3_000_000));
    const other = computeBenefit(computeVoucher, input({ form: contract(10_000_000, 'other') }));
    expect(other.amount).toBe(CNY(2_000_000));
    expect(other.lines[0]).toEqual({ key: 'percentage', params: { claimed: CNY(10_000_000), basisPoints: 2000, result: CNY(2_000_000) } });
  });

  it('pays 50% of a contract of CNY 0.5 m or less, whatever the chips', () => {
    expect(computeBenefit(computeVoucher, input({ form: contract(500_000, 'other') })).amount).toBe(CNY(250_000));
    expect(computeBenefit(computeVoucher, input({ form: contract(400_000) })).amount).toBe(CNY(200_000));
    expect(computeBenefit(computeVoucher, input({ form: contract(500_001) })).amount).toBe((CNY(500_001) * 3000n) / 10_000n);
  });

  it('stops at CNY 8 m per firm per year, counting earlier awards', () => {
    const big = computeBenefit(computeVoucher, input({ form: contract(40_000_000) }));
    expect(big.amount).toBe(CNY(8_000_000));
    expect(big.lines.map((l) => l.key)).toContain('annual_cap_applied');
    const rest = computeBenefit(computeVoucher, input({ form: contract(10_000_000), awardedThisYear: [CNY(5_000_000), CNY(2_500_000)] }));
    expect(rest.amount).toBe(CNY(500_000));
    expect(rest.lines.find((l) => l.key === 'already_awarded_this_year')?.params).toEqual({
      previous: CNY(7_500_000),
      cap: CNY(8_000_000),
      remaining: CNY(500_000),
    });
    const none = computeBenefit(computeVoucher, input({ form: contract(10_000_000), awardedThisYear: [CNY(8_000_000)] }));
    expect(none).toMatchObject({ amount: 0n, refusal: 'CAP_REACHED' });
  });

  it('stacks with the provincial voucher up to 60% of the contract', () => {
    const provincial = (yuan: number) => [{ program: 'zj-voucher', group: 'compute-voucher', amount: CNY(yuan) }];
    expect(computeBenefit(computeVoucher, input({ form: contract(10_000_000), awardsOnClaim: provincial(2_500_000) })).amount).toBe(CNY(3_000_000));
    expect(computeBenefit(computeVoucher, input({ form: contract(10_000_000), awardsOnClaim: provincial(4_000_000) })).amount).toBe(CNY(2_000_000));
    expect(computeBenefit(computeVoucher, input({ form: contract(10_000_000), awardsOnClaim: provincial(6_000_000) }))).toMatchObject({
      amount: 0n,
      refusal: 'STACKING_LIMIT',
    });
  });

  it('never pays two subsidies for one contract', () => {
    const again = computeBenefit(
      computeVoucher,
      input({ form: contract(1_000_000), awardsOnClaim: [{ program: 'p-self', group: 'compute-voucher', amount: 1n }] }),
    );
    expect(again).toMatchObject({ amount: 0n, refusal: 'DUPLICATE_CLAIM' });
    const outsider = computeBenefit(computeVoucher, input({ form: contract(1_000_000), awardsOnClaim: [{ program: 'startup', group: null, amount: 1n }] }));
    expect(outsider.refusal).toBe('DUPLICATE_CLAIM');
  });

  it('refuses an empty claim and explains itself in JSON', () => {
    expect(computeBenefit(computeVoucher, input()).refusal).toBe('NOTHING_CLAIMED');
    const json = toBenefitExplanation(computeBenefit(computeVoucher, input({ form: contract(10_000_000) })));
    expect(json).toMatchObject({ amount: '300000000', cityShare: '300000000', employerShare: '0', refusal: null });
    expect(json.lines.at(-1)).toEqual({ key: 'total', params: { amount: '300000000' } });
  });
});

describe('graduate living allowance and talent housing', () => {
  it('pays by degree in two halves after 6 and 12 months of social insurance', () => {
    const expected: [Degree, bigint][] = [
      ['bachelor', CNY(10_000)],
      ['master', CNY(30_000)],
      ['doctorate', CNY(100_000)],
    ];
    for (const [degree, amount] of expected) {
      const r = computeBenefit(livingAllowance, input({ degree }));
      expect(r.amount).toBe(amount);
      expect(r.tranches).toEqual([
        { amount: amount / 2n, shareBasisPoints: 5000, condition: { kind: 'social_insurance_months', months: 6 } },
        { amount: amount / 2n, shareBasisPoints: 5000, condition: { kind: 'social_insurance_months', months: 12 } },
      ]);
    }
    expect(computeBenefit(livingAllowance, input({ degree: 'junior_college' }))).toMatchObject({ amount: 0n, refusal: 'NO_TABLE_ROW' });
  });

  it('pays the housing supplement by class, 70% city and 30% employer; A is case by case', () => {
    const b = computeBenefit(housing, input({ talentTier: 'B' }));
    expect(b).toMatchObject({ amount: CNY(2_000_000), cityShare: CNY(1_400_000), employerShare: CNY(600_000) });
    expect(computeBenefit(housing, input({ talentTier: 'E' })).amount).toBe(CNY(200_000));
    expect(computeBenefit(housing, input({ talentTier: 'A' })).refusal).toBe('NO_TABLE_ROW');
    expect(computeBenefit(housing, input({ talentTier: null })).refusal).toBe('NO_TABLE_ROW');
  });

  it('splits an odd amount so the tranches still add up', () => {
    const f = formula({ type: 'fixed', amount: '100', tranches: [3333, 3333, 3334].map((s) => ({ shareBasisPoints: s, condition: null })) });
    expect(computeBenefit(f, input()).tranches.map((t) => t.amount)).toEqual([33n, 33n, 34n]);
  });

  it('rejects formulas whose tranches do not sum to 100% or that stack without a claim', () => {
    expect(benefitFormulaSchema.safeParse({ type: 'fixed', amount: '1', tranches: [{ shareBasisPoints: 5000, condition: null }] }).success).toBe(false);
    expect(benefitFormulaSchema.safeParse({ type: 'fixed', amount: '1', stacking: { group: 'g', maxCombinedBasisPoints: 5000 } }).success).toBe(false);
    expect(benefitFormulaSchema.safeParse({ type: 'table', by: 'talentTier', rows: [{ key: 'Z', amount: '1' }] }).success).toBe(false);
  });
});

describe('program rules contract', () => {
  const voucherRules = {
    applicantType: 'organization',
    mode: 'rule_only',
    form: [
      { key: 'contractAmount', type: 'money', label: { zh: '合同金额', en: 'Contract amount' }, max: String(CNY(100_000_000)) },
      {
        key: 'chips',
        type: 'choice',
        label: { zh: '芯片', en: 'Chips' },
        options: [
          { value: 'domestic', label: { zh: '国产', en: 'Domestic' } },
          { value: 'other', label: { zh: '其他', en: 'Other' } },
        ],
      },
      { key: 'contract', type: 'file', label: { zh: '合同', en: 'Contract' }, accept: ['application/pdf'], maxBytes: 10_000_000 },
    ],
    criteria: [],
    benefit: { type: 'percentage', of: 'contractAmount', basisPoints: 2000, byChoice: { field: 'chips', rates: [{ option: 'domestic', basisPoints: 3000 }] } },
  } as const;

  it('accepts a consistent program and rejects one whose formula points at the wrong field', () => {
    expect(programRulesSchema.safeParse(voucherRules).success).toBe(true);
    const wrongOf = programRulesSchema.safeParse({ ...voucherRules, benefit: { ...voucherRules.benefit, of: 'chips' } });
    expect(wrongOf.error?.issues.map((i) => i.path.join('.'))).toEqual(['benefit.of']);
    const wrongOption = programRulesSchema.safeParse({
      ...voucherRules,
      benefit: { ...voucherRules.benefit, byChoice: { field: 'chips', rates: [{ option: 'gpu', basisPoints: 1 }] } },
    });
    expect(wrongOption.success).toBe(false);
    expect(
      programRulesSchema.safeParse({ ...voucherRules, form: [...voucherRules.form, { key: 'in', type: 'text', label: { zh: 'a', en: 'a' } }] }).success,
    ).toBe(false);
    expect(programRulesSchema.safeParse({ ...voucherRules, benefit: { type: 'table', by: 'degree', rows: [{ key: 'master', amount: '1' }] } }).success).toBe(
      false,
    );
  });
});

// Properties --------------------------------------------------------------------------------

const fen = fc.bigInt({ min: 0n, max: 10n ** 13n });
const bp = fc.integer({ min: 1, max: 10_000 });
const shares = fc
  .array(fc.integer({ min: 1, max: 100 }), { minLength: 1, maxLength: 6 })
  .map((ws) => {
    const total = ws.reduce((a, b) => a + b, 0);
    const parts = ws.map((w) => Math.max(1, Math.floor((w * 10_000) / total)));
    parts[parts.length - 1]! += 10_000 - parts.reduce((a, b) => a + b, 0);
    return parts;
  })
  .filter((parts) => parts.every((p) => p >= 1 && p <= 10_000));
const tranchesArb = shares.map((ps) =>
  ps.map((shareBasisPoints, i) => ({ shareBasisPoints, condition: i === 0 ? null : { kind: 'social_insurance_months' as const, months: 6 * i } })),
);

const percentageArb = fc.record({
  basisPoints: bp,
  smallClaim: fc.option(fc.record({ atMost: fen.map((x) => x + 1n), basisPoints: bp }), { nil: null }),
  cap: fc.option(
    fen.map((x) => x + 1n),
    { nil: null },
  ),
  annual: fc.option(
    fen.map((x) => x + 1n),
    { nil: null },
  ),
  stacking: fc.option(fc.record({ group: fc.constant('g'), maxCombinedBasisPoints: bp }), { nil: null }),
  tranches: tranchesArb,
  city: fc.option(bp, { nil: null }),
});

describe('properties', () => {
  it('a formula never pays above its caps, its rate or the stacking limit; parts always add up', () => {
    fc.assert(
      fc.property(percentageArb, fen, fc.array(fen, { maxLength: 4 }), fc.array(fen, { maxLength: 3 }), (p, claimed, previous, others) => {
        const f = formula({
          type: 'percentage',
          of: 'amount',
          basisPoints: p.basisPoints,
          smallClaim: p.smallClaim && { atMost: String(p.smallClaim.atMost), basisPoints: p.smallClaim.basisPoints },
          cap: p.cap === null ? null : String(p.cap),
          caps: { perApplicantPerYear: p.annual === null ? null : String(p.annual) },
          stacking: p.stacking,
          tranches: p.tranches,
          coFunding: p.city === null ? null : { cityBasisPoints: p.city },
        });
        const onClaim = p.stacking ? others.map((amount, i) => ({ program: `other-${i}`, group: 'g', amount })) : [];
        const r = computeBenefit(f, input({ form: { amount: claimed }, awardedThisYear: previous, awardsOnClaim: onClaim }));
        const maxRate = Math.max(p.basisPoints, p.smallClaim?.basisPoints ?? 0);
        expect(r.amount >= 0n).toBe(true);
        expect(r.amount <= (claimed * BigInt(maxRate)) / 10_000n).toBe(true);
        if (p.cap !== null) expect(r.amount <= p.cap).toBe(true);
        const before = previous.reduce((a, b) => a + b, 0n);
        if (p.annual !== null) expect(r.amount === 0n || before + r.amount <= p.annual).toBe(true);
        const otherSum = onClaim.reduce((a, b) => a + b.amount, 0n);
        if (p.stacking) expect(r.amount === 0n || otherSum + r.amount <= (claimed * BigInt(p.stacking.maxCombinedBasisPoints)) / 10_000n).toBe(true);
        expect(r.tranches.reduce((a, t) => a + t.amount, 0n)).toBe(r.amount);
        expect(r.tranches.every((t) => t.amount >= 0n)).toBe(true);
        expect(r.cityShare + r.employerShare).toBe(r.amount);
        expect(r.refusal === null).toBe(r.amount > 0n);
        expect(computeBenefit(f, input({ form: { amount: claimed }, awardedThisYear: previous, awardsOnClaim: onClaim }))).toEqual(r);
      }),
      { numRuns: 500 },
    );
  });

  it('tiers and degrees pick their own row', () => {
    const tiers = ['A', 'B', 'C', 'D', 'E'];
    fc.assert(
      fc.property(
        fc.subarray(tiers, { minLength: 1 }),
        fc.array(
          fen.map((x) => x + 1n),
          { minLength: 5, maxLength: 5 },
        ),
        fc.constantFrom(...tiers, 'none'),
        (keys, amounts, tier) => {
          const f = formula({ type: 'table', by: 'talentTier', rows: keys.map((key, i) => ({ key, amount: String(amounts[i]) })) });
          const r = computeBenefit(f, input({ talentTier: tier }));
          const i = keys.indexOf(tier);
          if (i >= 0) expect(r).toMatchObject({ amount: amounts[i], refusal: null });
          else expect(r).toMatchObject({ amount: 0n, refusal: 'NO_TABLE_ROW' });
        },
      ),
    );
  });

  it('tranches always sum to the amount, each within a fen of its share', () => {
    fc.assert(
      fc.property(fen, tranchesArb, (amount, tranches) => {
        const parts = splitTranches(amount, tranches);
        expect(parts.reduce((a, t) => a + t.amount, 0n)).toBe(amount);
        parts.slice(0, -1).forEach((t) => expect(t.amount).toBe((amount * BigInt(t.shareBasisPoints)) / 10_000n));
      }),
    );
  });
});
