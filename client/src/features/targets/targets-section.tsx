import { StaffSection } from '../../ui/staff-section';

/** Placeholder: replaced by the feature's own section. */
export function TargetsSection() {
  return <StaffSection id="targets" title="Targets" testId="targets-section">{null}</StaffSection>;
}
