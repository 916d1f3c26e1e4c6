/**
 * Values per school date, in a dense array indexed from the first date asked about. The
 * scheduler looks dates up millions of times when a whole network is scheduled, and an
 * array index is several times cheaper than a Map lookup. Dates far from the first (more
 * than about ten years) fall back to a Map rather than grow the array without end.
 */
export class DayCache<T> {
  private base = 0;
  private readonly items: (T | undefined)[] = [];
  private readonly overflow = new Map<number, T>();
  private static readonly SPAN = 4000;

  get(epochDay: number): T | undefined {
    const i = epochDay - this.base;
    if (i >= 0 && i < this.items.length) return this.items[i];
    return this.overflow.get(epochDay);
  }

  set(epochDay: number, value: T): void {
    if (this.items.length === 0) this.base = epochDay - 400;
    const i = epochDay - this.base;
    if (i < 0 || i >= DayCache.SPAN) {
      this.overflow.set(epochDay, value);
      return;
    }
    while (this.items.length <= i) this.items.push(undefined);
    this.items[i] = value;
  }
}
