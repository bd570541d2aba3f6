import { and, count, eq, gt, sql } from 'drizzle-orm';
import { pickLocale } from '../../../contracts/error-messages.js';
import type { Locale } from '../../../contracts/error-messages.js';
import type { Db } from '../../db/connection.js';
import { enqueueAccountEmail } from '../mail/outbox.js';
import { accountEmailOutbox } from '../mail/outbox.tables.js';

/** At most this many messages of one kind to one address per hour; more are dropped unseen. */
export const ACCOUNT_EMAILS_PER_HOUR = 5;

type Kind = 'password_reset' | 'verify_email' | 'confirm_email_change';

/** `detail` is what a kind names beside its link: the new address, for a change of address. */
const texts: Record<Kind, Record<Locale, { subject: string; body: (url: string, detail: string) => string }>> = {
  password_reset: {
    'zh-CN': {
      subject: 'Dragon Gate：重设密码',
      body: (url) =>
        `有人（希望是您）请求重设 Dragon Gate 账户的密码。\n\n请在一小时内打开以下链接设置新密码（仅可使用一次）：\n${url}\n\n如果不是您本人操作，请忽略此邮件，您的密码不会改变。`,
    },
    'en-US': {
      subject: 'Dragon Gate: reset your password',
      body: (url) =>
        `Someone (we hope you) asked to reset the password of your Dragon Gate account.\n\nOpen this link within one hour to choose a new password (it works once):\n${url}\n\nIf it was not you, ignore this message; your password stays as it is.`,
    },
  },
  verify_email: {
    'zh-CN': { subject: 'Dragon Gate：确认您的邮箱', body: (url) => `请打开以下链接确认这是您的邮箱地址（24 小时内有效）：\n${url}\n\n确认后即可申请资助。` },
    'en-US': {
      subject: 'Dragon Gate: confirm your e-mail address',
      body: (url) => `Open this link to confirm this is your e-mail address (valid for 24 hours):\n${url}\n\nOnce confirmed, you can apply for funding.`,
    },
  },
  confirm_email_change: {
    'zh-CN': {
      subject: 'Dragon Gate：确认更改邮箱',
      body: (url, newEmail) =>
        `有人（希望是您）请求把 Dragon Gate 账户的邮箱改为 ${newEmail}。\n\n如果是您本人，请在 24 小时内打开以下链接同意更改，随后确认链接会发往新邮箱：\n${url}\n\n如果不是您本人操作，请不要打开链接，并尽快修改密码、退出其他设备上的登录。`,
    },
    'en-US': {
      subject: 'Dragon Gate: approve the change of your e-mail address',
      body: (url, newEmail) =>
        `Someone (we hope you) asked to change the e-mail address of your Dragon Gate account to ${newEmail}.\n\nIf it was you, open this link within 24 hours to approve; a link to confirm the new address is then sent there:\n${url}\n\nIf it was not you, do not open the link, and change your password and sign out your other sessions soon.`,
    },
  },
};

/**
 * Queues a password reset, verification or change-of-address message in the request's
 * language, unless the address already got ACCOUNT_EMAILS_PER_HOUR of that kind this hour
 * (dropped silently: the caller's answer is the same either way, so it tells nothing about
 * the account).
 */
export async function sendAccountEmail(db: Db, kind: Kind, to: string, url: string, request: Request | undefined, detail = ''): Promise<void> {
  const locale = pickLocale(request?.headers.get('accept-language') ?? undefined);
  await db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`account-mail:${to.toLowerCase()}`}))`);
    const [recent] = await tx
      .select({ n: count() })
      .from(accountEmailOutbox)
      .where(
        and(
          eq(sql`lower(${accountEmailOutbox.toAddress})`, to.toLowerCase()),
          eq(accountEmailOutbox.cause, kind),
          gt(accountEmailOutbox.createdAt, sql`now() - interval '1 hour'`),
        ),
      );
    if ((recent?.n ?? 0) >= ACCOUNT_EMAILS_PER_HOUR) return;
    const text = texts[kind][locale];
    await enqueueAccountEmail(tx, { to, subject: text.subject, text: text.body(url, detail), cause: kind });
  });
}
