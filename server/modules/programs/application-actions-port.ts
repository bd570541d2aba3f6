import type { ApplicationAction } from '../../../contracts/allowed-actions.js';
import type { Db, Tx } from '../../db/connection.js';
import type { ApplicationRow } from './applications.service.js';
import type { Scope } from './programs.service.js';

type ActionsOf = (db: Db | Tx, scope: Scope, application: ApplicationRow) => Promise<ApplicationAction[]>;

// What one may do with an application follows the reviewed workflow, which the reviews
// module owns (and it imports this module): it registers here, as ledger cause namers do.
let actionsOf: ActionsOf = async () => [];

export function registerApplicationActions(resolver: ActionsOf): void {
  actionsOf = resolver;
}

/** The application's `allowedActions` for the caller (none until the reviews module registers). */
export function applicationActionsOf(db: Db | Tx, scope: Scope, application: ApplicationRow): Promise<ApplicationAction[]> {
  return actionsOf(db, scope, application);
}
