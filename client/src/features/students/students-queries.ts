import { useStaffQuery } from '../../lib/staff/staff-query';
import { fetchNotices } from './notices-api';
import { fetchArchivedStudents, fetchSchoolStudents } from './students-api';

export const studentKeys = {
  /** A change to a student (PIN, consent, an import) may settle a notice too, so both sit under one key. */
  all: ['students'] as const,
  list: () => [...studentKeys.all, 'list'] as const,
  archived: () => [...studentKeys.all, 'archived'] as const,
  notices: () => [...studentKeys.all, 'notices'] as const,
};

export const useSchoolStudents = () =>
  useStaffQuery({ queryKey: studentKeys.list(), queryFn: ({ signal }) => fetchSchoolStudents(signal) });

export const useNotices = () => useStaffQuery({ queryKey: studentKeys.notices(), queryFn: ({ signal }) => fetchNotices(signal) });

export const useArchivedStudents = (enabled: boolean) =>
  useStaffQuery({ queryKey: studentKeys.archived(), queryFn: ({ signal }) => fetchArchivedStudents(signal), enabled });
