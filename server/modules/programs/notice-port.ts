import type { Tx } from '../../db/connection.js';
import type { ApplicationRow } from './applications.service.js';
import type { Scope } from './programs.service.js';

type PutOnNotice = (tx: Tx, scope: Scope, award: ApplicationRow, workingDays: number, now: Date) => Promise<void>;

// Public notice (公示) belongs to the reviews module, which imports this one: it registers
// here, as the application actions do.
let putOnNotice: PutOnNotice = async () => {
  throw new Error('public notice: the reviews module has not registered');
};

export function registerPublicNotice(handler: PutOnNotice): void {
  putOnNotice = handler;
}

/** A rule-only award of a program with a notice period: on the board, every tranche waiting for it. */
export function openRuleOnlyNotice(tx: Tx, scope: Scope, award: ApplicationRow, workingDays: number, now: Date): Promise<void> {
  return putOnNotice(tx, scope, award, workingDays, now);
}
