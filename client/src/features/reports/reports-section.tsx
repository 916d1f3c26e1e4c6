import { StaffSection } from '../../ui/staff-section';

/** Placeholder: replaced by the feature's own section. */
export function ReportsSection() {
  return <StaffSection id="reports" title="Reports" testId="reports-section">{null}</StaffSection>;
}
