import nodemailer from 'nodemailer';
import type { Mailer, OutgoingEmail } from '../../services/email/mailer.js';

/**
 * nodemailer over SMTP (SMTP_URL). Short time-outs: a mail server that is down should fail
 * this try quickly and leave the email for the next, not hold the sender for minutes.
 */
export function smtpMailer(smtpUrl: string, from: string): Mailer & { close(): void } {
  const url = new URL(smtpUrl);
  const transport = nodemailer.createTransport({
    host: url.hostname,
    port: url.port ? Number(url.port) : url.protocol === 'smtps:' ? 465 : 587,
    secure: url.protocol === 'smtps:',
    ...(url.username ? { auth: { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } } : {}),
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 20_000,
  });
  return {
    async send(email: OutgoingEmail) {
      await transport.sendMail({ from, to: email.to, subject: email.subject, text: email.text });
    },
    close: () => transport.close(),
  };
}
