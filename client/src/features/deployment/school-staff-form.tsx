import { useState, type FormEvent } from 'react';
import { CreateSchoolStaffBody } from '@peerbridge/shared';
import { Button } from '../../ui/button';
import { Field, TextField } from '../../ui/field';
import { Notice } from '../../ui/notice';
import { SetupCodes } from '../accounts/setup-codes';
import { createSchoolStaff, type CreatedAccount, type DeploymentSchool } from './deployment-api';
import { useAdminForm } from './use-admin-form';

const empty = { fullName: '', email: '', role: 'coordinator' as 'coordinator' | 'dsl' };

/**
 * A school's first coordinator or safeguarding lead. They get a one-time
 * set-up code, shown here once, to choose their own password; from then on
 * the school adds its own staff.
 */
export function SchoolStaffForm({ school }: { school: DeploymentSchool }) {
  const [draft, setDraft] = useState(empty);
  const [created, setCreated] = useState<CreatedAccount[]>([]);
  const form = useAdminForm(
    CreateSchoolStaffBody,
    (body: CreateSchoolStaffBody) => createSchoolStaff(school.id, body),
    (account) => {
      setDraft(empty);
      setCreated((all) => [...all, account]);
    },
  );
  const edit = (change: Partial<typeof empty>) => setDraft((d) => ({ ...d, ...change }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void form.submit(draft);
  };

  return (
    <form className="admin-form admin-form--staff" data-testid="school-staff-form" onSubmit={submit} noValidate>
      <fieldset className="admin-form__fields" disabled={form.busy}>
        <legend className="pb-field__label">Add a coordinator or safeguarding lead at {school.name}</legend>
        <TextField
          label="Full name"
          data-testid="school-staff-name"
          maxLength={120}
          value={draft.fullName}
          onChange={(e) => edit({ fullName: e.target.value })}
          error={form.problems.fullName}
          errorTestId="school-staff-name-error"
        />
        <TextField
          label="Email"
          type="email"
          data-testid="school-staff-email"
          value={draft.email}
          onChange={(e) => edit({ email: e.target.value })}
          error={form.problems.email}
          errorTestId="school-staff-email-error"
        />
        <Field label="Role" error={form.problems.role}>
          {(control) => (
            <select
              {...control}
              className="pb-input"
              data-testid="school-staff-role"
              value={draft.role}
              onChange={(e) => edit({ role: e.target.value as typeof empty.role })}
            >
              <option value="coordinator">Coordinator</option>
              <option value="dsl">Safeguarding lead (DSL)</option>
            </select>
          )}
        </Field>
        <Button type="submit" data-testid="school-staff-create" aria-busy={form.busy}>
          {form.busy ? 'Creating…' : 'Create the account'}
        </Button>
      </fieldset>
      {form.general ? <Notice tone="error">{form.general}</Notice> : null}
      <SetupCodes created={created} testId="school-staff-codes" />
    </form>
  );
}
