import type { Temporal } from 'temporal-polyfill';
import type { Db } from './database.js';
import { sessionEvents } from './schema.js';

export type SessionEventType = 'SessionJoined' | 'SessionLeft';

export interface NewSessionEvent {
  occurrenceId: string;
  type: SessionEventType;
  studentId: string;
  deviceId: string;
  at: Temporal.Instant;
  detail?: Record<string, unknown>;
}

/** Append-only: this repository has no update and no delete. */
export class SessionEventRepository {
  constructor(private readonly db: Db) {}

  async append(event: NewSessionEvent): Promise<void> {
    await this.db.insert(sessionEvents).values({
      occurrenceId: event.occurrenceId,
      type: event.type,
      studentId: event.studentId,
      deviceId: event.deviceId,
      at: new Date(event.at.epochMilliseconds),
      detail: event.detail ?? {},
    });
  }
}
