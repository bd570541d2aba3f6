import { defaultReviewSettings, type ReviewSettings } from '../../../contracts/review-settings.js';
import type { Db, Tx } from '../../db/connection.js';
import { AppError } from '../../platform/errors.js';
import { programOf, type ApplicationRow } from '../programs/index.js';

/** The review settings of the program version the application was judged by. */
export async function settingsOf(
  db: Db | Tx,
  app: ApplicationRow,
): Promise<{ settings: ReviewSettings; reviewed: boolean; fiscalYear: number; budgetLine: string }> {
  const { program, rules } = await programOf(db, app);
  return {
    settings: rules.review ?? defaultReviewSettings,
    reviewed: rules.mode === 'reviewed',
    fiscalYear: program.fiscalYear,
    budgetLine: program.budgetLine,
  };
}

/** Reviewer workflow steps exist only for reviewed programs. */
export async function reviewedSettings(db: Db | Tx, app: ApplicationRow): Promise<ReviewSettings> {
  const s = await settingsOf(db, app);
  if (!s.reviewed) throw new AppError('ILLEGAL_TRANSITION');
  return s.settings;
}

/** `date` (YYYY-MM-DD) plus whole months, clamped to the month's last day. */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}
