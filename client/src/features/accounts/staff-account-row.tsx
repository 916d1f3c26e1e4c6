import { useState } from 'react';
import { useStaffContext, useStaffErrors } from '../../lib/staff/staff-context';
import { Button } from '../../ui/button';
import { Notice } from '../../ui/notice';
import { changeStaffRoles, type SchoolStaffRole, type StaffAccountSummary } from './staff-accounts-api';
import { RoleCheckboxes } from './role-checkboxes';
import { grantableRoles, ROLE_CHOICES, STATUS_WORDS } from './staff-account-words';
import { roleWords } from './staff-import-words';

export type AccountAction = 'new-code' | 'reset' | 'deactivate';

/**
 * One account: who, roles, status, and what the asker may do to it. Roles the
 * asker does not hold are shown but cannot be ticked or unticked.
 */
export function StaffAccountRow({
  account,
  onAction,
  onChanged,
}: {
  account: StaffAccountSummary;
  onAction: (action: AccountAction, account: StaffAccountSummary) => void;
  onChanged: () => Promise<void>;
}) {
  const { staff } = useStaffContext();
  const handleError = useStaffErrors();
  const grantable = grantableRoles(staff.roles);
  const [editing, setEditing] = useState(false);
  const [roles, setRoles] = useState<SchoolStaffRole[]>(account.roles);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const status = STATUS_WORDS[account.status];
  const open = account.status !== 'deactivated';

  const save = async () => {
    if (roles.length === 0) {
      setProblem('Roles: an account needs at least one role.');
      return;
    }
    setBusy(true);
    setProblem(null);
    try {
      await changeStaffRoles(account.id, roles);
      setEditing(false);
      await onChanged();
    } catch (cause) {
      setProblem(handleError(cause).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <li className="staff-row staff-account" data-testid="staff-account-row" data-email={account.email} data-status={account.status}>
      <div className="staff-row__main">
        <span className="staff-row__title">
          {account.fullName}
          {account.id === staff.id ? <span className="staff-muted"> (you)</span> : null}
        </span>
        <span className="staff-muted">{account.email}</span>
        <span data-testid="staff-account-roles">{roleWords(account.roles)}</span>
        <span className={`staff-tag staff-tag--${status.tone}`} data-testid="staff-account-status">
          {status.label}
        </span>
      </div>
      {account.manageable && open ? (
        <div className="staff-account__actions">
          <Button variant="secondary" data-testid="staff-account-edit-roles" onClick={() => (setRoles(account.roles), setEditing(!editing))}>
            {editing ? 'Close' : 'Change roles'}
          </Button>
          {account.status === 'waiting' ? (
            <Button variant="secondary" data-testid="staff-account-new-code" onClick={() => onAction('new-code', account)}>
              New set-up code
            </Button>
          ) : (
            <Button variant="secondary" data-testid="staff-account-reset" onClick={() => onAction('reset', account)}>
              Reset password
            </Button>
          )}
          <Button variant="danger" data-testid="staff-account-deactivate" onClick={() => onAction('deactivate', account)}>
            Deactivate
          </Button>
        </div>
      ) : null}
      {editing ? (
        <fieldset className="staff-account__roles" data-testid="staff-account-roles-editor">
          <legend className="pb-field__label">Roles for {account.fullName}</legend>
          <RoleCheckboxes
            shown={ROLE_CHOICES.map((choice) => choice.role)}
            chosen={roles}
            onChange={setRoles}
            // Only roles one holds can be given or taken away.
            locked={(role) => !grantable.includes(role)}
            disabled={busy}
            testId="staff-account-role"
          />
          <Button data-testid="staff-account-save-roles" disabled={busy} aria-busy={busy} onClick={() => void save()}>
            {busy ? 'Saving…' : 'Save roles'}
          </Button>
          {problem ? <Notice tone="error">{problem}</Notice> : null}
        </fieldset>
      ) : null}
    </li>
  );
}
