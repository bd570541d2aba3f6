import { eq } from 'drizzle-orm';
import { hubInputSchema } from '../../contracts/hubs.js';
import { withTransaction } from '../db/transaction.js';
import { findUserByEmail } from '../platform/auth/users.js';
import type { Config } from '../platform/config.js';
import { AppError } from '../platform/errors.js';
import { fieldProblemOf } from '../platform/zod-issues.js';
import { inviteStaff, createHubAsOperator } from '../modules/hubs/index.js';
import { forgetHubs, listHubRows } from '../platform/tenancy/tenancy.js';
import { deploymentOperators, hubs } from '../platform/tenancy/tenancy.tables.js';
import { openDatabase } from './database.js';
import { refusal } from './refusal.js';

const out = (line: string) => process.stdout.write(line + '\n');
const list = (value: string | undefined) =>
  value
    ? value
        .split(',')
        .map((v) => v.trim())
        .filter(Boolean)
    : undefined;

/** `operators add|remove EMAIL`: who may open and archive hubs on this deployment. */
export async function operators(config: Config, sub: string | undefined, email: string | undefined): Promise<number> {
  if ((sub !== 'add' && sub !== 'remove') || !email) {
    out('usage: dragongate operators add|remove EMAIL');
    return 2;
  }
  const database = await openDatabase(config);
  try {
    const user = await findUserByEmail(database.db, email);
    if (!user) throw new AppError('USER_NOT_FOUND', [{ path: 'email', code: 'INVALID' }]);
    if (sub === 'add') await database.db.insert(deploymentOperators).values({ userId: user.id }).onConflictDoNothing();
    else await database.db.delete(deploymentOperators).where(eq(deploymentOperators.userId, user.id));
    out(sub === 'add' ? `${email} is a deployment operator.` : `${email} is no longer a deployment operator.`);
    return 0;
  } catch (error) {
    return refusal(error);
  } finally {
    await database.shutdown();
  }
}

export type HubCreateArgs = Partial<
  Record<
    | 'slug'
    | 'name-zh'
    | 'name-en'
    | 'country'
    | 'time-zone'
    | 'currency'
    | 'locale'
    | 'fiscal-start'
    | 'working-days'
    | 'holidays'
    | 'make-up-days'
    | 'code'
    | 'tech-share'
    | 'admin',
    string
  >
>;

/** `hubs create`: the same checks and service as the API's createHub, acting as the operator. */
export async function hubsCreate(config: Config, args: HubCreateArgs): Promise<number> {
  const parsed = hubInputSchema.safeParse({
    slug: args.slug,
    name: { zh: args['name-zh'], en: args['name-en'] },
    country: args.country ?? 'CN',
    timeZone: args['time-zone'] ?? 'Asia/Shanghai',
    currency: args.currency ?? 'CNY',
    defaultLocale: args.locale ?? 'zh-CN',
    fiscalYearStartMonth: Number(args['fiscal-start'] ?? 1),
    workingDays: (list(args['working-days']) ?? ['1', '2', '3', '4', '5']).map(Number),
    holidays: list(args.holidays) ?? [],
    makeUpWorkdays: list(args['make-up-days']) ?? [],
    code: args.code,
    techShareDefaultBasisPoints: Number(args['tech-share'] ?? 1500),
    ...(args.admin && { firstAdminEmail: args.admin }),
  });
  if (!parsed.success) {
    out(
      'usage: dragongate hubs create --slug S --name-zh N --name-en N --code C [--country CN --time-zone Asia/Shanghai --currency CNY --locale zh-CN --fiscal-start 1 --working-days 1,2,3,4,5 --holidays 2027-01-01,... --make-up-days ... --tech-share 1500 --admin EMAIL]',
    );
    return refusal(
      new AppError(
        'VALIDATION_FAILED',
        parsed.error.issues.map((issue) => fieldProblemOf({ instancePath: '/' + issue.path.join('/'), keyword: issue.code, message: issue.message })),
      ),
    );
  }
  const database = await openDatabase(config);
  try {
    const actor = { userId: null, hubRoles: [], operator: true };
    await withTransaction(database.db, async (tx) => {
      const id = await createHubAsOperator(tx, actor, parsed.data);
      if (!parsed.data.firstAdminEmail) return;
      const [hub] = await tx.select().from(hubs).where(eq(hubs.id, id));
      await inviteStaff(
        tx,
        { hub: hub!, actor },
        { email: parsed.data.firstAdminEmail, roles: ['hub_admin'] },
        { publicUrl: config.publicUrl, locale: parsed.data.defaultLocale, perHour: config.invitationsPerHour },
      );
    });
    forgetHubs(database.db);
    out(`Hub ${parsed.data.slug} created.${parsed.data.firstAdminEmail ? ` An invitation to ${parsed.data.firstAdminEmail} is in the outbox.` : ''}`);
    return 0;
  } catch (error) {
    return refusal(error);
  } finally {
    await database.shutdown();
  }
}

/** `hubs list`: every hub, archived ones marked. */
export async function hubsList(config: Config): Promise<number> {
  const database = await openDatabase(config);
  try {
    for (const hub of await listHubRows(database.db)) {
      out(`${hub.slug.padEnd(20)} ${hub.nameEn} / ${hub.nameZh}  ${hub.timeZone} ${hub.currency}  code ${hub.code}${hub.archivedAt ? '  (archived)' : ''}`);
    }
    return 0;
  } finally {
    await database.shutdown();
  }
}
