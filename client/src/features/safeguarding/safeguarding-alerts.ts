import { SafeguardingAlert } from '@peerbridge/shared';
import { reportProblem } from '../../lib/diagnostics';
import { createStaffSocket, type StaffSocket } from '../../lib/socket-client';
import { TypedEmitter } from '../../lib/typed-emitter';
import { now } from '../../lib/clock';

/**
 * Whether live alerts can reach this screen. A safeguarding lead must know
 * when they can't, rather than trust a silence.
 */
export type AlertsStatus = 'connecting' | 'on' | 'reconnecting' | 'off';

export interface ShownAlert extends SafeguardingAlert {
  /** Stable key for the screen and for dismissing. */
  key: string;
}

type AlertEvents = { alert: [ShownAlert]; status: [AlertsStatus] };

/**
 * The one key per happening: the server sends a flagged chat to each school's
 * DSL room, and a reconnecting socket may be told again; the same alert twice
 * is shown once.
 */
export function alertKey(alert: SafeguardingAlert): string {
  return [alert.kind, alert.concernId ?? '', alert.sessionId ?? '', alert.at].join('|');
}

/**
 * Newest first, without repeats, each kept until acknowledged; only a flood
 * beyond `limit` drops the oldest (each one is in the concern queue or the
 * session log anyway), so it cannot bury the page.
 */
export function withAlert(alerts: readonly ShownAlert[], alert: ShownAlert, limit = 20): ShownAlert[] {
  if (alerts.some((a) => a.key === alert.key)) return [...alerts];
  return [alert, ...alerts].slice(0, limit);
}

/**
 * A staff socket held open while a safeguarding lead is signed in, for
 * `safeguarding:alert` pushes. The server recognises staff by their session
 * cookie at the handshake and puts DSLs in their school's alert room.
 */
export class SafeguardingAlertsClient {
  private readonly socket: StaffSocket;
  private readonly events = new TypedEmitter<AlertEvents>();
  private current: AlertsStatus = 'connecting';
  private disposed = false;

  constructor(options: { socket?: StaffSocket } = {}) {
    this.socket = options.socket ?? createStaffSocket();
    this.socket.on('safeguarding:alert', (alert) => this.onAlert(alert));
    this.socket.on('connect', () => this.setStatus('on'));
    this.socket.on('disconnect', () => this.setStatus(this.socket.active ? 'reconnecting' : 'off'));
    this.socket.on('connect_error', (error) => {
      // Not retried when the server refused us (e.g. the sign-in ran out): say alerts are off.
      if (!this.socket.active) reportProblem('alerts socket refused', error);
      this.setStatus(this.socket.active ? 'reconnecting' : 'off');
    });
  }

  get status(): AlertsStatus {
    return this.current;
  }

  on = <K extends keyof AlertEvents>(event: K, listener: (...args: AlertEvents[K]) => void) => this.events.on(event, listener);

  start(): void {
    if (!this.disposed && !this.socket.active) this.socket.connect();
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.socket.removeAllListeners();
    this.socket.disconnect();
    this.events.removeAllListeners();
  }

  private onAlert(raw: unknown): void {
    const parsed = SafeguardingAlert.safeParse(raw);
    if (!parsed.success) {
      // Still tell the lead something arrived: a malformed alert is not a reason for silence.
      reportProblem('safeguarding:alert broke the contract', parsed.error);
      const at = now().toISOString();
      this.events.emit('alert', {
        kind: 'concern_raised',
        sessionId: null,
        summary: 'A safeguarding alert arrived but could not be read. Check the concern queue.',
        at,
        key: `unreadable|${at}`,
      });
      return;
    }
    this.events.emit('alert', { ...parsed.data, key: alertKey(parsed.data) });
  }

  private setStatus(status: AlertsStatus): void {
    if (this.disposed || status === this.current) return;
    this.current = status;
    this.events.emit('status', status);
  }
}
