import { useState } from 'react';
import { Button } from '../../ui/button';
import './second-factor.css';
import { LoadState, StaffSection } from '../../ui/staff-section';
import { useInvalidate } from '../../lib/staff/staff-query';
import { AuthenticatorEnrolment } from './authenticator-enrolment';
import { ChangePasswordForm } from './change-password-form';
import { CalendarFeedPanel } from '../calendar-feed/calendar-feed-panel';
import { secondFactorKeys, useSecondFactor } from './second-factor-queries';

/** "Your account": the password, the authenticator app for safeguarding records, and one's own calendar feed. */
export function AccountSection() {
  const status = useSecondFactor();
  const invalidate = useInvalidate();
  const [replacing, setReplacing] = useState(false);
  const factor = status.data;

  return (
    <StaffSection id="staff-account" title="Your account" testId="account-section">
      <h3 className="account-security__title">Authenticator app</h3>
      <LoadState loading={status.loading} error={status.error} hasData={factor !== null} onRetry={() => void status.refresh()} what="account" />
      {factor ? (
        <>
          <p className="staff-muted" data-testid="second-factor-status">
            {factor.enrolled
              ? `Set up. ${factor.recoveryCodesLeft} recovery code${factor.recoveryCodesLeft === 1 ? '' : 's'} left.`
              : factor.required
                ? 'Not set up yet. Safeguarding leads need one to open concerns and chronologies.'
                : 'Not set up. This deployment does not require one yet.'}
          </p>
          {!factor.enrolled || replacing ? (
            <AuthenticatorEnrolment
              replacing={factor.enrolled}
              onEnrolled={() => {
                setReplacing(false);
                void invalidate(secondFactorKeys.status);
              }}
            />
          ) : (
            <Button variant="quiet" onClick={() => setReplacing(true)}>
              Replace it (after a new phone)
            </Button>
          )}
        </>
      ) : null}
      <h3 className="account-security__title">Password</h3>
      <ChangePasswordForm />
      <h3 className="account-security__title">Calendar feed</h3>
      <CalendarFeedPanel />
    </StaffSection>
  );
}
