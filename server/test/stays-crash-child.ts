// Test helper process: books stays in a loop and prints "ack <graduate user id>" after each
// booking is durable, until it is killed. Used by the SIGKILL test of stays.
import { connect } from '../db/connection.js';
import { findHub } from '../platform/tenancy/tenancy.js';
import { createStayBooking } from '../modules/stays/bookings.service.js';

const [hubSlug, stationId, checkIn, checkOut, usersCsv] = process.argv.slice(2) as [string, string, string, string, string];
const database = connect(process.env.DATABASE_URL!, 4);
const hub = await findHub(database.db, hubSlug);
const queue = usersCsv.split(',');

async function worker(): Promise<void> {
  for (let userId = queue.shift(); userId; userId = queue.shift()) {
    const scope = { hub, actor: { userId, hubRoles: [] } };
    try {
      await createStayBooking(database.db, scope, { stationId, checkIn, checkOut });
      process.stdout.write(`ack ${userId}\n`);
    } catch (error) {
      process.stdout.write(`refused ${userId} ${(error as { code?: string }).code ?? 'ERROR'}\n`);
    }
  }
}

await Promise.all([worker(), worker(), worker()]);
process.stdout.write('done\n');
