import pg from 'pg';
import { runningEmbeddedUrl } from '../server/db/embedded-settings.js';

/**
 * Days pass only in the data: a spec that must see what happens after a period ends moves
 * that period into the past in the e2e server's own database (the embedded PostgreSQL of
 * its data folder), then lets the product's real jobs run (`dragongate jobs run ...`).
 */
async function inServerDatabase(query: string, params: unknown[]): Promise<number> {
  const port = Number(process.env.E2E_PORT ?? 3100);
  const client = new pg.Client({ connectionString: runningEmbeddedUrl(`.dragongate/e2e-${port}`) });
  await client.connect();
  try {
    return (await client.query(query, params)).rowCount ?? 0;
  } finally {
    await client.end();
  }
}

/** An award's public notice period ended yesterday (it began ten days before that). */
export async function endNoticePeriod(applicationId: string): Promise<void> {
  const moved = await inServerDatabase(
    `UPDATE public_notices SET starts_on = current_date - 10, ends_on = current_date - 1 WHERE application_id = $1 AND status = 'open'`,
    [applicationId],
  );
  if (moved !== 1) throw new Error(`no open notice for application ${applicationId}`);
}
