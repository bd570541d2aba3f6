import type { Application, Program } from '../../../contracts/applications.js';
import type { ProgramRules } from '../../../contracts/programs.js';
import type { ApplicantName } from '../ecosystem/index.js';
import type { ApplicationRow } from './applications.service.js';
import type { ProgramRow } from './programs.service.js';

export function presentProgram(
  p: ProgramRow,
  rules: ProgramRules,
  hubSlug: string,
  options: { withRules: boolean; budgetLeft: bigint | null; allowedActions: Program['allowedActions'] },
): Program {
  return {
    id: p.id,
    hub: hubSlug,
    kind: p.kind as Program['kind'],
    name: { zh: p.nameZh, en: p.nameEn },
    description: { zh: p.descriptionZh, en: p.descriptionEn },
    sectors: p.sectors,
    status: p.status as Program['status'],
    window: { opensOn: p.opensOn, closesOn: p.closesOn },
    fiscalYear: p.fiscalYear,
    budgetLine: p.budgetLine,
    claimField: p.claimField,
    onePerApplicant: p.onePerApplicant === 'yes',
    version: p.currentVersion,
    applicantType: rules.applicantType,
    mode: rules.mode,
    ...(options.withRules && { rules }),
    criteria: rules.criteria.map((c) => ({ key: c.key, name: c.name, reason: c.reason })),
    form: rules.form,
    benefit: rules.benefit,
    milestones: (rules.review?.milestones ?? []).map((m) => ({ key: m.key, name: m.name, dueAfterMonths: m.dueAfterMonths })),
    budgetLeft: options.budgetLeft === null ? null : options.budgetLeft.toString(),
    allowedActions: options.allowedActions,
  };
}

export function presentApplication(a: ApplicationRow, name: ApplicantName | null = null): Application {
  const benefit = (a.benefit as Application['benefit']) ?? null;
  return {
    id: a.id,
    number: a.number,
    programId: a.programId,
    programVersion: a.programVersion,
    status: a.status as Application['status'],
    applicant: { type: a.applicantType as 'organization' | 'person', id: (a.organizationId ?? a.personId)!, name },
    answers: a.answers as Record<string, unknown>,
    screening: a.screening as Application['screening'],
    benefit,
    refusal: a.status === 'refused' ? (benefit?.refusal ?? 'NOT_ELIGIBLE') : null,
    amount: a.amount === null ? null : a.amount.toString(),
    createdAt: a.createdAt.toISOString(),
  };
}
