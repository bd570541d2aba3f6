import type { z } from 'zod';
import type { programDraftSchema } from '../../../contracts/applications.js';
import { AppError, type FieldProblem } from '../../platform/errors.js';
import { compileCriteria } from './eligibility.js';

type Draft = z.output<typeof programDraftSchema>;

/**
 * What the schema alone cannot say about a rent-subsidy formula, checked when a program is
 * saved: a rent formula belongs to a rent-subsidy program (the spaces module pays no
 * other), and the extension's condition is CEL that type-checks over an organisation's facts
 * (otherwise it would only fail when the daily job asks it). A 400 names the field.
 */
export function checkRentFormula(draft: Draft): void {
  const benefit = draft.rules.benefit;
  const problems: FieldProblem[] = [];
  if (benefit.type === 'rent' && draft.kind !== 'rent_subsidy')
    problems.push({ path: 'rules.benefit.type', code: 'INVALID', detail: 'a rent formula needs a rent-subsidy program' });
  if (benefit.type === 'rent' && benefit.extension) {
    const result = compileCriteria([benefit.extension.criterion], { applicantType: 'organization', form: [] });
    if (!result.ok) {
      const e = result.errors[0]!;
      problems.push({
        path: 'rules.benefit.extension.criterion.expression',
        code: 'INVALID_EXPRESSION',
        detail: `line ${e.position?.line ?? 1}, column ${e.position?.column ?? 1}: ${e.message}`,
      });
    }
  }
  if (problems.length > 0) throw new AppError('VALIDATION_FAILED', problems);
}
