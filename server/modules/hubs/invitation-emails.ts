import type { HubRole } from '../../../contracts/auth.js';
import type { Locale } from '../../../contracts/error-messages.js';
import type { OutgoingEmail } from '../../platform/mail/index.js';

export const roleNames: Record<HubRole, Record<Locale, string>> = {
  hub_admin: { 'zh-CN': '枢纽管理员', 'en-US': 'hub administrator' },
  security_admin: { 'zh-CN': '安全管理员', 'en-US': 'security administrator' },
  program_officer: { 'zh-CN': '项目专员', 'en-US': 'program officer' },
  reviewer: { 'zh-CN': '评审专家', 'en-US': 'reviewer' },
  finance_officer: { 'zh-CN': '财务专员', 'en-US': 'finance officer' },
  station_manager: { 'zh-CN': '驿站管理员', 'en-US': 'station manager' },
  space_manager: { 'zh-CN': '空间管理员', 'en-US': 'space manager' },
  compute_operator: { 'zh-CN': '算力运营', 'en-US': 'compute operator' },
  auditor: { 'zh-CN': '审计员', 'en-US': 'auditor' },
};

/** The message carrying a staff invitation's one-time link. */
export function staffInvitationEmail(input: {
  to: string;
  hubName: { zh: string; en: string };
  roles: HubRole[];
  url: string;
  days: number;
  locale: Locale;
  invitationId: string;
  /** Who invites, by name; null when the deployment's operator appoints a hub's first admin. */
  invitedBy: string | null;
}): OutgoingEmail {
  const roles = input.roles.map((r) => roleNames[r][input.locale]);
  const zh = input.locale === 'zh-CN';
  const by = input.invitedBy ?? (zh ? '平台运营方' : 'The operator of this Dragon Gate');
  return {
    to: input.to,
    cause: `staff_invitation:${input.invitationId}`,
    subject: zh ? `Dragon Gate：邀请您加入${input.hubName.zh}` : `Dragon Gate: you are invited to ${input.hubName.en}`,
    text: zh
      ? `${by}邀请您以${roles.join('、')}的身份加入${input.hubName.zh}的工作人员。\n\n请在 ${input.days} 天内打开以下链接接受邀请（仅可使用一次）：\n${input.url}\n\n如果您不认识${by}，请忽略此邮件。`
      : `${by} invites you to join the staff of ${input.hubName.en} as ${roles.join(', ')}.\n\nOpen this link within ${input.days} days to accept (it works once):\n${input.url}\n\nIf you do not know ${input.invitedBy ?? 'who invited you'}, ignore this message.`,
  };
}
