import { useState } from 'react';
import type { CalendarFeedScope } from '@peerbridge/shared';
import { useInvalidate } from '../../lib/staff/staff-query';
import { useSchoolTime, useStaffContext, useStaffErrors } from '../../lib/staff/staff-context';
import { Button } from '../../ui/button';
import { Field, TextField } from '../../ui/field';
import { Notice } from '../../ui/notice';
import { LoadState } from '../../ui/staff-section';
import { createCalendarFeed, stopCalendarFeed } from './calendar-feed-api';
import { calendarFeedKeys, useCalendarFeed } from './calendar-feed-queries';
import './calendar-feed.css';
import { feedStatusWords } from './calendar-feed-words';

/**
 * The member of staff's own iCalendar feed: get an address (shown once, since
 * the address itself is the credential), replace it, or stop it. A coordinator
 * may limit it to the series they booked.
 */
export function CalendarFeedPanel() {
  const { staff } = useStaffContext();
  const time = useSchoolTime();
  const handleError = useStaffErrors();
  const invalidate = useInvalidate();
  const status = useCalendarFeed();
  const [scope, setScope] = useState<CalendarFeedScope>('school');
  const [address, setAddress] = useState<{ url: string; replaced: boolean } | null>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const coordinator = staff.roles.includes('coordinator');

  const act = async (work: () => Promise<void>) => {
    setBusy(true);
    setProblem(null);
    try {
      await work();
      await invalidate(calendarFeedKeys.status);
    } catch (cause) {
      setProblem(handleError(cause).message);
    } finally {
      setBusy(false);
    }
  };

  const inUse = status.data?.feed != null;
  return (
    <div className="calendar-feed" data-testid="calendar-feed">
      <LoadState loading={status.loading} error={status.error} hasData={status.data !== null} onRetry={() => void status.refresh()} what="calendar feed" />
      {status.data ? (
        <p className="staff-muted" data-testid="calendar-feed-status">
          {feedStatusWords(status.data, time)}
        </p>
      ) : null}
      {coordinator ? (
        <Field label="The feed shows">
          {(control) => (
            <select {...control} className="pb-input" data-testid="calendar-feed-scope" value={scope} disabled={busy} onChange={(e) => setScope(e.target.value as CalendarFeedScope)}>
              <option value="school">All your school&apos;s sessions</option>
              <option value="mine">Only the series you booked</option>
            </select>
          )}
        </Field>
      ) : null}
      <div className="calendar-feed__actions">
        <Button
          variant="secondary"
          data-testid="calendar-feed-create"
          aria-busy={busy}
          disabled={busy}
          onClick={() => void act(async () => setAddress({ url: await createCalendarFeed(coordinator ? scope : 'school'), replaced: inUse }))}
        >
          {inUse ? 'Replace the address' : 'Get a feed address'}
        </Button>
        {inUse ? (
          <Button
            variant="quiet"
            data-testid="calendar-feed-stop"
            disabled={busy}
            onClick={() =>
              void act(async () => {
                await stopCalendarFeed();
                setAddress(null);
              })
            }
          >
            Stop the feed
          </Button>
        ) : null}
      </div>
      {address ? (
        <>
          <TextField label="Your feed address" hint="Add it to your calendar app as a subscription. It is shown only now; anyone with it sees the sessions." readOnly value={address.url} data-testid="calendar-feed-address" onFocus={(e) => e.target.select()} />
          {address.replaced ? <Notice tone="info">The old address has stopped working: change it in your calendar app too.</Notice> : null}
        </>
      ) : null}
      {problem ? (
        <Notice tone="error" data-testid="calendar-feed-error">
          {problem}
        </Notice>
      ) : null}
    </div>
  );
}
