import { useState, type FormEvent } from 'react';
import { CreateSchoolBody } from '@peerbridge/shared';
import { Button } from '../../ui/button';
import { TextField } from '../../ui/field';
import { Notice } from '../../ui/notice';
import { createSchool, type DeploymentSchool } from './deployment-api';
import { useAdminForm } from './use-admin-form';

const empty = { name: '', urn: '', timeZone: 'Europe/London', contactEmail: '' };

/** The zones a school may keep, for the box to suggest (any IANA name is accepted). */
const zones = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : ['Europe/London'];

/** A new school: its name, DfE number, time zone and who to write to. */
export function SchoolForm({ onCreated }: { onCreated: (school: DeploymentSchool) => void }) {
  const [draft, setDraft] = useState(empty);
  const form = useAdminForm(CreateSchoolBody, createSchool, (school) => {
    setDraft(empty);
    onCreated(school);
  });
  const edit = (change: Partial<typeof empty>) => setDraft((d) => ({ ...d, ...change }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void form.submit(draft);
  };

  return (
    <form className="admin-form" data-testid="school-form" onSubmit={submit} noValidate>
      <fieldset className="admin-form__fields" disabled={form.busy}>
        <legend className="pb-field__label">Add a school</legend>
        <TextField
          label="Name"
          data-testid="school-name"
          maxLength={120}
          value={draft.name}
          onChange={(e) => edit({ name: e.target.value })}
          error={form.problems.name}
          errorTestId="school-name-error"
        />
        <TextField
          label="URN (DfE number)"
          hint="Six digits, from Get Information about Schools."
          data-testid="school-urn"
          inputMode="numeric"
          maxLength={6}
          value={draft.urn}
          onChange={(e) => edit({ urn: e.target.value })}
          error={form.problems.urn}
          errorTestId="school-urn-error"
        />
        <TextField
          label="Time zone"
          hint="Every time at the school is read in it, e.g. Europe/London."
          data-testid="school-time-zone"
          list="admin-time-zones"
          value={draft.timeZone}
          onChange={(e) => edit({ timeZone: e.target.value })}
          error={form.problems.timeZone}
          errorTestId="school-time-zone-error"
        />
        <datalist id="admin-time-zones">
          {zones.map((zone) => (
            <option key={zone} value={zone} />
          ))}
        </datalist>
        <TextField
          label="Contact email"
          type="email"
          data-testid="school-contact-email"
          value={draft.contactEmail}
          onChange={(e) => edit({ contactEmail: e.target.value })}
          error={form.problems.contactEmail}
          errorTestId="school-contact-email-error"
        />
        <Button type="submit" data-testid="school-create" aria-busy={form.busy}>
          {form.busy ? 'Adding…' : 'Add the school'}
        </Button>
      </fieldset>
      {form.general ? <Notice tone="error">{form.general}</Notice> : null}
    </form>
  );
}
