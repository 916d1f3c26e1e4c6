import type { Booking } from './calendar.js';
import { epochMsOf } from './zone-clock.js';

/*
 * Existing bookings, indexed by school (devices) and by student (double-booking), as
 * epoch-millisecond spans sorted by start. The slot finder asks thousands of "what is
 * booked between these two instants" questions per pairing, so the questions are answered
 * by walking the sorted spans in place, without building lists.
 */

interface Span {
  startMs: number;
  endMs: number;
  booking: Booking;
}

class SortedSpans {
  readonly spans: Span[] = [];
  private longestMs = 0;

  insert(span: Span): void {
    this.spans.splice(this.firstStartingAtOrAfter(span.startMs + 1), 0, span);
    this.longestMs = Math.max(this.longestMs, span.endMs - span.startMs);
  }

  /** The overlapping span with the latest start, if any span overlaps [startMs, endMs). */
  latestOverlapping(startMs: number, endMs: number): Span | undefined {
    const first = this.firstThatMayOverlap(startMs);
    for (let i = this.firstStartingAtOrAfter(endMs) - 1; i >= first; i--) {
      const span = this.spans[i]!;
      if (span.endMs > startMs) return span;
    }
    return undefined;
  }

  /** How many spans overlap [startMs, endMs). */
  countOverlapping(startMs: number, endMs: number): number {
    const end = this.firstStartingAtOrAfter(endMs);
    let count = 0;
    for (let i = this.firstThatMayOverlap(startMs); i < end; i++) if (this.spans[i]!.endMs > startMs) count++;
    return count;
  }

  /**
   * The most spans running at any one moment within [startMs, endMs). The count can only rise
   * where a span starts, so those moments (and the window start) suffice; nothing is built.
   */
  peakOverlapping(startMs: number, endMs: number): number {
    const first = this.firstThatMayOverlap(startMs);
    const last = this.firstStartingAtOrAfter(endMs) - 1;
    let peak = this.runningAt(startMs, first, last);
    for (let i = first; i <= last; i++) {
      const at = this.spans[i]!.startMs;
      if (at > startMs) peak = Math.max(peak, this.runningAt(at, first, last));
    }
    return peak;
  }

  private runningAt(at: number, first: number, last: number): number {
    let running = 0;
    for (let j = first; j <= last; j++) {
      const span = this.spans[j]!;
      if (span.startMs <= at && at < span.endMs) running++;
    }
    return running;
  }

  /** Appends (end, -1) for each span ending inside (fromMs, toMs]; the -1 is the caller's label slot. */
  endsWithin(fromMs: number, toMs: number, into: number[]): void {
    const first = this.firstThatMayOverlap(fromMs);
    for (let i = this.firstStartingAtOrAfter(toMs) - 1; i >= first; i--) {
      const span = this.spans[i]!;
      if (span.endMs > fromMs && span.endMs <= toMs) into.push(span.endMs, -1);
    }
  }

  /** No span is longer than the longest, so none before this index can still be running at `startMs`. */
  private firstThatMayOverlap(startMs: number): number {
    return this.firstStartingAtOrAfter(startMs - this.longestMs);
  }

  private firstStartingAtOrAfter(ms: number): number {
    let lo = 0;
    let hi = this.spans.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.spans[mid]!.startMs < ms) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

export class BookingIndex {
  private readonly bySchool = new Map<string, SortedSpans>();
  private readonly byStudent = new Map<string, SortedSpans>();
  private additions = 0;

  /** Counts additions, so a `BookingEnds` knows when to look its ids up again. */
  get changes(): number {
    return this.additions;
  }

  /** Index a plain list, or pass an index through so callers that keep one pay nothing. */
  static of(bookings: readonly Booking[] | BookingIndex): BookingIndex {
    if (bookings instanceof BookingIndex) return bookings;
    const index = new BookingIndex();
    for (const booking of bookings) index.add(booking);
    return index;
  }

  add(booking: Booking): void {
    const span = { startMs: epochMsOf(booking.start), endMs: epochMsOf(booking.end), booking };
    if (span.endMs <= span.startMs) return;
    this.additions++;
    spansFor(this.bySchool, booking.schoolId).insert(span);
    const students = booking.studentIds.length === 1 ? booking.studentIds : new Set(booking.studentIds);
    for (const studentId of students) spansFor(this.byStudent, studentId).insert(span);
  }

  /** Whether `needed` more devices fit at the school throughout [startMs, endMs). */
  devicesFree(schoolId: string, startMs: number, endMs: number, needed: number, devices: number): boolean {
    const spans = this.bySchool.get(schoolId);
    if (!spans) return needed <= devices;
    const overlapping = spans.countOverlapping(startMs, endMs);
    // Fast path: even if every overlapping booking ran at once there would be room.
    if (overlapping + needed <= devices) return true;
    return this.peakDevicesInUse(schoolId, startMs, endMs) + needed <= devices;
  }

  /** The most devices the school has in use at any one moment within [startMs, endMs). */
  peakDevicesInUse(schoolId: string, startMs: number, endMs: number): number {
    return this.bySchool.get(schoolId)?.peakOverlapping(startMs, endMs) ?? 0;
  }

  /** A booking that already holds the student during [startMs, endMs), if any. */
  studentBookingDuring(studentId: string, startMs: number, endMs: number): Booking | undefined {
    return this.byStudent.get(studentId)?.latestOverlapping(startMs, endMs)?.booking;
  }

  /**
   * Where bookings at the schools or of the students end inside (fromMs, toMs]: the first
   * moments a device or student that was taken becomes free again, so worth offering as starts.
   * Appended to `into` as (end, -1) pairs, the layout `startsOn` uses.
   */
  endsWithin(schoolIds: readonly string[], studentIds: readonly string[], fromMs: number, toMs: number, into: number[]): void {
    this.endsFor(schoolIds, studentIds).within(fromMs, toMs, into);
  }

  /** `endsWithin` for fixed ids, which are looked up once rather than on every question. */
  endsFor(schoolIds: readonly string[], studentIds: readonly string[]): BookingEnds {
    return new BookingEnds(() => [
      ...schoolIds.map((id) => this.bySchool.get(id)),
      ...studentIds.map((id) => this.byStudent.get(id)),
    ], this);
  }
}

/** Bookings' ends at a few schools and of a few students (see `BookingIndex.endsWithin`). */
export class BookingEnds {
  private lists: SortedSpans[] = [];
  private resolvedAt = -1;

  constructor(
    private readonly resolve: () => (SortedSpans | undefined)[],
    private readonly index: BookingIndex,
  ) {}

  within(fromMs: number, toMs: number, into: number[]): void {
    // A booking added since the last look may have started a list for one of the ids.
    if (this.resolvedAt !== this.index.changes) {
      this.lists = this.resolve().filter((spans) => spans !== undefined);
      this.resolvedAt = this.index.changes;
    }
    for (const spans of this.lists) spans.endsWithin(fromMs, toMs, into);
  }
}

function spansFor(map: Map<string, SortedSpans>, key: string): SortedSpans {
  let spans = map.get(key);
  if (!spans) {
    spans = new SortedSpans();
    map.set(key, spans);
  }
  return spans;
}
