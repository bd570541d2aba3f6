import type { Program } from '../api/programs.api';
import type { Locale } from '../../../contracts/error-messages';
import { formatMoney } from '../money/format-money';

/** The budget left on a program's line, or null when the server does not know it. */
export function budgetLeftText(program: Pick<Program, 'budgetLeft'>, locale: Locale): string | null {
  return program.budgetLeft === null ? null : formatMoney(program.budgetLeft, locale);
}

/** Whether today (in the browser) falls inside the window; the server decides in the hub's time zone. */
export function isOpenNow(program: Pick<Program, 'status' | 'window'>, today = new Date().toISOString().slice(0, 10)): boolean {
  return program.status === 'published' && program.window.opensOn <= today && today <= program.window.closesOn;
}
