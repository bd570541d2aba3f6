import nodemailer from 'nodemailer';
import type { SendMail } from './deliver.js';

/**
 * The SMTP transport named by SMTP_URL (smtp://user:pass@host:587, or smtps:// for
 * TLS from the start), sending as MAIL_FROM.
 */
export function smtpSender(smtpUrl: string, from: string): { send: SendMail; close: () => void } {
  const transport = nodemailer.createTransport(smtpUrl);
  return {
    send: async (m) => {
      await transport.sendMail({ from, to: m.to, subject: m.subject, text: m.text, messageId: m.messageId });
    },
    close: () => transport.close(),
  };
}
