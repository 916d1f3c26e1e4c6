import type { Booking } from '../../server/src/domain/scheduling/calendar.js';

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

  /** Calls `visit` for each span overlapping [startMs, endMs), latest start first, until it returns true. */
  some(startMs: number, endMs: number, visit: (span: Span) => boolean): boolean {
    // No span is longer than the longest, so nothing starting before this can still be running.
    const earliestStart = startMs - this.longestMs;
    for (let i = this.firstStartingAtOrAfter(endMs) - 1; i >= 0; i--) {
      const span = this.spans[i]!;
      if (span.startMs < earliestStart) break;
      if (span.endMs > startMs && visit(span)) return true;
    }
    return false;
  }

  /** Appends (end, -1) for each span ending inside (fromMs, toMs]; the -1 is the caller's label slot. */
  endsWithin(fromMs: number, toMs: number, into: number[]): void {
    const earliestStart = fromMs - this.longestMs;
    for (let i = this.firstStartingAtOrAfter(toMs) - 1; i >= 0; i--) {
      const span = this.spans[i]!;
      if (span.startMs < earliestStart) break;
      if (span.endMs > fromMs && span.endMs <= toMs) into.push(span.endMs, -1);
    }
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

  /** Index a plain list, or pass an index through so callers that keep one pay nothing. */
  static of(bookings: readonly Booking[] | BookingIndex): BookingIndex {
    if (bookings instanceof BookingIndex) return bookings;
    const index = new BookingIndex();
    for (const booking of bookings) index.add(booking);
    return index;
  }

  add(booking: Booking): void {
    const span = { startMs: booking.start.epochMilliseconds, endMs: booking.end.epochMilliseconds, booking };
    if (span.endMs <= span.startMs) return;
    spansFor(this.bySchool, booking.schoolId).insert(span);
    const students = booking.studentIds.length === 1 ? booking.studentIds : new Set(booking.studentIds);
    for (const studentId of students) spansFor(this.byStudent, studentId).insert(span);
  }

  /** Whether `needed` more devices fit at the school throughout [startMs, endMs). */
  devicesFree(schoolId: string, startMs: number, endMs: number, needed: number, devices: number): boolean {
    const spans = this.bySchool.get(schoolId);
    if (!spans) return needed <= devices;
    let overlapping = 0;
    spans.some(startMs, endMs, () => (overlapping++, false));
    // Fast path: even if every overlapping booking ran at once there would be room.
    if (overlapping + needed <= devices) return true;
    return this.peakDevicesInUse(schoolId, startMs, endMs) + needed <= devices;
  }

  /** The most devices the school has in use at any one moment within [startMs, endMs). */
  peakDevicesInUse(schoolId: string, startMs: number, endMs: number): number {
    const found: Span[] = [];
    this.bySchool.get(schoolId)?.some(startMs, endMs, (s) => (found.push(s), false));
    // The count can only rise where a booking starts, so those moments (and the window start) suffice.
    let peak = 0;
    for (const at of [startMs, ...found.map((s) => s.startMs).filter((t) => t > startMs)]) {
      let inUse = 0;
      for (const s of found) if (s.startMs <= at && at < s.endMs) inUse++;
      peak = Math.max(peak, inUse);
    }
    return peak;
  }

  /** A booking that already holds the student during [startMs, endMs), if any. */
  studentBookingDuring(studentId: string, startMs: number, endMs: number): Booking | undefined {
    let found: Booking | undefined;
    this.byStudent.get(studentId)?.some(startMs, endMs, (s) => ((found = s.booking), true));
    return found;
  }

  /**
   * Where bookings at the schools or of the students end inside (fromMs, toMs]: the first
   * moments a device or student that was taken becomes free again, so worth offering as starts.
   * Appended to `into` as (end, -1) pairs, the layout `startsOn` uses.
   */
  endsWithin(schoolIds: readonly string[], studentIds: readonly string[], fromMs: number, toMs: number, into: number[]): void {
    for (const id of schoolIds) this.bySchool.get(id)?.endsWithin(fromMs, toMs, into);
    for (const id of studentIds) this.byStudent.get(id)?.endsWithin(fromMs, toMs, into);
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
