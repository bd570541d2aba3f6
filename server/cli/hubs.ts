import { eq } from 'drizzle-orm';
import { hubInputSchema } from '../../contracts/hubs.js';
import { withTransaction } from '../db/transaction.js';
import { findUserByEmail } from '../platform/auth/users.js';
import type { Config } from '../platform/config.js';
import { AppError } from '../platform/errors.js';
import { fieldProblemOf } from '../platform/zod-issues.js';
import { inviteStaff, createHubAsOperator, INVITATION_DAYS } from '../modules/hubs/index.js';
import { forgetHubs, listHubRows } from '../platform/tenancy/tenancy.js';
import { deploymentOperators, hubs } from '../platform/tenancy/tenancy.tables.js';
import { openDatabase } from './database.js';
import { refusal, type FieldNames } from './refusal.js';

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

const HUBS_CREATE_USAGE =
  'usage: dragongate hubs create --slug S --name-zh N --name-en N --code C [--country CN --time-zone Asia/Shanghai --currency CNY --locale zh-CN --fiscal-start 1 --working-days 1,2,3,4,5 --holidays 2027-01-01,... --make-up-days ... --tech-share 1500 --admin EMAIL]';

/** The flags of `hubs create` by the field each sets, and what each takes. */
const hubFlags: FieldNames = {
  slug: {
    flag: '--slug',
    takes: { 'en-US': 'Lower-case letters, digits and dashes, starting with a letter (hefei)', 'zh-CN': '小写字母、数字和连字符，以字母开头（hefei）' },
  },
  'name.zh': { flag: '--name-zh' },
  'name.en': { flag: '--name-en' },
  country: { flag: '--country', takes: { 'en-US': 'Two capital letters (CN)', 'zh-CN': '两个大写字母（CN）' } },
  timeZone: { flag: '--time-zone', takes: { 'en-US': 'An IANA time zone (Asia/Shanghai)', 'zh-CN': 'IANA 时区（Asia/Shanghai）' } },
  currency: { flag: '--currency', takes: { 'en-US': 'Three capital letters (CNY)', 'zh-CN': '三个大写字母（CNY）' } },
  defaultLocale: { flag: '--locale', takes: { 'en-US': 'zh-CN or en-US', 'zh-CN': 'zh-CN 或 en-US' } },
  fiscalYearStartMonth: { flag: '--fiscal-start', takes: { 'en-US': 'A month, 1 to 12', 'zh-CN': '月份，1 到 12' } },
  workingDays: { flag: '--working-days', takes: { 'en-US': 'Days of the week, 1 (Monday) to 7, with commas', 'zh-CN': '星期几，1（星期一）到 7，用逗号分隔' } },
  holidays: { flag: '--holidays', takes: { 'en-US': 'Dates as 2027-01-01, with commas', 'zh-CN': '日期，如 2027-01-01，用逗号分隔' } },
  makeUpWorkdays: { flag: '--make-up-days', takes: { 'en-US': 'Dates as 2027-02-07, with commas', 'zh-CN': '日期，如 2027-02-07，用逗号分隔' } },
  code: {
    flag: '--code',
    takes: { 'en-US': 'Two to four capital letters (HZ), which start the hub’s reference numbers', 'zh-CN': '两到四个大写字母（HZ），作为本枢纽编号的开头' },
  },
  techShareDefaultBasisPoints: { flag: '--tech-share', takes: { 'en-US': 'In hundredths of a percent: 1500 is 15%', 'zh-CN': '以万分之一计：1500 即 15%' } },
  firstAdminEmail: { flag: '--admin', takes: { 'en-US': 'An email address', 'zh-CN': '电子邮件地址' } },
};

/** Where the first admin's invitation went: e-mailed by the running server, or, with no SMTP_URL, the link to hand over. */
function invitationSent(email: string, link: string, smtp: boolean): string {
  if (smtp) return `An invitation to ${email} is queued: the running server emails it within a minute (valid ${INVITATION_DAYS} days).`;
  return [`No email goes out without SMTP_URL, so give ${email} this invitation link yourself (valid ${INVITATION_DAYS} days, once):`, `  ${link}`].join('\n');
}

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
    // The usage when a flag it needs is missing; a value at fault is named with what it takes.
    if (!args.slug || !args['name-zh'] || !args['name-en'] || !args.code) out(HUBS_CREATE_USAGE);
    return refusal(
      new AppError(
        'VALIDATION_FAILED',
        parsed.error.issues.map((issue) => fieldProblemOf({ instancePath: '/' + issue.path.join('/'), keyword: issue.code, message: issue.message })),
      ),
      hubFlags,
    );
  }
  const database = await openDatabase(config);
  try {
    const actor = { userId: null, hubRoles: [], operator: true };
    let link = '';
    await withTransaction(database.db, async (tx) => {
      const id = await createHubAsOperator(tx, actor, parsed.data);
      if (!parsed.data.firstAdminEmail) return;
      const [hub] = await tx.select().from(hubs).where(eq(hubs.id, id));
      await inviteStaff(
        tx,
        { hub: hub!, actor },
        { email: parsed.data.firstAdminEmail, roles: ['hub_admin'] },
        { publicUrl: config.publicUrl, locale: parsed.data.defaultLocale, perHour: config.invitationsPerHour, onLink: (url) => (link = url) },
      );
    });
    forgetHubs(database.db);
    out(`Hub ${parsed.data.slug} created.`);
    if (parsed.data.firstAdminEmail) out(invitationSent(parsed.data.firstAdminEmail, link, Boolean(config.smtpUrl)));
    return 0;
  } catch (error) {
    return refusal(error, hubFlags);
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
