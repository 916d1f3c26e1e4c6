import { Temporal } from 'temporal-polyfill';

/*
 * A zone's UTC offsets and the instants they change, as Temporal reports them, so the scheduler
 * can convert between a school's wall clock and the absolute timeline with integer arithmetic.
 *
 * Nothing here knows when clocks change. The transitions come from
 * `ZonedDateTime#getTimeZoneTransition('next')` and each offset from `offsetNanoseconds`;
 * the only thing added is reuse: between two of Temporal's transitions the offset is one number,
 * so local = epoch ms + offset. A local day with a transition anywhere near it is not answered
 * here at all (see `steadyOffsetOfDay`): its conversions stay Temporal's, gaps and overlaps included.
 * Tests compare every minute of transition days and random instants with Temporal directly.
 */

const DAY_MS = 86_400_000;
/** The table grows a year past what was asked, so a year's lookups extend it a few times at most. */
const REACH_MS = 366 * DAY_MS;
/** Further than this from what is covered, an instant goes to Temporal instead of growing the table. */
const MAX_GROWTH_MS = 20 * 366 * DAY_MS;
/** The table answers for instants within this many ms of 1970 (years 1653–2286); others go to Temporal. */
const MAX_TABLE_MS = 1e13;
/** Temporal requires |offset| < 24 h, so every instant showing a local time L lies within a day of L. */
const MAX_OFFSET_MS = DAY_MS;

export interface ZoneOffsets {
  readonly timeZone: string;
  /** starts[i] is where offsets[i] begins (starts[0] is just the start of what is covered). */
  starts: number[];
  offsets: number[];
  /** Every instant in [starts[0], coveredTo] has a known offset. */
  coveredTo: number;
  /** Index of the last interval found: lookups come in runs over the same weeks. */
  hint: number;
}

const tables = new Map<string, ZoneOffsets>();

/** An empty table for the zone, filled from Temporal as instants are asked about. */
export function newZoneOffsets(timeZone: string): ZoneOffsets {
  return { timeZone, starts: [], offsets: [], coveredTo: -Infinity, hint: 0 };
}

/** The zone's shared table (a few numbers per year covered, so one per zone is kept for good). */
export function zoneOffsets(timeZone: string): ZoneOffsets {
  let table = tables.get(timeZone);
  if (!table) {
    table = newZoneOffsets(timeZone);
    tables.set(timeZone, table);
  }
  return table;
}

function zoned(timeZone: string, epochMs: number): Temporal.ZonedDateTime {
  return Temporal.Instant.fromEpochMilliseconds(epochMs).toZonedDateTimeISO(timeZone);
}

/** Temporal's transitions from `fromMs` (exclusive side: its own offset is taken) until past `untilMs`. */
function walk(timeZone: string, fromMs: number, untilMs: number): { starts: number[]; offsets: number[]; coveredTo: number } {
  let at = zoned(timeZone, fromMs);
  const starts = [fromMs];
  const offsets = [at.offsetNanoseconds / 1e6];
  let coveredTo = fromMs;
  while (coveredTo < untilMs) {
    const next = at.getTimeZoneTransition('next');
    if (!next) {
      // None ahead: the spec means none ever, an implementation may mean none for some years.
      // Either way there is none in the coming year, and the walk goes on from there.
      coveredTo += REACH_MS;
      at = zoned(timeZone, coveredTo);
      continue;
    }
    coveredTo = next.epochMilliseconds;
    at = next;
    starts.push(coveredTo);
    offsets.push(next.offsetNanoseconds / 1e6);
  }
  return { starts, offsets, coveredTo };
}

/** Joins two runs of intervals, dropping starts where the offset does not actually change. */
function join(table: ZoneOffsets, starts: number[], offsets: number[]): void {
  table.starts = [];
  table.offsets = [];
  for (let i = 0; i < starts.length; i++) {
    if (table.offsets.length > 0 && table.offsets[table.offsets.length - 1] === offsets[i]) continue;
    table.starts.push(starts[i]!);
    table.offsets.push(offsets[i]!);
  }
  table.hint = 0;
}

/** Makes sure `epochMs` is covered; false when it is too far from the table to be worth it. */
function cover(table: ZoneOffsets, epochMs: number): boolean {
  const { timeZone, starts } = table;
  if (starts.length === 0) {
    const fresh = walk(timeZone, epochMs - REACH_MS, epochMs + REACH_MS);
    join(table, fresh.starts, fresh.offsets);
    table.coveredTo = fresh.coveredTo;
    return true;
  }
  const from = starts[0]!;
  if (epochMs < from) {
    if (from - epochMs > MAX_GROWTH_MS) return false;
    // Walk forward from a year before, up to where the table begins; its offsets win from there.
    const earlier = walk(timeZone, epochMs - REACH_MS, from);
    const keep = earlier.starts.findIndex((s) => s >= from);
    const cut = keep === -1 ? earlier.starts.length : keep;
    join(table, [...earlier.starts.slice(0, cut), ...table.starts], [...earlier.offsets.slice(0, cut), ...table.offsets]);
    return true;
  }
  if (epochMs > table.coveredTo) {
    if (epochMs - table.coveredTo > MAX_GROWTH_MS) return false;
    const later = walk(timeZone, table.coveredTo, epochMs + REACH_MS);
    join(table, [...table.starts, ...later.starts.slice(1)], [...table.offsets, ...later.offsets.slice(1)]);
    table.coveredTo = later.coveredTo;
  }
  return true;
}

/** Index of the interval holding `epochMs` (which must be covered). */
function intervalAt(table: ZoneOffsets, epochMs: number): number {
  const { starts } = table;
  const h = table.hint;
  if (starts[h]! <= epochMs && (h + 1 === starts.length || epochMs < starts[h + 1]!)) return h;
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= epochMs) lo = mid;
    else hi = mid - 1;
  }
  table.hint = lo;
  return lo;
}

/** Temporal's UTC offset at an instant, in ms; undefined when the table will not answer (Temporal should). */
export function offsetAt(table: ZoneOffsets, epochMs: number): number | undefined {
  const { starts } = table;
  const inside = starts.length > 0 && starts[0]! <= epochMs && epochMs <= table.coveredTo && Number.isInteger(epochMs);
  if (!inside) {
    // Temporal's own errors (a fraction of a millisecond, out of range) stay Temporal's to raise.
    if (!Number.isInteger(epochMs) || Math.abs(epochMs) > MAX_TABLE_MS || !cover(table, epochMs)) return undefined;
  }
  return table.offsets[intervalAt(table, epochMs)];
}

/**
 * The one offset every instant near that local day has (from a day before its midnight to a day
 * after its end), or undefined when the offset changes anywhere in that span. With one offset,
 * each wall-clock time of the day is exactly one instant, local − offset, which is what Temporal
 * returns; any other day is left to Temporal.
 */
export function steadyOffsetOfDay(table: ZoneOffsets, epochDay: number): number | undefined {
  const from = epochDay * DAY_MS - MAX_OFFSET_MS;
  const to = (epochDay + 1) * DAY_MS + MAX_OFFSET_MS;
  const offset = offsetAt(table, from);
  if (offset === undefined || offsetAt(table, to) === undefined) return undefined;
  const i = intervalAt(table, from);
  const end = i + 1 < table.starts.length ? table.starts[i + 1]! : table.coveredTo + 1;
  return to < end ? offset : undefined;
}
