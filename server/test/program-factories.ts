import { randomUUID } from 'node:crypto';
import type { ProgramDraft } from '../../contracts/applications.js';
import { openWindow } from './test-window.js';

/** Hangzhou's compute voucher, as an officer would draft it (domain.md figures). */
export function computeVoucherDraft(overrides: Partial<ProgramDraft> = {}): ProgramDraft {
  return {
    name: { zh: '算力券', en: 'Compute voucher' },
    description: { zh: '算力合同补贴', en: 'A share of a compute contract' },
    kind: 'compute_voucher',
    sectors: ['ai'],
    window: openWindow(),
    budgetLine: 'compute-vouchers',
    fiscalYear: 2026,
    claimField: 'contract_number',
    onePerApplicant: true,
    rules: {
      applicantType: 'organization',
      mode: 'rule_only',
      form: [
        { key: 'contract_number', type: 'text', label: { zh: '合同编号', en: 'Contract number' }, required: true },
        { key: 'contract_amount', type: 'money', label: { zh: '合同金额', en: 'Contract amount' }, required: true, max: '100000000000' },
        {
          key: 'chips',
          type: 'choice',
          label: { zh: '芯片', en: 'Chips' },
          required: true,
          options: [
            { value: 'domestic', label: { zh: '国产', en: 'Domestic' } },
            { value: 'other', label: { zh: '其他', en: 'Other' } },
          ],
        },
      ],
      criteria: [
        {
          key: 'is_startup',
          name: { zh: '初创企业', en: 'A startup' },
          expression: "applicant.kind == 'startup'",
          reason: { zh: '仅限初创企业', en: 'Only startups may apply' },
        },
        {
          key: 'ai_sector',
          name: { zh: '人工智能', en: 'In AI' },
          expression: "'ai' in applicant.sectors",
          reason: { zh: '须属于人工智能领域', en: 'Must work in AI' },
        },
      ],
      benefit: {
        type: 'percentage',
        of: 'contract_amount',
        basisPoints: 2000,
        byChoice: { field: 'chips', rates: [{ option: 'domestic', basisPoints: 3000 }] },
        cap: '800000000',
        tranches: [{ shareBasisPoints: 10000, condition: null }],
        coFunding: null,
        caps: { perApplicantPerYear: '800000000' },
        stacking: null,
      },
    },
    ...overrides,
  } as ProgramDraft;
}

/** The compute voucher with a required scan of the contract: PDF only, at most 1 KB. */
export function voucherWithScanDraft(): ProgramDraft {
  const draft = computeVoucherDraft();
  draft.rules.form.push({
    key: 'contract_scan',
    type: 'file',
    label: { zh: '合同扫描件', en: 'Contract scan' },
    required: true,
    accept: ['application/pdf'],
    maxBytes: 1024,
  });
  return draft;
}

export const contractAnswers = (amount: string, chips = 'domestic') => ({ contract_number: `C-${randomUUID().slice(0, 8)}`, contract_amount: amount, chips });

/** A fixed sum (fen), paid at once in one tranche, no caps: the simplest benefit. */
export const fixedBenefit = (amount: bigint) => ({
  type: 'fixed' as const,
  amount: amount.toString(),
  tranches: [{ shareBasisPoints: 10000, condition: null }],
  coFunding: null,
  caps: { perApplicantPerYear: null },
  stacking: null,
});
