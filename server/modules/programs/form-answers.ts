import type { FormField } from '../../../contracts/programs.js';
import type { FieldProblem } from '../../platform/errors.js';

/**
 * Checks answers against a program's form: every required field present, each of the
 * declared type, within its limits; unknown keys refused. Pure. A file answer is the
 * uploaded file's description `{name, type, size}` sent as "name|type|size".
 */
export function checkAnswers(fields: readonly FormField[], answers: Record<string, unknown>): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const at = (key: string) => `answers.${key}`;
  for (const key of Object.keys(answers)) if (!fields.some((f) => f.key === key)) problems.push({ path: at(key), code: 'UNKNOWN_FIELD' });
  for (const f of fields) {
    const v = answers[f.key];
    if (v === undefined || v === null || v === '') {
      if (f.required) problems.push({ path: at(f.key), code: 'REQUIRED' });
      continue;
    }
    const problem = checkOne(f, v);
    if (problem) problems.push({ path: at(f.key), code: problem });
  }
  return problems;
}

function checkOne(f: FormField, v: unknown): FieldProblem['code'] | null {
  switch (f.type) {
    case 'text':
      return typeof v !== 'string' ? 'INVALID_TYPE' : v.length > f.maxLength ? 'TOO_LONG' : null;
    case 'number':
      return typeof v !== 'number' || !Number.isFinite(v) ? 'INVALID_TYPE' : f.max !== null && v > f.max ? 'TOO_BIG' : v < 0 ? 'TOO_SMALL' : null;
    case 'money': {
      const s = typeof v === 'number' && Number.isSafeInteger(v) ? String(v) : v;
      if (typeof s !== 'string' || !/^\d{1,18}$/.test(s)) return 'INVALID_TYPE';
      return f.max !== null && BigInt(s) > BigInt(f.max) ? 'TOO_BIG' : null;
    }
    case 'date':
      return typeof v !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(v) || Number.isNaN(Date.parse(v)) ? 'INVALID_DATE' : null;
    case 'choice':
      return typeof v !== 'string' ? 'INVALID_TYPE' : f.options.some((o) => o.value === v) ? null : 'INVALID_OPTION';
    case 'file': {
      if (typeof v !== 'string') return 'INVALID_TYPE';
      const [name, type, size] = v.split('|');
      if (!name || !type || !size || !/^\d+$/.test(size)) return 'INVALID_FORMAT';
      if (!f.accept.some((a) => a === type || (a.endsWith('/*') && type.startsWith(a.slice(0, -1))))) return 'INVALID_OPTION';
      return Number(size) > f.maxBytes ? 'TOO_BIG' : null;
    }
  }
}
