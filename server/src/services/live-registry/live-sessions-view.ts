import type { ObserverInfo, PeerInfo } from '@peerbridge/shared';
import type { SessionRecord } from '../../infra/db/session-repository.js';

/*
 * What chat and concerns may know of the live sessions: who is in which call,
 * never their media. Read-only: joining, leaving and ending are the call's.
 */

interface ParticipantViewBase {
  /** Student id, or staff id for an observer. */
  readonly id: string;
  readonly connectionId: string;
  readonly deviceId: string | null;
}

export interface StudentView extends ParticipantViewBase {
  readonly kind: 'student';
  readonly info: PeerInfo;
}

export interface ObserverView extends ParticipantViewBase {
  readonly kind: 'observer';
  readonly info: ObserverInfo;
}

export type ParticipantView = StudentView | ObserverView;

export interface LiveSessionView {
  readonly record: SessionRecord;
  students(): readonly StudentView[];
  observers(): readonly ObserverView[];
  /** Everyone in the call but `id`. */
  others(id: string): readonly ParticipantView[];
  /** Both schools of the session. */
  schoolIds(): string[];
}

export interface LiveSessionSummary {
  sessionId: string;
  students: number;
  observers: number;
}

export interface LiveSessionsView {
  /** The live session and participant behind a connection; not in a call is refused as `not_joined`. */
  whereIs(connectionId: string): { session: LiveSessionView; participant: ParticipantView };
  /** Sessions with a student in them that involve a school, for the staff who may observe them. */
  liveSessionsFor(schoolId: string): LiveSessionSummary[];
}
