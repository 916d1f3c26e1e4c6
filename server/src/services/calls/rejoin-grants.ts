import { createHash, randomBytes } from 'node:crypto';
import type { Temporal } from 'temporal-polyfill';
import { decideRejoin, REJOIN_OFFER_MS, type RejoinAsk, type RejoinDecision, type RejoinGrantState } from '../../domain/sessions/rejoin-grant.js';
import type { Clock } from '../../domain/time/clock.js';

const hash = (grant: string) => createHash('sha256').update(grant).digest('hex');
const key = (sessionId: string, studentId: string) => `${sessionId}:${studentId}`;

/**
 * Rejoin grants: what lets a child whose iPad reloaded (or locked) come back into their call without
 * the PIN. Each join gets a fresh one (the old one goes); it is bound to that iPad, that session and
 * that student, single-use, and revoked when the child taps Leave or the session ends. Only its hash
 * is kept, and only here, beside the live registry whose calls it belongs to: a restarted server
 * holds none, and the child types the PIN again.
 */
export class RejoinGrants {
  /** By hash of the grant. */
  private readonly grants = new Map<string, RejoinGrantState>();
  /** The one live grant of each student in each session, by `session:student`. */
  private readonly current = new Map<string, string>();
  /** Students who came back by a grant, until their join is logged as a rejoin. */
  private readonly redeemed = new Set<string>();

  constructor(private readonly deps: { clock: Clock }) {}

  /** Grants still held (live or waiting to be swept), for tests that check nothing outlives its use. */
  get size(): number {
    return this.grants.size;
  }

  /** A fresh grant for a student who has just come into the call; the one they had before is gone. */
  issue(who: RejoinAsk, sessionEndsAt: Temporal.Instant): string {
    this.sweep();
    this.revoke(who.sessionId, who.studentId);
    const grant = randomBytes(32).toString('base64url');
    const h = hash(grant);
    this.grants.set(h, { ...who, sessionEndsAt, droppedAt: null, status: 'live' });
    this.current.set(key(who.sessionId, who.studentId), h);
    return grant;
  }

  /** The server lost this student's connection without a goodbye: the offer's window starts now. */
  noteDropped(sessionId: string, studentId: string): void {
    const grant = this.currentGrant(sessionId, studentId);
    if (grant && grant.status === 'live' && !grant.droppedAt) grant.droppedAt = this.deps.clock.now();
  }

  /** The child tapped Leave, joined elsewhere, or the iPad was removed: no offer on that iPad. */
  revoke(sessionId: string, studentId: string): void {
    const k = key(sessionId, studentId);
    const h = this.current.get(k);
    if (h) this.grants.delete(h);
    this.current.delete(k);
    this.redeemed.delete(k);
  }

  /** The session is over: every grant for it goes. */
  revokeSession(sessionId: string): void {
    for (const [h, grant] of this.grants) {
      if (grant.sessionId === sessionId) this.revoke(grant.sessionId, grant.studentId);
      this.grants.delete(h);
    }
  }

  /** Whether the grant would be taken now, without taking it (the device page asks before it offers). */
  check(grant: string, ask: RejoinAsk): RejoinDecision {
    this.sweep();
    return decideRejoin(this.grants.get(hash(grant)), ask, this.deps.clock.now());
  }

  /** Takes the grant (once): the student's next join into this session is logged as a rejoin. */
  redeem(grant: string, ask: RejoinAsk): RejoinDecision {
    const decision = this.check(grant, ask);
    if (!decision.allowed) return decision;
    const h = hash(grant);
    const state = this.grants.get(h)!;
    state.status = 'used';
    this.redeemed.add(key(ask.sessionId, ask.studentId));
    return decision;
  }

  /** Whether this join comes from a redeemed grant; asking forgets it. */
  takeRedeemed(sessionId: string, studentId: string): boolean {
    return this.redeemed.delete(key(sessionId, studentId));
  }

  private currentGrant(sessionId: string, studentId: string): RejoinGrantState | undefined {
    const h = this.current.get(key(sessionId, studentId));
    return h ? this.grants.get(h) : undefined;
  }

  /** Grants past their window or their session are dropped whenever one is issued or asked about. */
  private sweep(): void {
    const now = this.deps.clock.now().epochMilliseconds;
    for (const [h, grant] of this.grants) {
      const windowOver = grant.droppedAt !== null && grant.droppedAt.epochMilliseconds + REJOIN_OFFER_MS <= now;
      if (windowOver || grant.sessionEndsAt.epochMilliseconds <= now) {
        this.grants.delete(h);
        if (this.current.get(key(grant.sessionId, grant.studentId)) === h) this.current.delete(key(grant.sessionId, grant.studentId));
      }
    }
  }
}
