import { toPeerbridgeError, type PeerbridgeErrorCode } from '../../lib/peerbridge-error';
import { leaveRoom } from '../../lib/remote-room/remote-room';
import { connectErrorToPeerbridgeError, type DeviceSocket } from '../../lib/socket-client';
import type { StateStore } from '../../lib/state-store';
import { noRemoteMedia } from '../../lib/remote-room/remote-producers';
import { SignInRequiredError } from './call-join';
import { endReasonForError, isJoined, type CallEnd, type CallState } from './call-state';

/** After this long without the call back, stop saying "Reconnecting…" and say what happened. */
const RECONNECT_GIVE_UP_MS = 60_000;
/** Rejoin backoff: 0.5 s, 1 s, 2 s, 4 s, then every 5 s, each with ±50 % jitter so a class does not retry in step. */
const REJOIN_BASE_MS = 500;
const REJOIN_MAX_MS = 5_000;
/** Refusals a moment later may not repeat (the server restarting, busy, or the network). */
const TRANSIENT: ReadonlySet<PeerbridgeErrorCode> = new Set<PeerbridgeErrorCode>([
  'timeout',
  'network',
  'shutting_down',
  'unavailable',
  'rate_limited',
  'internal',
]);

/** What the reconnect logic needs from the call it keeps alive. */
export interface ReconnectHost {
  readonly socket: DeviceSocket;
  readonly store: StateStore<CallState>;
  /** Drops this join's media (the server has dropped it, or is about to). */
  teardownMedia(): void;
  /** Whether this join's media (its transports) is still here. */
  hasMedia(): boolean;
  /** The socket is back as the same connection: ICE restarts that waited for it may go. */
  signalAvailable(): void;
  /** Joins again with the same parameters (and join token); resolves once set up or superseded. */
  establish(): Promise<void>;
  isLive(): boolean;
  isDisposed(): boolean;
  finish(end: CallEnd): void;
}

export function rejoinDelayMs(attempt: number, random: () => number = Math.random): number {
  const base = Math.min(REJOIN_MAX_MS, REJOIN_BASE_MS * 2 ** Math.max(0, attempt - 1));
  return Math.round(base * (0.5 + random()));
}

/**
 * Keeping a call going through a bad network, lightest first:
 * 1. ICE trouble on a transport: MediaSession restarts ICE on the same transports (ice-restart.ts).
 * 2. The socket drops: the media stays; when socket.io recovers the same connection (the server
 *    kept its session), the call simply carries on.
 * 3. Only when those fail (ICE restarts ran out, the server lost our connection, it restarted):
 *    rejoin with the join token we already hold (no PIN), with jittered exponential backoff,
 *    showing "Reconnecting…", giving up after a minute.
 */
export class CallReconnect {
  private rejoinWhenConnected = false;
  private attempt = 0;
  private failures = 0;
  private giveUpTimer: ReturnType<typeof setTimeout> | null = null;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(private readonly host: ReconnectHost) {
    const { socket } = host;
    socket.on('disconnect', (reason) => this.onDisconnect(reason));
    socket.on('connect', () => this.onConnect());
    socket.on('connect_error', (error) => this.onConnectError(error));
  }

  private get phase() {
    return this.host.store.state.phase;
  }

  /** Media broke beyond ICE restarts, or the server lost it: tear down and rejoin with the join token. */
  recover(source: 'server' | 'local'): void {
    if (!isJoined(this.phase) && this.phase !== 'reconnecting') return;
    this.host.teardownMedia();
    this.host.store.update({ phase: 'reconnecting', remote: noRemoteMedia });
    this.armGiveUp();
    // Only we noticed (ICE failed): the server still has us joined, so leave first.
    void this.rejoin(source === 'local');
  }

  /** The server is restarting: come back by ourselves once it is up again (the socket reconnects). */
  serverRestarting(): void {
    if (!isJoined(this.phase) && this.phase !== 'reconnecting') return;
    this.host.teardownMedia();
    this.host.store.update({ phase: 'reconnecting', remote: noRemoteMedia });
    this.armGiveUp();
    this.rejoinWhenConnected = true;
  }

  /** Whatever was under way is over (joined again, left, ended). */
  stop(): void {
    this.rejoinWhenConnected = false;
    this.attempt++;
    this.failures = 0;
    if (this.giveUpTimer) clearTimeout(this.giveUpTimer);
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.giveUpTimer = null;
    this.retryTimer = null;
  }

  private async rejoin(leaveFirst: boolean): Promise<void> {
    const { socket } = this.host;
    if (!socket.connected) {
      this.rejoinWhenConnected = true;
      return;
    }
    this.rejoinWhenConnected = false;
    const attempt = ++this.attempt;
    try {
      if (leaveFirst) await leaveRoom(socket);
      await this.host.establish();
      if (this.host.isLive()) this.stop();
    } catch (error) {
      // A newer attempt (or leaving, or an end) has taken over; this failure is old news.
      if (attempt !== this.attempt || this.phase !== 'reconnecting') return;
      const problem = toPeerbridgeError(error);
      if (error instanceof SignInRequiredError || !TRANSIENT.has(problem.code)) {
        this.host.finish({ reason: endReasonForError(problem.code), message: problem.message });
        return;
      }
      this.host.teardownMedia();
      this.retryLater();
    }
  }

  private retryLater(): void {
    const delay = rejoinDelayMs(++this.failures);
    const attempt = this.attempt;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      if (attempt === this.attempt && this.phase === 'reconnecting') void this.rejoin(false);
    }, delay);
  }

  private onDisconnect(reason: string): void {
    if (this.host.isDisposed() || reason === 'io client disconnect') return;
    const phase = this.phase;
    if (isJoined(phase)) {
      // Keep the media: if socket.io recovers this connection, the server still has our transports.
      this.host.store.update({ phase: 'reconnecting' });
      this.armGiveUp();
    }
    // socket.io only retries by itself when the server did not close us on purpose.
    if (reason === 'io server disconnect' && phase !== 'ended') this.host.socket.connect();
  }

  private onConnect(): void {
    if (this.phase !== 'reconnecting') return;
    if (this.host.socket.recovered && this.host.hasMedia() && !this.rejoinWhenConnected) {
      // Same connection, same transports on the server: carry on, restarting ICE if it needs it.
      this.stop();
      this.host.store.update({ phase: this.host.store.state.partner ? 'connected' : 'waiting' });
      this.host.signalAvailable();
      return;
    }
    // A new connection: the server no longer knows our transports (it kept our place, though).
    this.host.teardownMedia();
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    void this.rejoin(false);
  }

  private onConnectError(error: Error): void {
    // A refused handshake (e.g. this iPad was revoked) will not be retried; say so now.
    if (this.phase === 'reconnecting' && !this.host.socket.active) {
      this.host.finish({ reason: 'connection_lost', message: connectErrorToPeerbridgeError(error).message });
    }
  }

  private armGiveUp(): void {
    if (this.giveUpTimer) return;
    this.giveUpTimer = setTimeout(() => {
      this.giveUpTimer = null;
      if (this.phase !== 'reconnecting') return;
      this.host.finish({
        reason: 'connection_lost',
        message: "We couldn't reconnect to Peerbridge. Check the Wi-Fi, then go back and join again.",
      });
    }, RECONNECT_GIVE_UP_MS);
  }
}
