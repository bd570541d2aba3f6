import type { FormField } from '../../../contracts/programs.js';
import type { FieldProblem } from '../../platform/errors.js';
import { accepts } from '../../platform/files/index.js';

/** What is known of the uploaded files an application names: type and size, by id. */
export type FilesById = ReadonlyMap<string, { mediaType: string; size: number }>;

/**
 * Checks answers against a program's form: every required field present, each of the
 * declared type, within its limits; unknown keys refused. Pure. A file answer is the id
 * of a file the applicant uploaded (`uploadFile`); `files` holds the ones found.
 */
export function checkAnswers(fields: readonly FormField[], answers: Record<string, unknown>, files: FilesById = new Map()): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const at = (key: string) => `answers.${key}`;
  for (const key of Object.keys(answers)) if (!fields.some((f) => f.key === key)) problems.push({ path: at(key), code: 'UNKNOWN_FIELD' });
  for (const f of fields) {
    const v = answers[f.key];
    if (v === undefined || v === null || v === '') {
      if (f.required) problems.push({ path: at(f.key), code: 'REQUIRED' });
      continue;
    }
    const problem = checkOne(f, v, files);
    if (problem) problems.push({ path: at(f.key), code: problem });
  }
  return problems;
}

function checkOne(f: FormField, v: unknown, files: FilesById): FieldProblem['code'] | null {
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
      const file = files.get(v);
      if (!file) return 'FILE_NOT_FOUND';
      if (!accepts(f.accept, file.mediaType)) return 'WRONG_FILE_TYPE';
      return file.size > f.maxBytes ? 'FILE_TOO_BIG' : null;
    }
  }
}
