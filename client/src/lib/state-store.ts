import { TypedEmitter } from './typed-emitter';

/**
 * The state a client object (a call, a watch) shows, and who is listening.
 * Screens read it through `useSyncExternalStore`; after `close()` nothing
 * changes any more, so a late reply from a torn-down client cannot repaint.
 */
export class StateStore<S extends object> {
  private current: S;
  private readonly events = new TypedEmitter<{ state: [S] }>();
  private closed = false;

  constructor(initial: S) {
    this.current = initial;
  }

  get state(): S {
    return this.current;
  }

  /** An arrow, so its identity is stable for `useSyncExternalStore`. */
  readonly subscribe = (listener: (state: S) => void): (() => void) => this.events.on('state', listener);

  update(patch: Partial<S>): void {
    if (this.closed) return;
    this.current = { ...this.current, ...patch };
    this.events.emit('state', this.current);
  }

  close(): void {
    this.closed = true;
    this.events.removeAllListeners();
  }
}
