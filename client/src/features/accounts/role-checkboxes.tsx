import type { SchoolStaffRole } from './staff-accounts-api';
import { ROLE_CHOICES } from './staff-account-words';

/** One tick box per role, in the usual order; `locked` roles show as they are but cannot be changed. */
export function RoleCheckboxes({
  shown,
  chosen,
  onChange,
  locked = () => false,
  disabled,
  testId,
}: {
  shown: readonly SchoolStaffRole[];
  chosen: readonly SchoolStaffRole[];
  onChange: (roles: SchoolStaffRole[]) => void;
  locked?: (role: SchoolStaffRole) => boolean;
  disabled: boolean;
  testId: string;
}) {
  return ROLE_CHOICES.filter((choice) => shown.includes(choice.role)).map((choice) => (
    <label key={choice.role} className="staff-check">
      <input
        type="checkbox"
        data-testid={testId}
        data-role={choice.role}
        checked={chosen.includes(choice.role)}
        disabled={disabled || locked(choice.role)}
        onChange={(event) => onChange(event.target.checked ? [...chosen, choice.role] : chosen.filter((r) => r !== choice.role))}
      />
      <span>{choice.label}</span>
    </label>
  ));
}
