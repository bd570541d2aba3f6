// Test helper process: commits in a loop and prints "ack <id>" after each commit is
// durable, until it is killed. Used by the SIGKILL test of the ledger.
import { randomUUID } from 'node:crypto';
import { connect } from '../db/connection.js';
import { withTransaction } from '../db/transaction.js';
import { commit } from '../modules/budget/commitments.service.js';

const hubId = process.argv[2]!;
const database = connect(process.env.DATABASE_URL!, 4);
const caller = { hubId, actorId: null };

async function worker(): Promise<never> {
  for (;;) {
    const id = randomUUID();
    await withTransaction(database.db, (tx) => commit(tx, caller, { transferId: id, year: 2026, lineCode: 'hot', amount: 1n, cause: { type: 'award', id } }), {
      isolation: 'read committed',
    });
    process.stdout.write(`ack ${id}\n`);
  }
}

await Promise.all([worker(), worker(), worker()]);
