import { useState, type FormEvent } from 'react';
import { useStaffContext, useStaffErrors } from '../../lib/staff/staff-context';
import { Button } from '../../ui/button';
import { TextField } from '../../ui/field';
import { Notice } from '../../ui/notice';
import { inviteStaff, type IssuedSetupCode, type SchoolStaffRole } from './staff-accounts-api';
import { RoleCheckboxes } from './role-checkboxes';
import { grantableRoles, inviteProblems } from './staff-account-words';

type Problems = ReturnType<typeof inviteProblems>;

/** One new member of staff: name, email, roles (only roles the asker holds); the answer is their set-up code. */
export function InviteStaffForm({ onInvited }: { onInvited: (issued: IssuedSetupCode) => void }) {
  const { staff } = useStaffContext();
  const handleError = useStaffErrors();
  const offered = grantableRoles(staff.roles);
  const [fullName, setFullName] = useState('');
  const [email, setEmail] = useState('');
  const [roles, setRoles] = useState<SchoolStaffRole[]>(offered.length === 1 ? offered : []);
  const [problems, setProblems] = useState<Problems>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = inviteProblems({ fullName, email, roles });
    setProblems(found);
    setFailure(null);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    try {
      onInvited(await inviteStaff({ fullName: fullName.trim(), email: email.trim(), roles }));
      setFullName('');
      setEmail('');
    } catch (cause) {
      const problem = handleError(cause);
      // A taken address is the email field's problem; anything else is the form's.
      if (problem.details?.field === 'email') setProblems({ email: `Email: ${problem.message}` });
      else setFailure(problem.message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="staff-inline-form invite-staff" data-testid="invite-staff" onSubmit={(event) => void submit(event)} noValidate>
      <h3 className="invite-staff__title">Add one person</h3>
      <div className="invite-staff__fields">
        <TextField
          label="Name"
          data-testid="invite-staff-name"
          value={fullName}
          maxLength={120}
          onChange={(event) => setFullName(event.target.value)}
          error={problems.fullName}
          errorTestId="invite-staff-name-error"
          disabled={busy}
        />
        <TextField
          label="Email"
          type="email"
          autoComplete="off"
          data-testid="invite-staff-email"
          value={email}
          maxLength={200}
          onChange={(event) => setEmail(event.target.value)}
          error={problems.email}
          errorTestId="invite-staff-email-error"
          disabled={busy}
        />
      </div>
      <fieldset className="invite-staff__roles" aria-invalid={problems.roles ? true : undefined}>
        <legend className="pb-field__label">Roles</legend>
        <RoleCheckboxes shown={offered} chosen={roles} onChange={setRoles} disabled={busy} testId="invite-staff-role" />
        <p className="pb-field__hint">You can give only roles you hold yourself.</p>
        {problems.roles ? (
          <p className="pb-field__error" data-testid="invite-staff-roles-error">
            {problems.roles}
          </p>
        ) : null}
      </fieldset>
      <Button type="submit" data-testid="invite-staff-submit" disabled={busy} aria-busy={busy}>
        {busy ? 'Adding…' : 'Add and get a set-up code'}
      </Button>
      {failure ? <Notice tone="error">{failure}</Notice> : null}
    </form>
  );
}
