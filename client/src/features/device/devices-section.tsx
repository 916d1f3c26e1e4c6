import type { DeviceSummary } from '@peerbridge/shared';
import { useState, type FormEvent } from 'react';
import { Button } from '../../ui/button';
import { ConfirmDialog } from '../../ui/confirm-dialog';
import { Notice } from '../../ui/notice';
import { useSchoolTime, useStaffErrors } from '../../lib/staff/staff-context';
import { LoadState, StaffSection } from '../../ui/staff-section';
import { Field, TextField } from '../../ui/field';
import { useInvalidate } from '../../lib/staff/staff-query';
import { auditKeys } from '../audit/audit-queries';
import { deviceKeys, useSchoolDevices } from './device-queries';
import { EnrolmentCodeCard } from './enrolment-code-card';
import { describeDevice, deviceStatusTag, poolSize, sortDevices } from './device-words';
import { enrolDevice, issueDeviceCode, revokeDevice, type EnrolledDevice } from './staff-devices-api';
import './devices-section.css';

/**
 * Coordinators: enrol the school's iPads for Peerbridge, give one a new code, and take
 * them off it. The iPads enrolled here are the pool sessions are booked against.
 */
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
  const [recoding, setRecoding] = useState<string | null>(null);

  const newCode = async (device: DeviceSummary) => {
    setRecoding(device.id);
    try {
      setEnrolled(await issueDeviceCode(device.id));
      setProblem(null);
      await devicesChanged();
    } catch (error) {
      setProblem(handleError(error).message);
    } finally {
      setRecoding(null);
    }
  };

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
        <p className="staff-muted" data-testid="device-pool">
          {poolWords(poolSize(list))}
        </p>
      ) : null}
      {list && list.length > 0 ? (
        <ul className="staff-list" aria-label="The school's iPads">
          {list.map((device) => (
            <li key={device.id} className="staff-row" data-testid="device-row" data-device-id={device.id} data-status={device.status}>
              <div className="staff-row__main">
                <span className="device-row__heading">
                  <span className="staff-row__title">{device.label}</span>
                  <span className={`staff-tag staff-tag--${deviceStatusTag[device.status].tone}`} data-testid="device-status">
                    {deviceStatusTag[device.status].words}
                  </span>
                </span>
                <span className="staff-muted" data-testid="device-detail">
                  {describeDevice(device, time)}
                </span>
              </div>
              {device.status === 'removed' ? null : (
                <div className="device-row__actions">
                  <Button
                    variant="secondary"
                    data-testid="device-new-code"
                    disabled={recoding === device.id}
                    aria-busy={recoding === device.id}
                    onClick={() => void newCode(device)}
                  >
                    New code
                  </Button>
                  <Button variant="danger" data-testid="device-revoke" onClick={() => setRevoking(device)}>
                    Remove
                  </Button>
                </div>
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
  const [room, setRoom] = useState('');
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
      onEnrolled(await enrolDevice(label.trim(), room.trim() || undefined));
      setLabel('');
      setRoom('');
    } catch (cause) {
      setError(handleError(cause).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="staff-inline-form" onSubmit={(event) => void submit(event)} noValidate>
      <Field label="Enrol an iPad" error={error} errorTestId="device-enrol-error">
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
      <TextField
        label="Room (optional)"
        hint="Where the iPad lives, so whoever sets it up can find it."
        data-testid="device-room-input"
        placeholder="e.g. Library"
        maxLength={60}
        value={room}
        onChange={(event) => setRoom(event.target.value)}
        disabled={busy}
      />
    </form>
  );
}

/** Sessions at the same time each need one of these: an iPad waiting for its code does not count. */
function poolWords(enrolled: number): string {
  if (enrolled === 0) return 'No iPad is set up yet, so no session can be booked: type a code on one first.';
  if (enrolled === 1) return '1 iPad is set up: one session at a time can be booked at this school.';
  return `${enrolled} iPads are set up: up to ${enrolled} sessions at the same time can be booked at this school.`;
}
