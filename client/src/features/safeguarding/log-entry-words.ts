import { LeaveReason, NetworkCheckResult, StaffEndReason, staffEndReasonWords, networkDetailLine, networkVerdict, type NetworkVerdict } from '@peerbridge/shared';
import type { LogEntry, StaffSessionSummary } from './session-log-api';

/**
 * A session log entry in plain words for a safeguarding lead, plus the raw
 * facts behind it: the words are for reading, the facts for the record (a
 * DSL may quote them in CPOMS or MyConcern), so nothing in `detail` is hidden.
 */
export interface EntryWords {
  text: string;
  /** Entries a DSL must not skim past. */
  attention: boolean;
  /** The child's own words where the entry carries them (a chat message). */
  quote: string | null;
  facts: Array<{ label: string; value: string }>;
}

/** Names the log can put to actor ids: the session's students and observers. */
export function peopleInLog(entries: readonly LogEntry[], session: StaffSessionSummary | null): Map<string, string> {
  const names = new Map<string, string>();
  for (const student of session ? [session.mentor, session.mentee] : []) {
    if (student.id) names.set(student.id, student.firstName);
  }
  // An observer's name is on their ObserverJoined entry; their ObserverLeft carries only the id.
  for (const entry of entries) {
    const name = text(entry.detail.name);
    if ((entry.type === 'ObserverJoined' || entry.type === 'SessionEnded') && entry.actor && name) names.set(entry.actor, name);
  }
  return names;
}

/** Every reason the server gives for someone leaving, in a DSL's words. */
const leaveReasons: Record<LeaveReason, string> = {
  left: 'tapped Leave',
  disconnected: 'the connection dropped',
  rejoined: 'joined again',
  replaced: 'joined again from another device',
  device_revoked: 'the iPad was removed from Peerbridge',
  time_up: 'the session time was over',
  media_lost: 'the video connection was lost',
  server_shutdown: 'Peerbridge restarted',
  server_stopped: 'Peerbridge stopped unexpectedly',
  students_left: 'both students had left',
  ended_by_staff: 'a member of staff ended it',
};

const staffRoles: Record<string, string> = { dsl: 'safeguarding lead', supervisor: 'supervisor' };

/** "Ms Adeyemi (safeguarding lead, Riverside High School) ended the session early: Safeguarding concern". */
function staffEnded(_reason: unknown, who: string, role: unknown, school: unknown, endReason: unknown): string {
  const roleWords = typeof role === 'string' ? (staffRoles[role] ?? role) : undefined;
  const where = [roleWords, text(school)].filter(Boolean).join(', ');
  const known = StaffEndReason.safeParse(endReason);
  const why = known.success ? staffEndReasonWords[known.data] : text(endReason)?.replace(/_/g, ' ');
  return `${who}${where ? ` (${where})` : ''} ended the session early for everyone${why ? `: ${why}` : ''}`;
}

/** A reason this screen has words for; any other (a chat filter's, a newer server's) is shown as it is. */
function leaveWords(reason: string): string | undefined {
  const known = LeaveReason.safeParse(reason);
  return known.success ? leaveReasons[known.data] : undefined;
}

export function describeLogEntry(entry: LogEntry, names: ReadonlyMap<string, string>): EntryWords {
  const used = new Set<string>();
  const take = (key: string): unknown => {
    used.add(key);
    return entry.detail[key];
  };
  const named = entry.actor ? names.get(entry.actor) : undefined;
  const student = named ?? 'A student';
  const staff = () => text(take('name')) ?? named ?? 'A member of staff';
  const because = (reason: unknown) => {
    const r = text(reason);
    return r ? ` (${leaveWords(r) ?? r.replace(/_/g, ' ')})` : '';
  };

  let words: string;
  let attention = false;
  let quote: string | null = null;

  switch (entry.type) {
    case 'SessionJoined':
      words = `${student} joined${networkWords(entry.detail.networkCheck, () => take('networkCheck'))}`;
      break;
    case 'SessionLeft':
      words = `${student} left${because(take('reason'))}`;
      break;
    case 'SessionReconnected':
      words = `${student} reconnected${networkWords(entry.detail.networkCheck, () => take('networkCheck'))}`;
      break;
    case 'ParticipantReconnecting':
      words = `${student} lost the connection; their place was kept while they reconnected`;
      break;
    case 'ParticipantReconnected':
      words = `${student} came back after losing the connection`;
      break;
    case 'ParticipantDropped':
      words = `${student} dropped out of the call${because(take('reason'))}`;
      break;
    case 'MediaToggled':
      words =
        entry.detail.reason === 'background' && typeof entry.detail.on === 'boolean'
          ? `${student}${backgroundChange(take('kind'), take('on'), take('reason'))}`
          : `${student} ${mediaChange(take('kind'), take('paused'), take('enabled') ?? take('on'))}`;
      break;
    case 'ChatMessageSent':
      words = `${student} sent a chat message`;
      quote = text(take('text')) ?? text(take('message'));
      break;
    case 'ChatMessageBlocked':
      words = `A chat message from ${named ?? 'a student'} was blocked${because(take('reason'))}`;
      attention = true;
      break;
    case 'ConcernRaised':
      words = `${named ?? 'Someone'} raised a concern`;
      attention = true;
      break;
    case 'ConcernWordsAdded':
      words = `${named ?? 'Someone'} added their own words to the concern they raised`;
      attention = true;
      break;
    case 'ObserverJoined':
      words = `${staff()} started observing`;
      break;
    case 'ObserverLeft':
      words = `${staff()} stopped observing${because(take('reason'))}`;
      break;
    case 'SessionEnded':
      if (entry.detail.reason === 'ended_by_staff') {
        words = staffEnded(take('reason'), staff(), take('role'), take('schoolName'), take('endReason'));
        quote = text(take('note'));
        attention = true;
      } else {
        words = `The session ended${because(take('reason'))}`;
      }
      break;
    case 'VideoPausedForBandwidth':
      take('receiver');
      words = `${named ?? 'Someone'}'s connection was too slow for video, so their incoming video was paused to keep the voices clear${kbps(take('availableKbps'))}`;
      break;
    case 'VideoResumedForBandwidth':
      take('receiver');
      words = `${named ?? 'Someone'}'s connection recovered and their incoming video came back${kbps(take('availableKbps'))}`;
      break;
    default:
      // A kind of entry this screen does not know yet still shows, in the server's own name.
      words = entry.type.replace(/([a-z])([A-Z])/g, '$1 $2');
  }

  const facts: EntryWords['facts'] = [];
  if (entry.actor && !named) facts.push({ label: 'who', value: shortId(entry.actor) });
  if (entry.deviceId) facts.push({ label: 'device', value: shortId(entry.deviceId) });
  for (const [key, value] of Object.entries(entry.detail)) {
    if (!used.has(key) || (key === 'reason' && entry.type !== 'MediaToggled' && !leaveWords(String(value)))) {
      facts.push({ label: key, value: typeof value === 'string' ? value : JSON.stringify(value) });
    }
  }
  return { text: words, attention, quote, facts };
}

const verdictWords: Record<NetworkVerdict, string> = {
  good: 'the network check looked good',
  audio_only: 'the network check found a slow connection (sound only likely)',
  not_possible: 'the network check could not reach the call',
};

/** The pre-join network check carried by a join, in words; one the client could not have sent stays a raw fact. */
function networkWords(value: unknown, markUsed: () => void): string {
  const check = NetworkCheckResult.safeParse(value);
  if (!check.success) return '';
  markUsed();
  return `; ${verdictWords[networkVerdict(check.data)]} (${networkDetailLine(check.data)})`;
}

/** The iPad paused the camera while the app was in the background, and restored it on return. */
function backgroundChange(kind: unknown, on: unknown, _reason: unknown): string {
  const what = kind === 'audio' ? 'microphone' : 'camera';
  return on ? `’s ${what} came back (the iPad app was back on screen)` : `’s ${what} paused (the iPad app went to the background)`;
}

function mediaChange(kind: unknown, paused: unknown, enabled: unknown): string {
  const what = kind === 'audio' ? 'microphone' : kind === 'video' ? 'camera' : null;
  const on = typeof enabled === 'boolean' ? enabled : typeof paused === 'boolean' ? !paused : null;
  if (!what || on === null) return 'turned their microphone or camera on or off';
  return `turned their ${what} ${on ? 'on' : 'off'}`;
}

function kbps(value: unknown): string {
  return typeof value === 'number' ? ` (about ${value} kbit/s)` : '';
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value.trim() ? value : null;
}

/** Enough of an id to tell two people apart on screen, without a wall of hex. */
function shortId(id: string): string {
  return id.length > 8 ? `${id.slice(0, 8)}…` : id;
}
