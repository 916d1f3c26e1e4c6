import { useState } from 'react';
import { LoadState, RefreshButton, StaffSection } from '../../ui/staff-section';
import { Field } from '../../ui/field';
import { CandidateList } from '../matching/candidate-list';
import { PairingBoard } from '../matching/pairing-board';
import { PairingSeriesPanel } from './pairing-series-panel';
import { ProgrammeForm } from './programme-form';
import { ScheduleChangesPanel } from './schedule-changes-panel';
import { useCandidates, usePartnerships, useProgramme, useScheduleChanges, useTimetables } from './timetable-queries';
import { WeekView } from './week-view';
import './scheduling.css';
import { now } from '../../lib/clock';
import { formatCalendarDate } from '../../lib/school-time';
import { useSchoolTime } from '../../lib/staff/staff-context';

/**
 * Coordinators: the two schools' timetables side by side, when a pairing can
 * meet and booking it, suggested pairings, and what has changed since.
 */
export function TimetableSection() {
  const time = useSchoolTime();
  const partnerships = usePartnerships();
  const changes = useScheduleChanges();
  const [chosenPartnership, setChosenPartnership] = useState<string | null>(null);
  const [chosenPairing, setChosenPairing] = useState<string | null>(null);
  const [date, setDate] = useState(() => time.dateAt(now()));

  const list = partnerships.data ?? [];
  const partnership = list.find((p) => p.id === chosenPartnership) ?? list[0] ?? null;
  const pairing = partnership?.pairings.find((p) => p.id === chosenPairing) ?? partnership?.pairings[0] ?? null;
  const partnershipId = partnership?.id ?? null;
  const pairingId = pairing?.id ?? null;

  const timetables = useTimetables(partnershipId);
  const programme = useProgramme(partnershipId);
  const candidates = useCandidates(pairingId);

  // The partnerships and changes refresh themselves; the timetables, programme and possible times
  // don't (the programme form would be reset under someone's typing), so they have a button.
  const refreshTimetables = () => {
    for (const query of [partnerships, timetables, programme, candidates, changes]) void query.refresh();
  };

  return (
    <StaffSection
      id="staff-timetable"
      title="Timetable"
      testId="timetable-section"
      actions={<RefreshButton label="Refresh timetables" onClick={refreshTimetables} loading={partnerships.loading} />}
    >
      <LoadState
        loading={partnerships.loading}
        error={partnerships.error}
        hasData={partnerships.data !== null}
        onRetry={() => void partnerships.refresh()}
        what="partnerships"
      />
      {partnerships.data && list.length === 0 ? <p className="staff-muted">Your school is in no partnership yet.</p> : null}

      {partnership ? (
        <div className="scheduling-pickers">
          <Field label="Partnership" className="scheduling-picker">
            {(control) => (
              <select
                {...control}
                className="pb-input"
                data-testid="partnership-select"
                value={partnership.id}
                onChange={(event) => {
                  setChosenPartnership(event.target.value);
                  setChosenPairing(null);
                }}
              >
                {list.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name} ({p.mentorSchool.name} → {p.menteeSchool.name})
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label="Pairing" className="scheduling-picker">
            {(control) => (
              <select
                {...control}
                className="pb-input"
                data-testid="pairing-select"
                value={pairing?.id ?? ''}
                disabled={partnership.pairings.length === 0}
                onChange={(event) => setChosenPairing(event.target.value)}
              >
                {partnership.pairings.length === 0 ? <option value="">No pairings yet</option> : null}
                {partnership.pairings.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.mentor.firstName} (mentor) with {p.mentee.firstName}
                  </option>
                ))}
              </select>
            )}
          </Field>
          {programme.data ? (
            <p className="staff-muted scheduling-pickers__programme">
              Programme {formatCalendarDate(programme.data.start)} to {formatCalendarDate(programme.data.end)}, {programme.data.sessionMinutes}-minute sessions
              {programme.data.goals ? `: ${programme.data.goals}` : ''}
            </p>
          ) : null}
        </div>
      ) : null}

      {partnership ? (
        <>
          {!programme.loading && !programme.error ? (
            <ProgrammeForm
              // A fresh form per partnership; a Refresh unmounts it while loading, so it restarts from the server.
              // Keys are unique among the fragment's children: the pairing board is keyed by the partnership too.
              key={`programme-${partnership.id}`}
              partnershipId={partnership.id}
              programme={programme.data}
            />
          ) : (
            <LoadState
              loading={programme.loading}
              error={programme.error}
              hasData={false}
              onRetry={() => void programme.refresh()}
              what="programme"
            />
          )}
          <LoadState
            loading={timetables.loading}
            error={timetables.error}
            hasData={timetables.data != null}
            onRetry={() => void timetables.refresh()}
            what="timetables"
          />
          {timetables.data ? (
            <WeekView
              schools={timetables.data}
              candidates={candidates.data ?? []}
              sessionMinutes={programme.data?.sessionMinutes ?? 30}
              date={date}
              onDateChange={setDate}
            />
          ) : null}

          {pairing ? (
            <div className="scheduling-panel">
              <h3 className="scheduling-panel__title">
                When {pairing.mentor.firstName} and {pairing.mentee.firstName} can meet
              </h3>
              <LoadState
                loading={candidates.loading}
                error={candidates.error}
                hasData={candidates.data != null}
                onRetry={() => void candidates.refresh()}
                what="possible times"
              />
              {candidates.data ? (
                <CandidateList key={pairing.id} pairing={pairing} candidates={candidates.data} />
              ) : null}
            </div>
          ) : null}

          {pairing ? <PairingSeriesPanel key={`series-${pairing.id}`} pairingId={pairing.id} /> : null}

          <PairingBoard key={`board-${partnership.id}`} partnershipId={partnership.id} />
        </>
      ) : null}

      <ScheduleChangesPanel changes={changes} />
    </StaffSection>
  );
}
