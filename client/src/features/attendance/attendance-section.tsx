import { StaffSection } from '../../ui/staff-section';

/** Placeholder: replaced by the feature's own section. */
export function AttendanceSection() {
  return <StaffSection id="attendance" title="Attendance" testId="attendance-section">{null}</StaffSection>;
}
