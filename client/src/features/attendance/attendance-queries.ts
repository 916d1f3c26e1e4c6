import { STAFF_REFRESH_MS, useStaffQuery } from '../../lib/staff/staff-query';
import { fetchMentored, fetchPairingAttendance, fetchStudentAttendance } from './attendance-api';

export const attendanceKeys = {
  all: ['attendance'] as const,
  mentored: () => [...attendanceKeys.all, 'mentored'] as const,
  pairing: (id: string) => [...attendanceKeys.all, 'pairing', id] as const,
  student: (id: string) => [...attendanceKeys.all, 'student', id] as const,
};

export const useMentored = () =>
  useStaffQuery({ queryKey: attendanceKeys.mentored(), queryFn: ({ signal, background }) => fetchMentored(signal, background), pollMs: STAFF_REFRESH_MS });

export const usePairingAttendance = (pairingId: string | null) =>
  useStaffQuery({ queryKey: attendanceKeys.pairing(pairingId ?? ''), queryFn: ({ signal }) => fetchPairingAttendance(pairingId!, signal), enabled: pairingId !== null });

export const useStudentAttendance = (studentId: string | null) =>
  useStaffQuery({ queryKey: attendanceKeys.student(studentId ?? ''), queryFn: ({ signal }) => fetchStudentAttendance(studentId!, signal), enabled: studentId !== null });
