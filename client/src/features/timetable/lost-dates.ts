import type { LostDate } from './timetable-api';

/*
 * A candidate's lost dates in one sentence per school, so a coordinator can
 * see at a glance whose calendar costs the pairing its sessions:
 * "Riverside High School: 5 dates lost to holidays, 1 to an INSET day".
 */

function reasonWords(reason: string, detail: string | null | undefined, count: number): string {
  const one = count === 1;
  switch (reason) {
    case 'holiday':
      return one ? 'a holiday' : 'holidays';
    case 'closure':
      if (!detail) return one ? 'a closure' : 'closures';
      return one ? `${/^[aeiou]/i.test(detail) ? 'an' : 'a'} ${detail}` : `closures (${detail})`;
    case 'not_in_cycle_week':
      return 'the other week of the A/B timetable';
    case 'not_available':
      return one ? 'a student not being free' : 'students not being free';
    case 'student_booked':
      return one ? 'a student already being booked' : 'students already being booked';
    case 'device_pool_full':
      return 'no iPad being free';
    default:
      return reason.replace(/[_-]+/g, ' ');
  }
}

export interface LostDatesBySchool {
  school: string;
  total: number;
  sentence: string;
}

export function summariseLostDates(lostDates: readonly LostDate[]): LostDatesBySchool[] {
  const bySchool = new Map<string, Map<string, { reason: string; detail: string | null; count: number }>>();
  for (const lost of lostDates) {
    const groups = bySchool.get(lost.school) ?? new Map();
    bySchool.set(lost.school, groups);
    // Closures are told apart by what they were (an INSET day is not a trip).
    const key = lost.reason === 'closure' ? `closure:${lost.detail ?? ''}` : lost.reason;
    const group = groups.get(key) ?? { reason: lost.reason, detail: lost.detail ?? null, count: 0 };
    group.count += 1;
    groups.set(key, group);
  }
  return [...bySchool].map(([school, groups]) => {
    const parts = [...groups.values()]
      .sort((a, b) => b.count - a.count)
      .map((g, i) => {
        const words = reasonWords(g.reason, g.detail, g.count);
        return i === 0 ? `${g.count} ${g.count === 1 ? 'date' : 'dates'} lost to ${words}` : `${g.count} to ${words}`;
      });
    const total = [...groups.values()].reduce((sum, g) => sum + g.count, 0);
    return { school, total, sentence: `${school}: ${parts.join(', ')}` };
  });
}
