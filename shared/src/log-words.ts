import { LeaveReason } from './http/session-logs.js';
import { StaffEndReason, staffEndReasonWords } from './http/staff-sessions.js';
import { NetworkCheckResult, networkDetailLine, networkVerdict, type NetworkVerdict } from './realtime/network-check.js';

/**
 * A session log entry in plain words, the one renderer for every place an
 * entry is read: the session log screen, a concern's log excerpt and the
 * exports a DSL pastes into CPOMS or MyConcern. It never shows internals
 * (ids, detail keys, `true`/`false`); the signed evidence file keeps the raw
 * entry for verification.
 */
export interface LogEntryFacts {
  type: string;
  actor: string | null;
  detail: Record<string, unknown>;
}

export interface LogEntryWords {
  text: string;
  /** Entries a DSL must not skim past. */
  attention: boolean;
  /** The child's own words where the entry carries them (a chat message). */
  quote: string | null;
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

const contactWords: Record<string, string> = {
  phone: 'a phone number',
  email: 'an email address',
  link: 'a link',
  social_handle: 'a social media name',
};

const roleWords: Record<string, string> = { dsl: 'safeguarding lead', supervisor: 'supervisor', coordinator: 'coordinator' };

const wordsNotKeptWords: Record<string, string> = {
  too_long: 'their words were too long to keep',
  unreadable: 'their words could not be kept',
};

const verdictWords: Record<NetworkVerdict, string> = {
  good: 'the network check looked good',
  audio_only: 'the network check found a slow connection (sound only likely)',
  not_possible: 'the network check could not reach the call',
};

const targetStatusWords: Record<string, string> = {
  not_started: 'not started',
  on_track: 'on track',
  met: 'met',
  not_met: 'not met',
  dropped: 'dropped',
};

function reviewWords(value: unknown): string {
  const day = text(value);
  return day ? ` (to review on ${day})` : '';
}

/** `names`: actor id → first name (students) or full name (staff). */
export function describeLogEntry(entry: LogEntryFacts, names: ReadonlyMap<string, string>): LogEntryWords {
  const d = entry.detail;
  const named = entry.actor ? names.get(entry.actor) : undefined;
  const student = named ?? 'A student';
  let words: string;
  let attention = false;
  let quote: string | null = null;

  switch (entry.type) {
    case 'SessionJoined':
      words = `${student} joined${networkWords(d.networkCheck)}`;
      break;
    case 'SessionLeft':
      words = `${student} left${because(d.reason)}`;
      break;
    case 'SessionReconnected':
      words = `${student} reconnected${networkWords(d.networkCheck)}`;
      break;
    case 'ParticipantReconnecting':
      words = `${student} lost the connection; their place was kept while they reconnected`;
      break;
    case 'ParticipantReconnected':
      words = `${student} came back after losing the connection`;
      break;
    case 'SessionRejoined':
      words = `${student} rejoined after the iPad reloaded (same iPad, within a few minutes, no PIN needed)`;
      break;
    case 'MediaFlowing':
      words = `${student}'s ${d.kind === 'video' ? 'camera' : 'microphone'} started reaching the call`;
      break;
    case 'ParticipantDropped':
      words = `${student} dropped out of the call${because(d.reason)}`;
      break;
    case 'MediaToggled':
      words = mediaWords(student, d);
      break;
    case 'ChatMessageSent':
      words = `${student} sent a chat message${keywordWords(d.flaggedKeywords)}`;
      quote = text(d.text) ?? text(d.message);
      attention = Array.isArray(d.flaggedKeywords) && d.flaggedKeywords.length > 0;
      break;
    case 'ChatMessageBlocked': {
      const kinds = Array.isArray(d.contactKinds) ? d.contactKinds.map((k) => contactWords[String(k)] ?? 'contact details') : [];
      const what = kinds.length > 0 ? listWords([...new Set(kinds)]) : 'something that was not allowed';
      words = `${student} tried to send ${what}; the message was not delivered${because(d.reason)}${keywordWords(d.flaggedKeywords)}`;
      quote = text(d.text);
      attention = true;
      break;
    }
    case 'ConcernRaised': {
      const lost = wordsNotKeptWords[String(d.wordsNotKept)];
      words = `${named ?? 'Someone'} pressed “I’m worried”${lost ? `; ${lost}` : ''}`;
      attention = true;
      break;
    }
    case 'ConcernWordsAdded':
      words = `${named ?? 'Someone'} added their own words to the concern they raised`;
      attention = true;
      break;
    case 'ObserverJoined': {
      const who = text(d.name) ?? named ?? 'A member of staff';
      const role = roleWords[String(d.role)];
      const about = [text(d.schoolName), role].filter(Boolean).join(', ');
      words = `${who}${about ? ` (${about})` : ''} started observing`;
      break;
    }
    case 'ObserverLeft':
      words = `${text(d.name) ?? named ?? 'A member of staff'} stopped observing${because(d.reason)}`;
      break;
    case 'SessionEnded':
      if (d.reason === 'ended_by_staff') {
        words = staffEnded(text(d.name) ?? named ?? 'A member of staff', d);
        quote = text(d.note);
        attention = true;
      } else {
        words = `The session ended${because(d.reason)}`;
      }
      break;
    case 'VideoPausedForBandwidth':
      words = `${named ?? 'Someone'}'s connection was too slow for video, so their incoming video was paused to keep the voices clear${kbps(d.availableKbps)}`;
      break;
    case 'VideoResumedForBandwidth':
      words = `${named ?? 'Someone'}'s connection recovered and their incoming video came back${kbps(d.availableKbps)}`;
      break;
    case 'TargetSet':
      words = `${student} added a target: ${text(d.what) ?? 'a new target'}${reviewWords(d.reviewOn)}`;
      break;
    case 'TargetReviewed':
      words = `${student} reviewed the target “${text(d.what) ?? 'a target'}”: ${targetStatusWords[String(d.status)] ?? 'status recorded'}`;
      words += text(d.progress) ? `; progress: ${text(d.progress)}` : '';
      words += text(d.nextStep) ? `; next step: ${text(d.nextStep)}` : '';
      break;
    default:
      // A kind of entry this version does not know yet still shows, in readable words, without its details.
      words = entry.type.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/_/g, ' ');
      words = words.charAt(0) + words.slice(1).toLowerCase();
  }
  return { text: words, attention, quote };
}

/** A reason in words; one without words is shown with its underscores as spaces, never as a code. */
function because(reason: unknown): string {
  const r = text(reason);
  if (!r) return '';
  const known = LeaveReason.safeParse(r);
  return ` (${known.success ? leaveReasons[known.data] : r.replace(/_/g, ' ')})`;
}

function networkWords(value: unknown): string {
  const check = NetworkCheckResult.safeParse(value);
  if (!check.success) return '';
  return `; ${verdictWords[networkVerdict(check.data)]} (${networkDetailLine(check.data)})`;
}

/** Which device, and whether by the child or by the iPad going to the background. */
function mediaWords(student: string, d: Record<string, unknown>): string {
  const what = d.kind === 'audio' ? 'microphone' : d.kind === 'video' ? 'camera' : null;
  const on = typeof d.on === 'boolean' ? d.on : typeof d.enabled === 'boolean' ? d.enabled : typeof d.paused === 'boolean' ? !d.paused : null;
  if (d.reason === 'background' && on !== null) {
    const device = what ?? 'camera';
    return on ? `${student}’s ${device} came back (the iPad app was back on screen)` : `${student}’s ${device} paused (the iPad app went to the background)`;
  }
  if (!what || on === null) return `${student} turned their microphone or camera on or off`;
  return `${student} turned their ${what} ${on ? 'on' : 'off'}`;
}

/** An observer ended the session for everyone: who, as what, where, and the reason they chose. */
function staffEnded(who: string, d: Record<string, unknown>): string {
  const about = [roleWords[String(d.role)], text(d.schoolName)].filter(Boolean).join(', ');
  const known = StaffEndReason.safeParse(d.endReason);
  const why = known.success ? staffEndReasonWords[known.data] : text(d.endReason)?.replace(/_/g, ' ');
  return `${who}${about ? ` (${about})` : ''} ended the session early for everyone${why ? `: ${why}` : ''}`;
}

function keywordWords(value: unknown): string {
  if (!Array.isArray(value) || value.length === 0) return '';
  return `; it matched safeguarding words: ${value.map((w) => `“${String(w)}”`).join(', ')}`;
}

function kbps(value: unknown): string {
  return typeof value === 'number' ? ` (about ${value} kbit/s)` : '';
}

function listWords(items: string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value.trim() ? value : null;
}
