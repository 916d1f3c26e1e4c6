import type { ClientAckData, ClientPayload } from '@peerbridge/shared';
import { Temporal } from 'temporal-polyfill';
import { dateAt, nextReviewDate, reviewProblemWords } from '../../domain/targets/target-rules.js';
import type { Clock } from '../../domain/time/clock.js';
import { AppError } from '../../errors.js';
import type { TargetsRepository } from '../../infra/db/targets-repository.js';
import type { LiveSessionsView, LiveSessionView, StudentView } from '../live-registry/live-sessions-view.js';
import type { RealtimeSink } from '../notifications/realtime-sink.js';
import type { SessionTimeline } from '../session-timeline/session-timeline.js';
import { callTargetView, inCallOrder, newTargetRow } from './target-views.js';

type Repo = Pick<TargetsRepository, 'pairingOfSession' | 'targetsOf' | 'target' | 'addTarget' | 'review'>;

/**
 * Targets inside a call. Both students of the session see them; only the
 * mentor sets and reviews them, and only while the session is on. Each change
 * is on the session log before the other student is told.
 */
export class CallTargets {
  constructor(
    private readonly deps: {
      live: Pick<LiveSessionsView, 'whereIs'>;
      targets: Repo;
      timeline: Pick<SessionTimeline, 'targetSet' | 'targetReviewed'>;
      sink: RealtimeSink;
      clock: Clock;
    },
  ) {}

  async list(connectionId: string): Promise<ClientAckData['targets:list']> {
    const { day, pairingId } = await this.place(connectionId);
    const rows = await this.deps.targets.targetsOf([pairingId]);
    return { sessionDate: day, targets: inCallOrder(rows, day, (r) => callTargetView(r, day)) };
  }

  async add(connectionId: string, input: ClientPayload<'targets:add'>): Promise<ClientAckData['targets:add']> {
    const { session, student, day, pairingId } = await this.place(connectionId, 'mentor');
    if (input.reviewOn < day) throw AppError.badRequest('The review date has to be today or later.', { field: 'reviewOn' });
    const row = await this.deps.targets.addTarget(newTargetRow(input, pairingId, { origin: 'pair', seededBy: null, at: this.deps.clock.now() }));
    await this.deps.timeline.targetSet(session.record.id, student, { targetId: row.id, what: row.what, reviewOn: row.reviewOn });
    const target = callTargetView(row, day);
    this.tellOthers(session, student, { change: 'set', target });
    return { target };
  }

  async review(connectionId: string, input: ClientPayload<'targets:review'>): Promise<ClientAckData['targets:review']> {
    const { session, student, day, pairingId } = await this.place(connectionId, 'mentor');
    const current = await this.deps.targets.target(input.targetId);
    if (!current || current.pairingId !== pairingId) throw AppError.notFound('That target is not one of this pair’s.');
    const next = nextReviewDate(input, current, day);
    if ('problem' in next) throw AppError.badRequest(reviewProblemWords[next.problem], { field: 'nextReviewOn' });
    const row = await this.deps.targets.review({
      targetId: current.id,
      occurrenceId: session.record.id,
      byId: student.id,
      at: new Date(this.deps.clock.now().epochMilliseconds),
      status: input.status,
      progress: input.progress,
      nextStep: input.nextStep,
      dueOn: current.reviewOn,
      nextReviewOn: next.reviewOn,
    });
    await this.deps.timeline.targetReviewed(session.record.id, student, {
      targetId: row.id,
      what: row.what,
      status: row.status,
      progress: input.progress,
      nextStep: input.nextStep,
      dueOn: current.reviewOn,
      reviewOn: row.reviewOn,
    });
    const target = callTargetView(row, day);
    this.tellOthers(session, student, { change: 'reviewed', target });
    return { target };
  }

  /** The caller's live session, checked: a student of it (the mentor, for changes), while it is on. */
  private async place(connectionId: string, need?: 'mentor') {
    const { session, participant } = this.deps.live.whereIs(connectionId);
    if (participant.kind !== 'student') throw new AppError('forbidden', 'Only the two students of a session see its targets.');
    const record = session.record;
    const now = this.deps.clock.now();
    if (Temporal.Instant.compare(now, record.endsAt) >= 0) throw new AppError('session_over', 'This session has ended; targets can be changed in the next one.');
    if (need === 'mentor' && participant.id !== record.mentor.id) {
      throw new AppError('forbidden', 'Your mentor records the targets; you can talk them through together.');
    }
    const pairingId = await this.deps.targets.pairingOfSession(record.id);
    if (!pairingId) throw AppError.notFound('No such session.');
    // The session's day at the mentee's school: the programme is for them, and their school seeds the targets.
    const day = dateAt(record.startsAt, record.mentee.schoolTimeZone);
    return { session, student: participant, day, pairingId };
  }

  private tellOthers(session: LiveSessionView, from: StudentView, push: ClientAckData['targets:add'] & { change: 'set' | 'reviewed' }) {
    for (const other of session.others(from.id)) {
      if (other.kind === 'student') this.deps.sink.send(other.connectionId, 'targets:changed', push);
    }
  }
}
