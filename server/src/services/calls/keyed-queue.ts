/**
 * Runs tasks one at a time per key. Two students joining the same session at
 * the same instant must not open two rooms or interleave their bookkeeping.
 */
export class KeyedQueue {
  private readonly tails = new Map<string, Promise<unknown>>();

  /** Keys with work queued or running; an idle queue holds none (no memory kept per session). */
  get busyKeys(): number {
    return this.tails.size;
  }

  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const next = previous.then(task, task);
    const tail = next.catch(() => undefined);
    this.tails.set(key, tail);
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return next;
  }

  /**
   * `run` for work nobody awaits (a timer's, the media's): its failure goes to `onError`. Left
   * unhandled, a rejection ends the Node process (a database gone mid-stop would crash the server).
   */
  runDetached(key: string, task: () => Promise<unknown>, onError: (err: unknown) => void): void {
    this.run(key, task).catch(onError);
  }
}
