// The budget module's public face: the envelope, its lines, and the ledger API that
// other modules (applications, awards) use to commit, disburse, release and claw back.
import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../platform/http/deps.js';
import { budgetRoutes } from './budget.routes.js';
import { ledgerExportRoutes } from './ledger-export.routes.js';

export async function registerBudgetRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  await app.register(budgetRoutes(deps));
  await app.register(ledgerExportRoutes(deps));
}

export { commit, ledgerRefusal, disburse, release, type Cause, type LedgerCaller } from './commitments.service.js';
export { clawBack } from './claw-back.js';
export { verifyLedger, type LedgerProblem } from './ledger-verify.js';
export { lineAvailable } from './accounts.js';
export { findCommitment } from './commitments.service.js';
export { transferAmounts } from './transfer-lookup.js';
export { awardOutstanding, openReceivable, receiveRepayment, writeOffReceivable } from './receivables.service.js';
export { commitmentTransactions, type CommitmentTransaction } from './commitment-transactions.js';
export { budgetPolicy } from './budget.policies.js';
export { publicYearFigures, totalsByGroup, carriedIntoYear, type PublicYearFigures, type GroupTotals, type CarriedCommitment } from './public-budget.js';
export { presentEnvelope } from './budget.presenters.js';
export { monthlyFlows } from './monthly-flows.js';
