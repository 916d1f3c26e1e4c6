import type { JoinResult } from '@peerbridge/shared';
import type { Logger } from 'pino';
import type { Clock } from '../../domain/time/clock.js';
import type { SessionEventRepository } from '../../infra/db/session-event-repository.js';
import type { SessionRepository } from '../../infra/db/session-repository.js';
import type { MediaPort } from '../../media/media-port.js';
import { Admission } from '../admission/admission.js';
import type { ConsentNotices } from '../admission/consent-notices.js';
import type { JoinTokens } from '../admission/join-tokens.js';
import { AudioFirstGuard } from '../call-media/audio-first-guard.js';
import { CallMedia } from '../call-media/call-media.js';
import { LiveRegistry } from '../live-registry/live-registry.js';
import type { LiveSessionsView } from '../live-registry/live-sessions-view.js';
import type { RealtimeSink } from '../notifications/realtime-sink.js';
import { SessionTimeline } from '../session-timeline/session-timeline.js';
import { CallLifecycle } from './call-lifecycle.js';
import { CallService } from './call-service.js';
import { RejoinGrants } from './rejoin-grants.js';
import { recordRestartGap } from './restart-gap.js';
import { realTimers, type Timers } from './timers.js';

export interface CallsDeps {
  sessions: Pick<SessionRepository, 'findById'>;
  events: Pick<SessionEventRepository, 'append' | 'checkpoint' | 'list' | 'sessionsWithEntriesSince'>;
  media: MediaPort;
  clock: Clock;
  log: Logger;
  sink: RealtimeSink;
  iceServers: (who: string) => JoinResult['iceServers'];
  joinTokens: Pick<JoinTokens, 'verify'>;
  notices: Pick<ConsentNotices, 'consentMissing'>;
  timers?: Timers;
  /** How long a lost student's place is kept (default RECONNECT_GRACE_MS). */
  graceMs?: number;
}

/**
 * The live-session services, built together: the read-only live registry and
 * the timeline are handed on to chat and concerns, admission to sign-in.
 */
export function createCalls(deps: CallsDeps) {
  const registry = new LiveRegistry();
  const timeline = new SessionTimeline({ events: deps.events, clock: deps.clock });
  const admission = new Admission({ sessions: deps.sessions, joinTokens: deps.joinTokens, notices: deps.notices, clock: deps.clock });
  const media = new CallMedia({ registry, media: deps.media, sink: deps.sink, timeline, log: deps.log, iceServers: deps.iceServers });
  const timers = deps.timers ?? realTimers;
  const audioFirst = new AudioFirstGuard({ registry, timeline, sink: deps.sink, clock: deps.clock, timers, log: deps.log });
  const rejoinGrants = new RejoinGrants({ clock: deps.clock });
  const lifecycle = new CallLifecycle({
    registry,
    rejoinGrants,
    media: deps.media,
    callMedia: media,
    audioFirst,
    timeline,
    sink: deps.sink,
    clock: deps.clock,
    timers,
    log: deps.log,
    ...(deps.graceMs !== undefined ? { graceMs: deps.graceMs } : {}),
  });
  /** Run once at start-up, before devices connect (see restart-gap.ts). */
  const recordGapAfterStop = () =>
    recordRestartGap({ events: deps.events, sessions: deps.sessions, timeline, lifecycle, clock: deps.clock, log: deps.log });
  const calls = new CallService({ admission, lifecycle, media, registry });
  const live: LiveSessionsView = registry;
  return { calls, live, timeline, admission, rejoinGrants, recordGapAfterStop };
}
