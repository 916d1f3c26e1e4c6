/**
 * The first, light level of keeping a call through a bad network: when ICE on one of our transports
 * is disconnected for a moment or has failed, ask the server for new ICE credentials for that same
 * transport and restart ICE with them. Nothing is rebuilt: producers, consumers and the session go
 * on, and the log shows no rejoin. Only when the attempts run out does the heavier level (a rejoin
 * with the join token) take over. The limits follow Jitsi's: a short wait before acting on
 * `disconnected` (it often heals by itself), a handful of attempts, spaced further apart each time.
 */

/** `disconnected` often heals within a second or two (a Wi-Fi roam); act only if it lasts. */
export const DISCONNECTED_WAIT_MS = 2_000;
/** After this many restarts without getting connected, the transports are given up on. */
export const MAX_ICE_RESTARTS = 6;
/** How long to wait for `connected` after a restart before the next, growing each time. */
export const RESTART_SPACING_MS = [1_500, 2_500, 4_000, 6_000, 8_000, 10_000] as const;

export type TransportState = 'new' | 'connecting' | 'connected' | 'disconnected' | 'failed' | 'closed';

export interface IceRestartHost {
  /** Asks the server for new ICE parameters for this transport and applies them here. */
  restart(transportId: string): Promise<void>;
  /** Whether the server can be asked now; while it cannot, attempts wait and are not counted. */
  canSignal(): boolean;
  /** Restarts ran out (or the transport closed under us): rejoin instead. */
  giveUp(): void;
  /** Told when a restart is asked for, for the screen and for tests. */
  onRestart?(transportId: string, attempt: number): void;
  timers?: { set(run: () => void, ms: number): unknown; clear(handle: unknown): void };
}

const realTimers = {
  set: (run: () => void, ms: number): unknown => setTimeout(run, ms),
  clear: (handle: unknown) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

interface Watch {
  state: TransportState;
  attempts: number;
  timer: unknown;
  /** A restart is in flight (its reply not yet applied). */
  busy: boolean;
  /** Waiting for the socket before the next attempt. */
  waitingForSignal: boolean;
}

export class IceRestarter {
  private readonly watches = new Map<string, Watch>();
  private readonly timers: NonNullable<IceRestartHost['timers']>;
  private stopped = false;
  /** Restarts asked for in this join, for the call's diagnostics (`restart-ice was used`). */
  restarts = 0;

  constructor(private readonly host: IceRestartHost) {
    this.timers = host.timers ?? realTimers;
  }

  /** Every connectionstatechange of every transport of this join. */
  stateChanged(transportId: string, state: TransportState): void {
    if (this.stopped) return;
    const watch = this.watch(transportId);
    watch.state = state;
    if (state === 'connected') {
      this.clearTimer(watch);
      watch.attempts = 0;
      watch.waitingForSignal = false;
    } else if (state === 'disconnected') {
      if (watch.timer === null && !watch.busy) this.schedule(transportId, watch, DISCONNECTED_WAIT_MS);
    } else if (state === 'failed') {
      if (!watch.busy) {
        this.clearTimer(watch);
        this.attempt(transportId);
      }
    } else if (state === 'closed') {
      this.clearTimer(watch);
      this.watches.delete(transportId);
    }
  }

  /** The socket is back: attempts that waited for it go now. */
  signalAvailable(): void {
    for (const [transportId, watch] of this.watches) {
      if (watch.waitingForSignal) {
        watch.waitingForSignal = false;
        this.attempt(transportId);
      }
    }
  }

  /** Whether any transport is not (yet) connected again. */
  get troubled(): boolean {
    return [...this.watches.values()].some((w) => w.state === 'disconnected' || w.state === 'failed' || w.busy || w.attempts > 0);
  }

  stop(): void {
    this.stopped = true;
    for (const watch of this.watches.values()) this.clearTimer(watch);
    this.watches.clear();
  }

  private watch(transportId: string): Watch {
    let watch = this.watches.get(transportId);
    if (!watch) {
      watch = { state: 'new', attempts: 0, timer: null, busy: false, waitingForSignal: false };
      this.watches.set(transportId, watch);
    }
    return watch;
  }

  private schedule(transportId: string, watch: Watch, ms: number): void {
    this.clearTimer(watch);
    watch.timer = this.timers.set(() => {
      watch.timer = null;
      if (watch.state !== 'connected') this.attempt(transportId);
    }, ms);
  }

  private attempt(transportId: string): void {
    const watch = this.watches.get(transportId);
    if (this.stopped || !watch || watch.state === 'connected' || watch.busy) return;
    if (!this.host.canSignal()) {
      watch.waitingForSignal = true;
      return;
    }
    if (watch.attempts >= MAX_ICE_RESTARTS) {
      this.stop();
      this.host.giveUp();
      return;
    }
    const attempt = ++watch.attempts;
    watch.busy = true;
    this.restarts++;
    this.host.onRestart?.(transportId, attempt);
    this.host.restart(transportId).then(
      () => {
        watch.busy = false;
        // If it does not come back connected in time, try again (or give up).
        if (!this.stopped && watch.state !== 'connected') this.schedule(transportId, watch, RESTART_SPACING_MS[attempt - 1] ?? 10_000);
      },
      () => {
        watch.busy = false;
        if (this.stopped) return;
        // The server could not be asked (socket down, timed out): wait for it (not counted), or space the retry.
        if (!this.host.canSignal()) {
          watch.attempts--;
          watch.waitingForSignal = true;
        } else this.schedule(transportId, watch, RESTART_SPACING_MS[attempt - 1] ?? 10_000);
      },
    );
  }

  private clearTimer(watch: Watch): void {
    if (watch.timer !== null) this.timers.clear(watch.timer);
    watch.timer = null;
  }
}
