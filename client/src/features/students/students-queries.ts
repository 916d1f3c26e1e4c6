import { STAFF_REFRESH_MS, useStaffQuery } from '../../lib/staff/staff-query';
import { fetchMatchingProfile, fetchOwnCalendar } from './free-periods-api';
import { fetchNotices } from './notices-api';
import { fetchArchivedStudents, fetchSchoolStudents } from './students-api';

export const studentKeys = {
  /** A change to a student (PIN, consent, an import) may settle a notice too, so both sit under one key. */
  all: ['students'] as const,
  list: () => [...studentKeys.all, 'list'] as const,
  archived: () => [...studentKeys.all, 'archived'] as const,
  notices: () => [...studentKeys.all, 'notices'] as const,
  /** Free periods and subjects of one student; an import changes them too, so they sit under `all`. */
  profile: (studentId: string) => [...studentKeys.all, 'profile', studentId] as const,
  calendar: () => [...studentKeys.all, 'calendar'] as const,
};

export const useSchoolStudents = () =>
  useStaffQuery({ queryKey: studentKeys.list(), queryFn: ({ signal, background }) => fetchSchoolStudents(signal, background), pollMs: STAFF_REFRESH_MS });

export const useNotices = () => useStaffQuery({ queryKey: studentKeys.notices(), queryFn: ({ signal, background }) => fetchNotices(signal, background), pollMs: STAFF_REFRESH_MS });

export const useMatchingProfile = (studentId: string) =>
  useStaffQuery({ queryKey: studentKeys.profile(studentId), queryFn: ({ signal }) => fetchMatchingProfile(studentId, signal) });

export const useOwnCalendar = () => useStaffQuery({ queryKey: studentKeys.calendar(), queryFn: ({ signal }) => fetchOwnCalendar(signal) });
export const useArchivedStudents = (enabled: boolean) =>
  useStaffQuery({ queryKey: studentKeys.archived(), queryFn: ({ signal }) => fetchArchivedStudents(signal), enabled });
