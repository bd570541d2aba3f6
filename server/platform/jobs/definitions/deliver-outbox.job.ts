import { z } from 'zod';
import { deliverOutbox, smtpSender } from '../../mail/index.js';
import { defineJob } from '../job.js';

/** Every minute: sends the e-mail that is due (nothing to do without SMTP_URL). */
export const deliverOutboxJob = defineJob({
  name: 'deliver-outbox',
  payload: z.object({}),
  cron: '* * * * *',
  async handle(db, _payload, _queue, config) {
    if (!config?.smtpUrl) return;
    const sender = smtpSender(config.smtpUrl, config.mailFrom);
    try {
      await deliverOutbox(db, sender.send, { domain: mailDomain(config.mailFrom) });
    } finally {
      sender.close();
    }
  },
});

/** The domain of the From address, for Message-IDs. */
export function mailDomain(from: string): string {
  return /@([^>\s]+)/.exec(from)?.[1] ?? 'dragongate.local';
}
