import { describeLogEntry, type ChronologyEntry, type FlagChronologyEntry, type SessionChronologyEntry } from '@peerbridge/shared';
import { Temporal } from 'temporal-polyfill';

/** A child in a session, as a chronology may name them: first name, school and year only. */
export interface ChronologyChild {
  id: string;
  firstName: string;
  schoolName: string;
  yearGroup: number;
}

export interface ChronologySession {
  id: string;
  cancelled: boolean;
  startsAt: Temporal.Instant;
  endsAt: Temporal.Instant;
  mentor: ChronologyChild;
  mentee: ChronologyChild;
}

/** A session log entry, as the log keeps it. */
export interface ChronologyLogEntry {
  sessionId: string;
  at: string;
  type: string;
  actor: string | null;
  detail: Record<string, unknown>;
}

/**
 * A child's sessions and the flags in their logs, as chronology lines: each
 * session over (or ended) is held, missed or ended early; cancelled and
 * not-yet-held sessions are left out. The log's lines are in the log's own
 * words (`describeLogEntry`), so they read the same as the session log.
 */
export function sessionChronology(
  sessions: ChronologySession[],
  log: ChronologyLogEntry[],
  studentId: string,
  now: Temporal.Instant,
): Array<SessionChronologyEntry | FlagChronologyEntry> {
  const bySession = new Map<string, ChronologyLogEntry[]>();
  for (const entry of log) bySession.set(entry.sessionId, [...(bySession.get(entry.sessionId) ?? []), entry]);
  return sessions.flatMap((session) => {
    if (session.cancelled) return [];
    const child = session.mentor.id === studentId ? session.mentor : session.mentee.id === studentId ? session.mentee : null;
    if (!child) return [];
    const partner = child === session.mentor ? session.mentee : session.mentor;
    const entries = bySession.get(session.id) ?? [];
    const names = namesIn(entries, [child, partner]);
    const line = sessionLine(session, entries, child, partner, names, now);
    const flags = entries.flatMap((entry) => flagLine(session.id, entry, names));
    return line ? [line, ...flags] : flags;
  });
}

function sessionLine(
  session: ChronologySession,
  entries: ChronologyLogEntry[],
  child: ChronologyChild,
  partner: ChronologyChild,
  names: ReadonlyMap<string, string>,
  now: Temporal.Instant,
): SessionChronologyEntry | null {
  const joined = entries.some((e) => e.type === 'SessionJoined' && e.actor === child.id);
  const ended = entries.find((e) => e.type === 'SessionEnded' && Temporal.Instant.compare(Temporal.Instant.from(e.at), session.endsAt) < 0);
  // A session the child never came to ends "early" only when staff ended it; otherwise the child missed it.
  const endedEarly = ended && (joined || ended.detail.reason === 'ended_by_staff') ? ended : undefined;
  const over = Temporal.Instant.compare(now, session.endsAt) >= 0;
  const withPartner = `the session with ${partner.firstName} (Year ${partner.yearGroup}, ${partner.schoolName})`;
  const base = { source: 'session' as const, sessionId: session.id, at: session.startsAt.toString() };
  if (endedEarly) return { ...base, kind: 'ended_early', summary: `Ended early: ${withPartner}. ${describeLogEntry(endedEarly, names).text}.` };
  if (joined) return { ...base, kind: 'held', summary: `Held: ${child.firstName} joined ${withPartner}.` };
  if (over) return { ...base, kind: 'missed', summary: `Missed: ${child.firstName} did not join ${withPartner}.` };
  return null;
}

function flagLine(sessionId: string, entry: ChronologyLogEntry, names: ReadonlyMap<string, string>): FlagChronologyEntry[] {
  const keywords = entry.detail.flaggedKeywords;
  const kind = entry.type === 'ChatMessageBlocked' ? 'chat_blocked' : entry.type === 'ChatMessageSent' && Array.isArray(keywords) && keywords.length > 0 ? 'chat_flagged' : null;
  if (!kind) return [];
  const words = describeLogEntry(entry, names);
  return [{ source: 'flag', sessionId, at: Temporal.Instant.from(entry.at).toString(), kind, summary: `${words.text}.`, quote: words.quote }];
}

/** First names of the two children, and observers by the name their entry carries, as the session log names them. */
function namesIn(entries: ChronologyLogEntry[], children: ChronologyChild[]): Map<string, string> {
  const names = new Map(children.map((c) => [c.id, c.firstName] as const));
  for (const e of entries) if (e.actor && typeof e.detail.name === 'string' && !names.has(e.actor)) names.set(e.actor, e.detail.name);
  return names;
}

const SOURCE_ORDER: Record<ChronologyEntry['source'], number> = { session: 0, flag: 1, concern: 2 };

/** Concern, session and flag lines together, oldest first; on the same instant a session comes before what happened in it. */
export function mergeChronology(...lists: ChronologyEntry[][]): ChronologyEntry[] {
  return lists
    .flat()
    .map((entry, index) => ({ entry, index, instant: Temporal.Instant.from(entry.at) }))
    .sort((a, b) => Temporal.Instant.compare(a.instant, b.instant) || SOURCE_ORDER[a.entry.source] - SOURCE_ORDER[b.entry.source] || a.index - b.index)
    .map(({ entry }) => entry);
}
