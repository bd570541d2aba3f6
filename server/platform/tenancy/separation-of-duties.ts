import { adminDuties, type HubRole } from '../../../contracts/auth.js';
import { AppError } from '../errors.js';

/**
 * 三员分立: refuses a set of roles that would give one account two of the three
 * administrators' duties (system admin, security admin, auditor) in one hub
 * (SEPARATION_OF_DUTIES on `path`). Callers hold the hub's staff lock, so two racing
 * grants are judged one after the other.
 */
export function assertSeparateDuties(held: readonly HubRole[], adding: readonly HubRole[], path: string): void {
  const duties = new Set([...held, ...adding].filter((r): r is (typeof adminDuties)[number] => (adminDuties as readonly HubRole[]).includes(r)));
  if (duties.size > 1) throw new AppError('SEPARATION_OF_DUTIES', [{ path, code: 'INVALID' }]);
}
