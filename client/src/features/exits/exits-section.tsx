import { StaffSection } from '../../ui/staff-section';

/** Placeholder: replaced by the feature's own section. */
export function ExitsSection() {
  return <StaffSection id="exits" title="Exits" testId="exits-section">{null}</StaffSection>;
}
