import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

/** One message as the catcher received it: the envelope's recipients and the decoded text. */
export interface CaughtMail {
  to: string[];
  from: string;
  subject: string;
  text: string;
  raw: string;
}

function decodeBody(body: string, encoding: string): string {
  if (encoding === 'base64') return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (encoding === 'quoted-printable') {
    const bytes = body.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi, (_, hex: string) => `%${hex}`);
    try {
      return decodeURIComponent(bytes.replace(/%(?![0-9A-F]{2})/gi, '%25'));
    } catch {
      return bytes;
    }
  }
  return body;
}

/** A single-part text message as nodemailer writes it (headers, a blank line, the body). */
function parse(raw: string, to: string[], from: string): CaughtMail {
  const split = raw.indexOf('\r\n\r\n');
  const head = (split < 0 ? raw : raw.slice(0, split)).replace(/\r\n[ \t]+/g, ' ');
  const header = (name: string) => new RegExp(`^${name}:\\s*(.*)$`, 'im').exec(head)?.[1]?.trim() ?? '';
  const body = split < 0 ? '' : raw.slice(split + 4);
  return { to, from, subject: header('Subject'), text: decodeBody(body, header('Content-Transfer-Encoding').toLowerCase()), raw };
}

/**
 * A real SMTP server in the test's own process, on 127.0.0.1 and a free port: what Peerbridge
 * sends arrives here over SMTP, as it would at a school's mail server. `refuse` makes it answer
 * every message with a temporary failure (a mail server in trouble), until set back.
 */
export class MailCatcher {
  readonly messages: CaughtMail[] = [];
  refuse = false;
  private waiters: { match: (m: CaughtMail) => boolean; done: (m: CaughtMail) => void }[] = [];

  private constructor(
    private readonly server: SMTPServer,
    readonly port: number,
  ) {}

  static async start(port = 0): Promise<MailCatcher> {
    // The server's handler needs the catcher, which needs the server's port: filled in once listening.
    const holder: { catcher?: MailCatcher } = {};
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          if (holder.catcher?.refuse) {
            callback(Object.assign(new Error('Mailbox busy, try again later'), { responseCode: 451 }));
            return;
          }
          const to = session.envelope.rcptTo.map((r) => r.address.toLowerCase());
          const from = session.envelope.mailFrom ? session.envelope.mailFrom.address : '';
          holder.catcher?.received(parse(Buffer.concat(chunks).toString('utf8'), to, from));
          callback();
        });
      },
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => resolve());
    });
    holder.catcher = new MailCatcher(server, (server.server.address() as AddressInfo).port);
    return holder.catcher;
  }

  /** What Peerbridge's SMTP_URL should be to send here. */
  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  /** The first message (already here or yet to come) that matches, or a failure naming what did arrive. */
  waitFor(match: (m: CaughtMail) => boolean, timeoutMs = 15_000): Promise<CaughtMail> {
    const found = this.messages.find(match);
    if (found) return Promise.resolve(found);
    return new Promise((resolve, reject) => {
      const waiter = {
        match,
        done: (m: CaughtMail) => {
          clearTimeout(timer);
          resolve(m);
        },
      };
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        const seen = this.messages.map((m) => `${m.to.join(',')}: ${m.subject}`).join('; ') || 'none';
        reject(new Error(`no matching email within ${timeoutMs} ms (received: ${seen})`));
      }, timeoutMs);
      this.waiters.push(waiter);
    });
  }

  to(address: string): CaughtMail[] {
    return this.messages.filter((m) => m.to.includes(address.toLowerCase()));
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private received(message: CaughtMail): void {
    this.messages.push(message);
    for (const waiter of [...this.waiters]) {
      if (waiter.match(message)) {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        waiter.done(message);
      }
    }
  }
}
