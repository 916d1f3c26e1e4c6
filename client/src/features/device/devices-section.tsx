import type { DeviceSummary } from '@peerbridge/shared';
import { useState, type FormEvent } from 'react';
import { Button } from '../../ui/button';
import { ConfirmDialog } from '../../ui/confirm-dialog';
import { Notice } from '../../ui/notice';
import { useSchoolTime, useStaffErrors } from '../../lib/staff/staff-context';
import { LoadState, RefreshButton, StaffSection } from '../../ui/staff-section';
import { Field } from '../../ui/field';
import { useInvalidate } from '../../lib/staff/staff-query';
import { auditKeys } from '../audit/audit-queries';
import { deviceKeys, useSchoolDevices } from './device-queries';
import { EnrolmentCodeCard } from './enrolment-code-card';
import { enrolDevice, revokeDevice, type EnrolledDevice } from './staff-devices-api';
import './devices-section.css';

/** Coordinators: enrol the school's iPads for Peerbridge, and take them off it. */
export function DevicesSection() {
  const time = useSchoolTime();
  const devices = useSchoolDevices();
  const invalidate = useInvalidate();
  // Enrolling and removing an iPad are on the school's staff audit trail too.
  const devicesChanged = () => invalidate(deviceKeys.all, auditKeys.all);
  const handleError = useStaffErrors();
  const [enrolled, setEnrolled] = useState<EnrolledDevice | null>(null);
  const [revoking, setRevoking] = useState<DeviceSummary | null>(null);
  const [revokeBusy, setRevokeBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const confirmRevoke = async () => {
    if (!revoking) return;
    setRevokeBusy(true);
    try {
      await revokeDevice(revoking.id);
      setProblem(null);
      await devicesChanged();
    } catch (error) {
      setProblem(handleError(error).message);
    } finally {
      setRevokeBusy(false);
      setRevoking(null);
    }
  };

  const list = devices.data ? sortDevices(devices.data) : null;

  return (
    <StaffSection
      id="staff-devices"
      title="iPads"
      testId="devices-section"
      actions={<RefreshButton onClick={() => void devices.refresh()} loading={devices.loading} />}
    >
      {enrolled ? (
        <EnrolmentCodeCard enrolled={enrolled} onDone={() => setEnrolled(null)} />
      ) : (
        <EnrolForm
          onEnrolled={(result) => {
            setEnrolled(result);
            void devicesChanged();
          }}
        />
      )}

      {problem ? <Notice tone="error">{problem}</Notice> : null}
      <LoadState
        loading={devices.loading}
        error={devices.error}
        hasData={list !== null}
        onRetry={() => void devices.refresh()}
        what="iPads"
      />

      {list && list.length === 0 ? <p className="staff-muted">No iPads enrolled yet.</p> : null}
      {list && list.length > 0 ? (
        <ul className="staff-list" aria-label="Enrolled iPads">
          {list.map((device) => (
            <li key={device.id} className="staff-row" data-testid="device-row" data-device-id={device.id}>
              <div className="staff-row__main">
                <span className="staff-row__title">{device.label}</span>
                <span className="staff-muted">
                  Enrolled {time.date(device.createdAt)}
                  {device.revokedAt ? ` · removed ${time.date(device.revokedAt)}` : ''}
                </span>
              </div>
              {device.revokedAt ? (
                <span className="staff-tag staff-tag--off">Removed</span>
              ) : (
                <Button variant="danger" data-testid="device-revoke" onClick={() => setRevoking(device)}>
                  Remove
                </Button>
              )}
            </li>
          ))}
        </ul>
      ) : null}

      {revoking ? (
        <ConfirmDialog
          title={`Remove “${revoking.label}” from Peerbridge?`}
          confirmLabel="Remove iPad"
          cancelLabel="Keep it"
          busy={revokeBusy}
          onConfirm={() => void confirmRevoke()}
          onCancel={() => setRevoking(null)}
          confirmTestId="device-revoke-confirm"
        >
          It is signed out straight away. If a call is running on it now, that call ends. To use it again you will
          need to enrol it again with a new code.
        </ConfirmDialog>
      ) : null}
    </StaffSection>
  );
}

function EnrolForm({ onEnrolled }: { onEnrolled: (enrolled: EnrolledDevice) => void }) {
  const handleError = useStaffErrors();
  const [label, setLabel] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!label.trim()) {
      setError('Give the iPad a name first, e.g. the label on its case.');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      onEnrolled(await enrolDevice(label.trim()));
      setLabel('');
    } catch (cause) {
      setError(handleError(cause).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="staff-inline-form" onSubmit={(event) => void submit(event)} noValidate>
      <Field label="Enrol an iPad">
        {(control) => (
          <div className="staff-inline-form__row">
            <input
              {...control}
              className="pb-input"
              data-testid="device-label-input"
              placeholder="Name, e.g. Library iPad 3"
              maxLength={80}
              value={label}
              onChange={(event) => setLabel(event.target.value)}
              disabled={busy}
            />
            <Button type="submit" data-testid="device-enrol-submit" disabled={busy} aria-busy={busy}>
              {busy ? 'Enrolling…' : 'Get a setup code'}
            </Button>
          </div>
        )}
      </Field>
      {error ? <Notice tone="error">{error}</Notice> : null}
    </form>
  );
}

/** Working iPads first (by name), removed ones after: removing is rare, using is daily. */
function sortDevices(devices: readonly DeviceSummary[]): DeviceSummary[] {
  return [...devices].sort(
    (a, b) => Number(a.revokedAt !== null) - Number(b.revokedAt !== null) || a.label.localeCompare(b.label, 'en-GB'),
  );
}
