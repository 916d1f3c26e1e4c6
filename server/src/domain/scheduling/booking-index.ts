import type { Booking } from './calendar.js';
import { epochMsOf } from './zone-clock.js';

/*
 * Existing bookings, indexed by school (devices) and by student (double-booking), as
 * epoch-millisecond spans sorted by start. The slot finder asks thousands of "what is
 * booked between these two instants" questions per pairing, so the questions are answered
 * by walking the sorted spans in place, without building lists.
 */

/**
 * One school's or student's bookings as spans sorted by start. The starts and ends sit in
 * their own arrays of doubles, so the binary searches (several per rule check) read
 * neighbouring numbers rather than chase one object per step, and an insert moves memory
 * (`copyWithin`) instead of building anything.
 */
class SortedSpans {
  private starts = new Float64Array(8);
  private ends = new Float64Array(8);
  private readonly bookings: Booking[] = [];
  private size = 0;
  private longestMs = 0;

  insert(startMs: number, endMs: number, booking: Booking): void {
    const at = this.firstStartingAtOrAfter(startMs + 1);
    if (this.size === this.starts.length) this.grow();
    this.starts.copyWithin(at + 1, at, this.size);
    this.ends.copyWithin(at + 1, at, this.size);
    this.starts[at] = startMs;
    this.ends[at] = endMs;
    // By hand rather than `splice`, which builds an (empty) array of the removed on every insert.
    const { bookings } = this;
    bookings.push(booking);
    for (let i = this.size; i > at; i--) bookings[i] = bookings[i - 1]!;
    bookings[at] = booking;
    this.size++;
    this.longestMs = Math.max(this.longestMs, endMs - startMs);
  }

  private grow(): void {
    const starts = new Float64Array(this.starts.length * 2);
    const ends = new Float64Array(this.ends.length * 2);
    starts.set(this.starts);
    ends.set(this.ends);
    this.starts = starts;
    this.ends = ends;
  }

  /** The booking of the overlapping span with the latest start, if any span overlaps [startMs, endMs). */
  latestOverlapping(startMs: number, endMs: number): Booking | undefined {
    const first = this.firstThatMayOverlap(startMs);
    for (let i = this.firstStartingAtOrAfter(endMs) - 1; i >= first; i--) {
      if (this.ends[i]! > startMs) return this.bookings[i];
    }
    return undefined;
  }

  /** How many spans overlap [startMs, endMs). */
  countOverlapping(startMs: number, endMs: number): number {
    const end = this.firstStartingAtOrAfter(endMs);
    let count = 0;
    for (let i = this.firstThatMayOverlap(startMs); i < end; i++) if (this.ends[i]! > startMs) count++;
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
      const at = this.starts[i]!;
      if (at > startMs) peak = Math.max(peak, this.runningAt(at, first, last));
    }
    return peak;
  }

  private runningAt(at: number, first: number, last: number): number {
    let running = 0;
    for (let j = first; j <= last; j++) if (this.starts[j]! <= at && at < this.ends[j]!) running++;
    return running;
  }

  /** Appends (end, -1) for each span ending inside (fromMs, toMs]; the -1 is the caller's label slot. */
  endsWithin(fromMs: number, toMs: number, into: number[]): void {
    const first = this.firstThatMayOverlap(fromMs);
    for (let i = this.firstStartingAtOrAfter(toMs) - 1; i >= first; i--) {
      const endMs = this.ends[i]!;
      if (endMs > fromMs && endMs <= toMs) into.push(endMs, -1);
    }
  }

  /** No span is longer than the longest, so none before this index can still be running at `startMs`. */
  private firstThatMayOverlap(startMs: number): number {
    return this.firstStartingAtOrAfter(startMs - this.longestMs);
  }

  private firstStartingAtOrAfter(ms: number): number {
    const { starts } = this;
    let lo = 0;
    let hi = this.size;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (starts[mid]! < ms) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

export class BookingIndex {
  private readonly bySchool = new Map<string, SortedSpans>();
  private readonly byStudent = new Map<string, SortedSpans>();
  private additions = 0;

  /** Counts additions, so a `BookingsOf` knows when to look its ids up again. */
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
    const startMs = epochMsOf(booking.start);
    const endMs = epochMsOf(booking.end);
    if (endMs <= startMs) return;
    this.additions++;
    spansFor(this.bySchool, booking.schoolId).insert(startMs, endMs, booking);
    const { studentIds } = booking;
    for (let i = 0; i < studentIds.length; i++) {
      // A student listed twice is still one student.
      if (studentIds.indexOf(studentIds[i]!) === i) spansFor(this.byStudent, studentIds[i]!).insert(startMs, endMs, booking);
    }
  }

  /** Whether `needed` more devices fit at the school throughout [startMs, endMs). */
  devicesFree(schoolId: string, startMs: number, endMs: number, needed: number, devices: number): boolean {
    return devicesFreeIn(this.bySchool.get(schoolId), startMs, endMs, needed, devices);
  }

  /** The most devices the school has in use at any one moment within [startMs, endMs). */
  peakDevicesInUse(schoolId: string, startMs: number, endMs: number): number {
    return this.bySchool.get(schoolId)?.peakOverlapping(startMs, endMs) ?? 0;
  }

  /** A booking that already holds the student during [startMs, endMs), if any. */
  studentBookingDuring(studentId: string, startMs: number, endMs: number): Booking | undefined {
    return this.byStudent.get(studentId)?.latestOverlapping(startMs, endMs);
  }

  /**
   * Where bookings at the schools or of the students end inside (fromMs, toMs]: the first
   * moments a device or student that was taken becomes free again, so worth offering as starts.
   * Appended to `into` as (end, -1) pairs, the layout `startsOn` uses.
   */
  endsWithin(schoolIds: readonly string[], studentIds: readonly string[], fromMs: number, toMs: number, into: number[]): void {
    this.of(schoolIds, studentIds).endsWithin(fromMs, toMs, into);
  }

  /** The questions above for fixed ids, which are looked up once rather than on every question. */
  of(schoolIds: readonly string[], studentIds: readonly string[]): BookingsOf {
    return new BookingsOf(
      () => ({ schools: schoolIds.map((id) => this.bySchool.get(id)), students: studentIds.map((id) => this.byStudent.get(id)) }),
      this,
    );
  }
}

/** `needed <= devices` with no list; otherwise as `BookingIndex.devicesFree` describes. */
function devicesFreeIn(spans: SortedSpans | undefined, startMs: number, endMs: number, needed: number, devices: number): boolean {
  if (!spans) return needed <= devices;
  // Fast path: even if every overlapping booking ran at once there would be room.
  if (spans.countOverlapping(startMs, endMs) + needed <= devices) return true;
  return spans.peakOverlapping(startMs, endMs) + needed <= devices;
}

interface ResolvedLists {
  schools: (SortedSpans | undefined)[];
  students: (SortedSpans | undefined)[];
}

/**
 * The index's questions about a fixed few schools and students (a pairing's two of each),
 * each named by its position in the ids given. The slot finder asks thousands per pairing;
 * here each asks no Map, since the lists were looked up once.
 */
export class BookingsOf {
  private lists: ResolvedLists = { schools: [], students: [] };
  private present: SortedSpans[] = [];
  private resolvedAt = -1;

  constructor(
    private readonly resolve: () => ResolvedLists,
    private readonly index: BookingIndex,
  ) {}

  /** `BookingIndex.devicesFree` for the school at position `school`. */
  devicesFree(school: number, startMs: number, endMs: number, needed: number, devices: number): boolean {
    return devicesFreeIn(this.current().schools[school], startMs, endMs, needed, devices);
  }

  /** `BookingIndex.studentBookingDuring` for the student at position `student`. */
  studentBookingDuring(student: number, startMs: number, endMs: number): Booking | undefined {
    return this.current().students[student]?.latestOverlapping(startMs, endMs);
  }

  /** `BookingIndex.endsWithin` for all the ids: schools' lists first, then students'. */
  endsWithin(fromMs: number, toMs: number, into: number[]): void {
    this.current();
    for (const spans of this.present) spans.endsWithin(fromMs, toMs, into);
  }

  private current(): ResolvedLists {
    // A booking added since the last look may have started a list for one of the ids.
    if (this.resolvedAt !== this.index.changes) {
      this.lists = this.resolve();
      this.present = [...this.lists.schools, ...this.lists.students].filter((spans) => spans !== undefined);
      this.resolvedAt = this.index.changes;
    }
    return this.lists;
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
