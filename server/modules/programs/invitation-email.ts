import type { OutgoingEmail } from '../../platform/mail/index.js';

export type InvitationProgram = { id: string; nameZh: string; nameEn: string; closesOn: string };

/**
 * The e-mail that goes with an in-app invitation: both languages in one message (the
 * platform does not know which one each person reads), the link to apply, and why.
 */
export function invitationEmail(to: string, notificationId: string, program: InvitationProgram, hub: { slug: string }, publicUrl: string): OutgoingEmail {
  const link = `${publicUrl.replace(/\/$/, '')}/hubs/${hub.slug}/programs/${program.id}`;
  return {
    to,
    cause: `program_invitation:${notificationId}`,
    subject: `邀请申请：${program.nameZh} | Invitation to apply: ${program.nameEn}`,
    text: [
      `根据平台已有的数据，您（或您的机构）符合“${program.nameZh}”的申请条件，尚未申请。`,
      `申请截止日期：${program.closesOn}。查看并一键申请：${link}`,
      '',
      `From what the platform already knows, you (or your organisation) qualify for "${program.nameEn}" and have not applied yet.`,
      `Applications close on ${program.closesOn}. See it and apply in one click: ${link}`,
      '',
      '— Dragon Gate',
    ].join('\n'),
  };
}
