// E-mail: an outbox written in the caller's transaction, delivered by a job over SMTP.
export { enqueueAccountEmail, enqueueEmails, outboxCounts, type OutgoingEmail } from './outbox.js';
export { deliverOutbox, type SendMail } from './deliver.js';
export { smtpSender } from './mailer.js';
