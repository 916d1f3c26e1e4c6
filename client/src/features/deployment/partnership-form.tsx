import { useState, type FormEvent } from 'react';
import { CreatePartnershipBody } from '@peerbridge/shared';
import { Button } from '../../ui/button';
import { Field, TextField } from '../../ui/field';
import { Notice } from '../../ui/notice';
import { createPartnership, type DeploymentSchool } from './deployment-api';
import { useAdminForm } from './use-admin-form';

const empty = { mentorSchoolId: '', menteeSchoolId: '', name: '', start: '', end: '' };

/** Two schools working together: which one's students mentor, and the programme's first and last days. */
export function PartnershipForm({ schools }: { schools: readonly DeploymentSchool[] }) {
  const [draft, setDraft] = useState(empty);
  const [made, setMade] = useState<string | null>(null);
  const form = useAdminForm(CreatePartnershipBody, createPartnership, (partnership) => {
    setDraft(empty);
    setMade(`${partnership.mentorSchool.name} now mentors ${partnership.menteeSchool.name}.`);
  });
  const edit = (change: Partial<typeof empty>) => {
    setDraft((d) => ({ ...d, ...change }));
    setMade(null);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    // An empty name is left out: the server names it after the two schools.
    const { name, ...rest } = draft;
    void form.submit(name.trim() ? draft : rest);
  };

  const schoolSelect = (key: 'mentorSchoolId' | 'menteeSchoolId', label: string, testId: string) => (
    <Field label={label} error={form.problems[key]} errorTestId={`${testId}-error`}>
      {(control) => (
        <select {...control} className="pb-input" data-testid={testId} value={draft[key]} onChange={(e) => edit({ [key]: e.target.value })}>
          <option value="">Choose a school</option>
          {schools.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </select>
      )}
    </Field>
  );

  if (schools.length < 2) return <p className="staff-muted">Add two schools to partner them.</p>;
  return (
    <form className="admin-form" data-testid="partnership-form" onSubmit={submit} noValidate>
      <fieldset className="admin-form__fields" disabled={form.busy}>
        <legend className="pb-field__label">Partner two schools</legend>
        {schoolSelect('mentorSchoolId', 'Mentors come from', 'partnership-mentor-school')}
        {schoolSelect('menteeSchoolId', 'Mentees come from', 'partnership-mentee-school')}
        <TextField
          label="Name (optional)"
          hint="Left empty, it is named after the two schools."
          data-testid="partnership-name"
          maxLength={120}
          value={draft.name}
          onChange={(e) => edit({ name: e.target.value })}
          error={form.problems.name}
        />
        <TextField
          label="Programme starts"
          type="date"
          data-testid="partnership-start"
          value={draft.start}
          onChange={(e) => edit({ start: e.target.value })}
          error={form.problems.start}
          errorTestId="partnership-start-error"
        />
        <TextField
          label="Programme ends"
          type="date"
          data-testid="partnership-end"
          value={draft.end}
          onChange={(e) => edit({ end: e.target.value })}
          error={form.problems.end}
          errorTestId="partnership-end-error"
        />
        <Button type="submit" data-testid="partnership-create" aria-busy={form.busy}>
          {form.busy ? 'Partnering…' : 'Partner the schools'}
        </Button>
      </fieldset>
      {form.general ? <Notice tone="error">{form.general}</Notice> : null}
      {made ? (
        <Notice tone="info" data-testid="partnership-created">
          {made}
        </Notice>
      ) : null}
    </form>
  );
}
