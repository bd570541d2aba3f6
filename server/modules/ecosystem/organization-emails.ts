import type { OrgRole } from '../../../contracts/auth.js';
import type { Locale } from '../../../contracts/error-messages.js';
import { asOneLine } from '../../../contracts/common.js';
import type { OutgoingEmail } from '../../platform/mail/index.js';

const orgRoleNames: Record<OrgRole, Record<Locale, string>> = {
  owner: { 'zh-CN': '所有者', 'en-US': 'owner' },
  applicant: { 'zh-CN': '可代表机构申请', 'en-US': 'colleague who can apply' },
  viewer: { 'zh-CN': '仅可查看', 'en-US': 'colleague who can view' },
};

/** The message carrying a colleague invitation's one-time link. */
export function colleagueInvitationEmail(input: {
  to: string;
  organization: { zh: string; en: string };
  role: OrgRole;
  url: string;
  days: number;
  locale: Locale;
  invitationId: string;
}): OutgoingEmail {
  const role = orgRoleNames[input.role][input.locale];
  const zh = input.locale === 'zh-CN';
  // Names are checked on input; one stored before may hold a line break.
  const organization = { zh: asOneLine(input.organization.zh), en: asOneLine(input.organization.en) };
  return {
    to: input.to,
    cause: `colleague_invitation:${input.invitationId}`,
    subject: zh ? `Dragon Gate：邀请您加入${organization.zh}` : `Dragon Gate: join ${organization.en}`,
    text: zh
      ? `您受邀以「${role}」身份代表${organization.zh}使用 Dragon Gate。\n\n请在 ${input.days} 天内打开以下链接接受邀请（仅可使用一次；如尚无账户，请先用此邮箱注册）：\n${input.url}`
      : `You are invited to act for ${organization.en} on Dragon Gate as ${role}.\n\nOpen this link within ${input.days} days to accept (it works once; with no account yet, sign up with this address first):\n${input.url}`,
  };
}
