import { StaffSection } from '../../ui/staff-section';

/** Placeholder: replaced by the feature's own section. */
export function ReferralsSection() {
  return <StaffSection id="referrals" title="Referrals" testId="referrals-section">{null}</StaffSection>;
}
