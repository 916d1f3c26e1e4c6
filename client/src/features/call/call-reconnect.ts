import { toPeerbridgeError } from '../../lib/peerbridge-error';
import { leaveRoom } from '../../lib/remote-room/remote-room';
import { connectErrorToPeerbridgeError, type DeviceSocket } from '../../lib/socket-client';
import type { StateStore } from '../../lib/state-store';
import { noRemoteMedia } from '../../lib/remote-room/remote-producers';
import { endReasonForError, isJoined, type CallEnd, type CallState } from './call-state';

/** After this long without the server, stop saying "Reconnecting…" and say what happened. */
const RECONNECT_GIVE_UP_MS = 60_000;
/** A second media loss this soon after an automatic rejoin means rejoining is not helping. */
const AUTO_REJOIN_WINDOW_MS = 60_000;

/** What the reconnect logic needs from the call it keeps alive. */
export interface ReconnectHost {
  readonly socket: DeviceSocket;
  readonly store: StateStore<CallState>;
  /** Drops this join's media (the server has dropped it, or is about to). */
  teardownMedia(): void;
  /** Joins again with the same parameters; resolves once set up or superseded. */
  establish(): Promise<void>;
  isLive(): boolean;
  isDisposed(): boolean;
  finish(end: CallEnd): void;
}

/**
 * Keeping a call going through a bad network: media lost (the server says so,
 * or ICE fails here) is rebuilt once; a dropped socket shows "Reconnecting…"
 * and rejoins when it is back, giving up after a minute.
 */
export class CallReconnect {
  private lastAutoRejoinAt = Number.NEGATIVE_INFINITY;
  private rejoinWhenConnected = false;
  private attempt = 0;
  private giveUpTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(private readonly host: ReconnectHost) {
    const { socket } = host;
    socket.on('disconnect', (reason) => this.onDisconnect(reason));
    socket.on('connect', () => this.onConnect());
    socket.on('connect_error', (error) => this.onConnectError(error));
  }

  private get phase() {
    return this.host.store.state.phase;
  }

  /** Media broke but the session goes on: tear down and rejoin, once. */
  recover(source: 'server' | 'local', message: string): void {
    if (!isJoined(this.phase)) return;
    // Monotonic: a wall-clock change must not open or close the window.
    const at = performance.now();
    if (at - this.lastAutoRejoinAt < AUTO_REJOIN_WINDOW_MS) {
      this.host.finish({ reason: 'media_lost', message });
      return;
    }
    this.lastAutoRejoinAt = at;
    this.host.teardownMedia();
    this.host.store.update({ phase: 'reconnecting', remote: noRemoteMedia });
    // Only we noticed (ICE failed): the server still has us joined, so leave first.
    void this.rejoin(source === 'local');
  }

  /** Whatever was under way is over (joined again, left, ended). */
  stop(): void {
    this.rejoinWhenConnected = false;
    this.attempt++;
    if (this.giveUpTimer) clearTimeout(this.giveUpTimer);
    this.giveUpTimer = null;
  }

  private async rejoin(leaveFirst: boolean): Promise<void> {
    const { socket } = this.host;
    if (!socket.connected) {
      this.waitForConnection();
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
      if ((problem.code === 'timeout' || problem.code === 'network') && !socket.connected) {
        // The socket went down under us; the reconnect handler will try again.
        this.waitForConnection();
        return;
      }
      this.host.finish({ reason: endReasonForError(problem.code), message: problem.message });
    }
  }

  private waitForConnection(): void {
    this.rejoinWhenConnected = true;
    this.armGiveUp();
  }

  private onDisconnect(reason: string): void {
    if (this.host.isDisposed() || reason === 'io client disconnect') return;
    const phase = this.phase;
    if (isJoined(phase) || phase === 'reconnecting') {
      // The server dropped our transports with the socket; rebuild after reconnecting.
      this.host.teardownMedia();
      this.host.store.update({ phase: 'reconnecting', remote: noRemoteMedia });
      this.waitForConnection();
    }
    // socket.io only retries by itself when the server did not close us on purpose.
    if (reason === 'io server disconnect' && phase !== 'ended') this.host.socket.connect();
  }

  private onConnect(): void {
    if (this.rejoinWhenConnected && this.phase === 'reconnecting') void this.rejoin(false);
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
