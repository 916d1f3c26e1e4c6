import { expect, test } from '@playwright/test';
import { signInDemoStaff, StaffArea } from '../support/staff-pages.js';
import { bookLifecyclePair, keepDemoTimetable } from '../support/series-lifecycle-setup.js';

/*
 * A pairing's series after booking, on a portrait iPad: the coordinator sees its next
 * sessions, cancels one with a reason, is told in words why a move will not fit, unpairs
 * them; the change log names the children, the session's date and who did it; and the
 * mentor, who has left, is archived and found again under "Show archived students".
 */

test('cancel, refused move, unpair and archive, each named in the change log', async ({ browser }) => {
  const riversideContext = await browser.newContext({ viewport: { width: 768, height: 1024 } });
  const northgateContext = await browser.newContext({ viewport: { width: 1024, height: 768 } });
  let putBack = async () => {};
  try {
    const riverside = await riversideContext.newPage();
    const northgate = await northgateContext.newPage();
    await signInDemoStaff(riverside, 'coordinator@riverside.example');
    await signInDemoStaff(northgate, 'coordinator@northgate.example');
    putBack = await keepDemoTimetable(northgate.request, riverside.request);
    await bookLifecyclePair(northgate.request, riverside.request);

    // Opening the Timetable fetches what the API just booked.
    await new StaffArea(riverside).open('Timetable');
    const timetable = riverside.getByTestId('timetable-section');
    await timetable.getByTestId('pairing-select').selectOption({ label: 'Ezra (mentor) with Noor' });
    const panel = timetable.getByTestId('pairing-series');
    await expect(panel.getByTestId('series-label')).toHaveText('Meets Tuesdays at 09:00 (Riverside High School time).');
    const first = panel.getByTestId('series-session').first();
    await expect(first).toContainText('Tue 14 Sept 2027, 09:00–09:30');

    // Cancel it, with the reason required first.
    await first.getByTestId('open-cancel').click();
    await first.getByTestId('cancel-session-submit').click();
    await expect(first.getByText('Say why: both schools’ coordinators are told.')).toBeVisible();
    await first.getByTestId('cancel-reason').fill('Museum trip');
    await first.getByTestId('cancel-session-submit').click();
    await expect(panel.getByTestId('lifecycle-result')).toContainText('Cancelled the session of Ezra (Northgate Academy) and Noor (Riverside High School) at 09:00 on Tue 14 September');
    await expect(panel.getByTestId('series-session').first()).toHaveAttribute('data-status', 'cancelled');

    // A move to a Wednesday: neither of them is free then, and the refusal says so.
    const second = panel.getByTestId('series-session').nth(1);
    await second.getByTestId('open-move').click();
    await second.getByTestId('move-date').fill('2027-09-22');
    await second.getByTestId('move-time').fill('09:00');
    await second.getByTestId('move-session-submit').click();
    await expect(second.getByTestId('move-session-refused')).toContainText('is not free then');

    // The change log names the children, the session's own date and who cancelled it.
    // (Each action refetches the change log: nothing to press.)
    const changes = timetable.getByTestId('schedule-changes');
    const cancelled = changes.getByTestId('schedule-change').filter({ hasText: 'Museum trip' });
    await expect(cancelled.getByTestId('schedule-change-context')).toHaveText(
      'Ezra (Northgate Academy) and Noor (Riverside High School) · session Tue 14 Sept 2027, 09:00 · by Mr Owen Price',
    );

    // Unpair, with a reason.
    await panel.getByTestId('unpair-reason').fill('Noor asked for a different mentor');
    await panel.getByTestId('unpair-submit').click();
    await expect(timetable.getByTestId('pairing-select')).not.toContainText('Ezra (mentor) with Noor');

    // Northgate archives Ezra, who has left; the archived filter finds him.
    // Opening Students fetches the list afresh, with Ezra (imported through the API) in it.
    await new StaffArea(northgate).open('Students');
    const students = northgate.getByTestId('students-section');
    const archive = students.getByTestId('archive-panel');
    await archive.getByTestId('archive-student').selectOption({ label: 'Ezra Lindqvist (Year 12)' });
    await archive.getByTestId('archive-reason').fill('Moved away');
    await archive.getByTestId('archive-open').click();
    await northgate.getByTestId('archive-confirm').click();
    await expect(archive.getByTestId('archive-result')).toContainText('Archived Ezra Lindqvist. They had no pairings.');
    await expect(archive.getByTestId('archive-student')).not.toContainText('Ezra Lindqvist');
    await archive.getByTestId('show-archived').check();
    await expect(archive.getByTestId('archived-student').filter({ hasText: 'Ezra Lindqvist' })).toContainText('Archived on');
  } finally {
    await putBack();
    await riversideContext.close();
    await northgateContext.close();
  }
});
