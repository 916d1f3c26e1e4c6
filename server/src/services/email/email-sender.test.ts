import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { MAX_ATTEMPTS } from '../../domain/email/email-rules.js';
import type { ClaimedEmail } from '../../infra/db/email-outbox-repository.js';
import { createLogger } from '../../infra/log/logger.js';
import { MovingClock } from '../../infra/time/system-clock.js';
import type { Timers } from '../calls/timers.js';
import { EmailSender } from './email-sender.js';

const start = Temporal.Instant.from('2026-11-25T10:20:00Z');
const noTimers: Timers = { after: () => ({ cancel: () => undefined }) };

/** One outbox row in memory, claimed as the repository would: due, pending, attempts counted on claim. */
function fakeOutbox(kind = 'repeated_absence') {
  const row = { id: 'e1', toAddress: 'c@school.example', subject: 's', bodyText: 'secret 1234', kind, subjectRef: 'n1', attempts: 0, status: 'pending', due: start, lastError: '' };
  return {
    row,
    outbox: {
      claimDue: async (now: Temporal.Instant): Promise<ClaimedEmail[]> => {
        if (row.status !== 'pending' || Temporal.Instant.compare(row.due, now) > 0) return [];
        row.attempts += 1;
        return [{ ...row }];
      },
      markSent: async (_id: string, _at: Temporal.Instant, forget: boolean) => {
        row.status = 'sent';
        if (forget) row.bodyText = '';
      },
      markRetry: async (_id: string, at: Temporal.Instant, error: string) => {
        row.due = at;
        row.lastError = error;
      },
      markFailed: async (_id: string, error: string, forget: boolean) => {
        row.status = 'failed';
        row.lastError = error;
        if (forget) row.bodyText = '';
      },
    },
  };
}

describe('EmailSender', () => {
  it('retries a failing email only when its backoff is due, and gives up after the bound', async () => {
    const clock = new MovingClock(start);
    const { row, outbox } = fakeOutbox();
    let tries = 0;
    const sender = new EmailSender({
      outbox,
      mailer: {
        send: async () => {
          tries++;
          throw new Error('421 down');
        },
      },
      clock,
      timers: noTimers,
      log: createLogger('silent'),
    });
    await sender.sendDue();
    expect(row).toMatchObject({ status: 'pending', attempts: 1, lastError: '421 down' });
    await sender.sendDue();
    expect(tries).toBe(1);
    for (let i = 1; i < MAX_ATTEMPTS; i++) {
      clock.advance({ hours: 2 });
      await sender.sendDue();
    }
    expect(row).toMatchObject({ status: 'failed', attempts: MAX_ATTEMPTS });
    expect(tries).toBe(MAX_ATTEMPTS);
  });

  it('marks a sent email sent, and empties a set-up code once it has gone', async () => {
    const { row, outbox } = fakeOutbox('setup_code');
    const sent: string[] = [];
    const sender = new EmailSender({ outbox, mailer: { send: async (e) => void sent.push(e.text) }, clock: new MovingClock(start), timers: noTimers, log: createLogger('silent') });
    await sender.sendDue();
    expect(sent).toEqual(['secret 1234']);
    expect(row).toMatchObject({ status: 'sent', bodyText: '' });
  });
});
