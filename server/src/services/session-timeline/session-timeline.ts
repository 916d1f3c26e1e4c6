import type { LeaveReason, MediaKind, NetworkCheckResult, ObserverInfo, StaffEndReason } from '@peerbridge/shared';
import type { Temporal } from 'temporal-polyfill';
import type { ContactKind } from '../../domain/safeguarding/contact-details.js';
import type { Clock } from '../../domain/time/clock.js';
import type { SessionEventRepository } from '../../infra/db/session-event-repository.js';

/** Who a timeline entry is about: a student on a school iPad, or a member of staff (no device). */
export interface TimelineActor {
  id: string;
  deviceId: string | null;
}

/** Why a concern's words were not kept (the DSL sees that the child tried to say more). */
export type WordsNotKept = 'too_long' | 'unreadable';

/**
 * The session log as the call, chat and concerns write it: one function per
 * event, so every entry of a kind carries the same fields in the same shape.
 * Each append is durable before it returns; callers write before they tell.
 */
export class SessionTimeline {
  constructor(private readonly deps: { events: Pick<SessionEventRepository, 'append' | 'checkpoint'>; clock: Clock }) {}

  /**
   * A student came into the call; coming back after a drop is a reconnection, so the log reads truthfully.
   * The pre-join network check, when the device had one, is kept with the entry (what staff look at when a call went badly).
   */
  async studentJoined(
    sessionId: string,
    student: TimelineActor,
    how: 'joined' | 'reconnected',
    networkCheck?: NetworkCheckResult,
  ): Promise<void> {
    await this.deps.events.append({
      occurrenceId: sessionId,
      type: how === 'reconnected' ? 'SessionReconnected' : 'SessionJoined',
      actor: student.id,
      deviceId: student.deviceId,
      at: this.deps.clock.now(),
      ...(networkCheck ? { detail: { networkCheck } } : {}),
    });
  }

  async studentLeft(sessionId: string, student: TimelineActor, reason: LeaveReason): Promise<void> {
    await this.left('SessionLeft', sessionId, student, reason);
  }

  /** A student's connection was lost; their place is kept while they come back. */
  async participantReconnecting(sessionId: string, student: TimelineActor): Promise<void> {
    await this.presence('ParticipantReconnecting', sessionId, student);
  }

  /** Back within the grace period: the same student on the same device. */
  async participantReconnected(sessionId: string, student: TimelineActor, how: 'same_connection' | 'new_connection'): Promise<void> {
    await this.presence('ParticipantReconnected', sessionId, student, { how });
  }

  /**
   * Back on the same iPad after its page reloaded (or Safari reloaded the tab), by the rejoin grant the
   * join gave it, without the PIN. `placeKept`: the server still held their place (inside the grace period).
   */
  async participantRejoined(sessionId: string, student: TimelineActor, placeKept: boolean): Promise<void> {
    await this.deps.events.append({
      occurrenceId: sessionId,
      type: 'SessionRejoined',
      actor: student.id,
      deviceId: student.deviceId,
      at: this.deps.clock.now(),
      detail: { after: 'page_reload', placeKept },
    });
  }

  /**
   * Out of the call without choosing it: the grace period ran out (`disconnected`), or the server
   * stopped while they were in it (`server_stopped`, written when it starts again, `at` the start-up).
   */
  async participantDropped(sessionId: string, student: TimelineActor, reason: 'disconnected' | 'server_stopped'): Promise<void> {
    await this.presence('ParticipantDropped', sessionId, student, { reason });
  }

  async observerJoined(sessionId: string, observer: ObserverInfo): Promise<void> {
    await this.deps.events.append({
      occurrenceId: sessionId,
      type: 'ObserverJoined',
      actor: observer.observerId,
      at: this.deps.clock.now(),
      detail: { name: observer.name, schoolName: observer.schoolName, role: observer.role },
    });
  }

  async observerLeft(sessionId: string, observer: TimelineActor, reason: LeaveReason): Promise<void> {
    await this.left('ObserverLeft', sessionId, observer, reason);
  }

  /** `reason: 'background'`: the iPad paused (or brought back) the camera as the app left (or returned to) the screen. */
  async mediaToggled(sessionId: string, student: TimelineActor, media: { kind: MediaKind; on: boolean; reason?: 'background' }): Promise<void> {
    await this.deps.events.append({
      occurrenceId: sessionId,
      type: 'MediaToggled',
      actor: student.id,
      deviceId: student.deviceId,
      at: this.deps.clock.now(),
      detail: { kind: media.kind, on: media.on, ...(media.reason ? { reason: media.reason } : {}) },
    });
  }

  /** The server first received this student's media in this stay in the call (see CallMedia). */
  async mediaFlowing(sessionId: string, student: TimelineActor, kind: MediaKind): Promise<void> {
    await this.deps.events.append({
      occurrenceId: sessionId,
      type: 'MediaFlowing',
      actor: student.id,
      deviceId: student.deviceId,
      at: this.deps.clock.now(),
      detail: { kind },
    });
  }

  /**
   * Audio first: the server paused (or brought back) the video `receiver` gets, because of
   * the bandwidth its link had (`availableKbps`). Written before the receiver is told.
   */
  async videoHeldForBandwidth(
    sessionId: string,
    receiver: TimelineActor & { kind: 'student' | 'observer' },
    change: { paused: boolean; availableKbps: number },
  ): Promise<void> {
    await this.deps.events.append({
      occurrenceId: sessionId,
      type: change.paused ? 'VideoPausedForBandwidth' : 'VideoResumedForBandwidth',
      actor: receiver.id,
      deviceId: receiver.deviceId,
      at: this.deps.clock.now(),
      detail: { receiver: receiver.kind, availableKbps: change.availableKbps },
    });
  }

  /** On the record before anyone sees it; `at` is the time the partner is shown. */
  async chatMessageSent(sessionId: string, student: TimelineActor, message: { text: string; at: Temporal.Instant; flaggedKeywords: string[] }) {
    await this.deps.events.append({
      occurrenceId: sessionId,
      type: 'ChatMessageSent',
      actor: student.id,
      deviceId: student.deviceId,
      at: message.at,
      detail: { text: message.text, ...flagged(message.flaggedKeywords) },
    });
  }

  async chatMessageBlocked(
    sessionId: string,
    student: TimelineActor,
    message: { text: string; at: Temporal.Instant; contactKinds: ContactKind[]; flaggedKeywords: string[] },
  ) {
    await this.deps.events.append({
      occurrenceId: sessionId,
      type: 'ChatMessageBlocked',
      actor: student.id,
      deviceId: student.deviceId,
      at: message.at,
      detail: { text: message.text, contactKinds: message.contactKinds, ...flagged(message.flaggedKeywords) },
    });
  }

  /** The mentor added a target for the pair in the call. */
  async targetSet(sessionId: string, student: TimelineActor, target: { targetId: string; what: string; reviewOn: string }) {
    await this.deps.events.append({
      occurrenceId: sessionId,
      type: 'TargetSet',
      actor: student.id,
      deviceId: student.deviceId,
      at: this.deps.clock.now(),
      detail: { ...target },
    });
  }

  /** The mentor recorded a target's review in the call. */
  async targetReviewed(
    sessionId: string,
    student: TimelineActor,
    review: { targetId: string; what: string; status: string; progress: string; nextStep: string; dueOn: string; reviewOn: string },
  ) {
    await this.deps.events.append({
      occurrenceId: sessionId,
      type: 'TargetReviewed',
      actor: student.id,
      deviceId: student.deviceId,
      at: this.deps.clock.now(),
      detail: { ...review },
    });
  }

  async concernRaised(sessionId: string, student: TimelineActor, concern: { concernId: string; wordsNotKept?: WordsNotKept | undefined }) {
    await this.deps.events.append({
      occurrenceId: sessionId,
      type: 'ConcernRaised',
      actor: student.id,
      deviceId: student.deviceId,
      at: this.deps.clock.now(),
      detail: concern.wordsNotKept ? { concernId: concern.concernId, wordsNotKept: concern.wordsNotKept } : { concernId: concern.concernId },
    });
  }

  /** The child added their own words to the concern they raised with the one tap. */
  async concernWordsAdded(sessionId: string, student: TimelineActor, concern: { concernId: string }) {
    await this.deps.events.append({
      occurrenceId: sessionId,
      type: 'ConcernWordsAdded',
      actor: student.id,
      deviceId: student.deviceId,
      at: this.deps.clock.now(),
      detail: { concernId: concern.concernId },
    });
  }

  /** The session reached its end time (the repository seals the log's head with it). */
  async sessionEnded(sessionId: string, reason: 'time_up'): Promise<void> {
    await this.deps.events.append({ occurrenceId: sessionId, type: 'SessionEnded', at: this.deps.clock.now(), detail: { reason } });
  }

  /**
   * A DSL or supervisor ended the session early: who (by name, role and school, as they were then),
   * the reason from the list and their note. Written before anyone in the call is told; it is also what
   * refuses every later join (the repository seals the log's head with it).
   */
  async sessionEndedByStaff(
    sessionId: string,
    by: ObserverInfo,
    why: { reason: StaffEndReason; note?: string | undefined },
  ): Promise<Temporal.Instant> {
    const at = this.deps.clock.now();
    await this.deps.events.append({
      occurrenceId: sessionId,
      type: 'SessionEnded',
      actor: by.observerId,
      at,
      detail: {
        reason: 'ended_by_staff',
        endReason: why.reason,
        ...(why.note ? { note: why.note } : {}),
        name: by.name,
        role: by.role,
        schoolName: by.schoolName,
      },
    });
    return at;
  }

  /** Both students have gone (they may rejoin, but this part of the log is complete): seal its head. */
  async callClosed(sessionId: string): Promise<void> {
    await this.deps.events.checkpoint(sessionId, 'call_closed', this.deps.clock.now());
  }

  private async presence(
    type: 'ParticipantReconnecting' | 'ParticipantReconnected' | 'ParticipantDropped',
    sessionId: string,
    student: TimelineActor,
    detail?: Record<string, unknown>,
  ) {
    await this.deps.events.append({
      occurrenceId: sessionId,
      type,
      actor: student.id,
      deviceId: student.deviceId,
      at: this.deps.clock.now(),
      ...(detail ? { detail } : {}),
    });
  }

  private async left(type: 'SessionLeft' | 'ObserverLeft', sessionId: string, who: TimelineActor, reason: LeaveReason) {
    await this.deps.events.append({
      occurrenceId: sessionId,
      type,
      actor: who.id,
      deviceId: who.deviceId,
      at: this.deps.clock.now(),
      detail: { reason },
    });
  }
}

function flagged(keywords: string[]): { flaggedKeywords?: string[] } {
  return keywords.length > 0 ? { flaggedKeywords: keywords } : {};
}
