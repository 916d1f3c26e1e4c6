import type { Temporal } from 'temporal-polyfill';
import type { Clock } from '../../domain/time/clock.js';
import type { Timers } from './timers.js';

interface SessionDrops {
  students: Set<string>;
  endsAt: Temporal.Instant;
  expiry: { cancel(): void };
}

/**
 * Students whose last leaving was not their choice (dropped, media lost,
 * replaced), by session: their coming back is a reconnection. A drop is kept
 * until the student returns or the session's end time passes (nobody can join
 * after it), so nothing is held for a session that is over: each session's
 * drops are forgotten by a timer at its end, and any that a clock jump has
 * already overtaken are swept whenever a drop is noted or asked about.
 */
export class RecentDrops {
  private readonly bySession = new Map<string, SessionDrops>();

  constructor(private readonly deps: { clock: Clock; timers: Timers }) {}

  /** Students remembered as dropped, across every session. */
  get size(): number {
    let n = 0;
    for (const drops of this.bySession.values()) n += drops.students.size;
    return n;
  }

  note(sessionId: string, studentId: string, sessionEndsAt: Temporal.Instant): void {
    this.sweep();
    let drops = this.bySession.get(sessionId);
    if (!drops) {
      const ms = this.deps.clock.now().until(sessionEndsAt).total('milliseconds');
      drops = { students: new Set(), endsAt: sessionEndsAt, expiry: this.deps.timers.after(ms, () => this.forgetSession(sessionId)) };
      this.bySession.set(sessionId, drops);
    }
    drops.students.add(studentId);
  }

  /** Whether a student coming into a session is coming back after a drop; asking forgets the drop. */
  takeReturning(sessionId: string, studentId: string): boolean {
    this.sweep();
    const drops = this.bySession.get(sessionId);
    if (!drops?.students.delete(studentId)) return false;
    if (drops.students.size === 0) this.forgetSession(sessionId);
    return true;
  }

  forgetSession(sessionId: string): void {
    this.bySession.get(sessionId)?.expiry.cancel();
    this.bySession.delete(sessionId);
  }

  private sweep(): void {
    const now = this.deps.clock.now();
    for (const [sessionId, drops] of this.bySession) {
      if (drops.endsAt.epochMilliseconds <= now.epochMilliseconds) this.forgetSession(sessionId);
    }
  }
}
