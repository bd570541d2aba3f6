import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { isValidUscc } from '../../contracts/uscc.js';
import { impossibleDates } from '../modules/ecosystem/relation-dates.js';
import { createTestHub, startTestApp, type TestContext } from '../test/harness.js';
import { generateEcosystem } from './synthetic.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await startTestApp();
});

describe('synthetic ecosystem', () => {
  it('makes the counts asked, valid unique USCCs, universities, and relations that pass the date rules', async () => {
    const hub = await createTestHub(ctx);
    const progress: number[] = [];
    const counts = await generateEcosystem(ctx.database.db, hub.id, {
      organizations: 400,
      people: 800,
      relations: 2_000,
      batchSize: 300,
      onProgress: (done) => progress.push(done),
    });
    expect(counts).toEqual({ organizations: 400, people: 800, relations: 2_000, facts: 0 });
    expect(progress.at(-1)).toBe(3_200);

    const db = ctx.database.db;
    const orgs = (await db.execute(sql`SELECT uscc, kind FROM organizations WHERE hub_id = ${hub.id}`)).rows as { uscc: string; kind: string }[];
    expect(new Set(orgs.map((o) => o.uscc)).size).toBe(400);
    expect(orgs.every((o) => isValidUscc(o.uscc))).toBe(true);
    expect(orgs.filter((o) => o.kind === 'university').length).toBeGreaterThan(0);

    const rows = (
      await db.execute(sql`
        SELECT r.kind, r.starts_on, r.ends_on, p.born_on, t.founded_on, t.kind AS to_kind
        FROM relations r
        JOIN organizations t ON t.hub_id = r.hub_id AND t.id = r.to_organization_id
        LEFT JOIN people p ON p.hub_id = r.hub_id AND p.id = r.from_person_id
        WHERE r.hub_id = ${hub.id}`)
    ).rows as { kind: string; starts_on: string | null; ends_on: string | null; born_on: string | null; founded_on: string | null; to_kind: string }[];
    expect(rows).toHaveLength(2_000);
    const broken = rows.filter(
      (r) =>
        impossibleDates({ kind: r.kind, startsOn: r.starts_on, endsOn: r.ends_on, personBornOn: r.born_on, organizationFoundedOn: r.founded_on }).length > 0,
    );
    expect(broken).toEqual([]);
    expect(rows.filter((r) => r.kind === 'alumnus_of').every((r) => r.to_kind === 'university')).toBe(true);
    expect(new Set(rows.map((r) => r.kind)).size).toBeGreaterThanOrEqual(5);

    // Power law: the busiest organisation gathers far more ties than the median one.
    const degreeRows = (await db.execute(sql`SELECT count(*)::int AS n FROM relations WHERE hub_id = ${hub.id} GROUP BY to_organization_id ORDER BY n DESC`))
      .rows as { n: number }[];
    expect(degreeRows[0]!.n).toBeGreaterThan(5 * degreeRows[Math.floor(degreeRows.length / 2)]!.n);

    const events = (await db.execute(sql`SELECT count(*)::int AS n FROM audit_events WHERE hub_id = ${hub.id} AND action = 'ecosystem.generated'`)).rows;
    expect(events[0]!.n).toBe(1);
  });
});
