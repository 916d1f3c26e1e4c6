import { useState } from 'react';
import { formatCalendarDate } from '../../lib/school-time';
import { Button } from '../../ui/button';
import { LoadState, StaffSection } from '../../ui/staff-section';
import type { DeploymentSchool } from './deployment-api';
import { useDeploymentOverview } from './deployment-queries';
import { PartnershipForm } from './partnership-form';
import { SchoolForm } from './school-form';
import { SchoolStaffForm } from './school-staff-form';
import './deployment.css';

const roleNames: Record<string, string> = { coordinator: 'coordinator', dsl: 'safeguarding lead' };

/** The deployment admin: schools, the partnerships between them, and each school's first coordinator and DSL. */
export function DeploymentSection() {
  const overview = useDeploymentOverview();
  const [openSchool, setOpenSchool] = useState<string | null>(null);
  const data = overview.data;

  return (
    <StaffSection
      id="staff-deployment"
      title="Schools and partnerships"
      testId="deployment-section"
    >
      <LoadState loading={overview.loading} error={overview.error} hasData={data !== null} onRetry={() => void overview.refresh()} what="schools" />

      {data && data.schools.length === 0 ? <p className="staff-muted">No schools yet: add the first below.</p> : null}
      {data && data.schools.length > 0 ? (
        <ul className="staff-list" aria-label="Schools">
          {data.schools.map((school) => (
            <li key={school.id} className="staff-row admin-school" data-testid="school-row" data-school-name={school.name}>
              <div className="staff-row__main">
                <span className="staff-row__title">{school.name}</span>
                <span className="staff-muted">
                  URN {school.urn ?? '—'} · {school.timeZone} · {school.contactEmail ?? 'no contact email'}
                </span>
                <StaffNames school={school} />
              </div>
              <Button
                variant="secondary"
                data-testid="school-add-staff"
                aria-expanded={openSchool === school.id}
                onClick={() => setOpenSchool(openSchool === school.id ? null : school.id)}
              >
                {openSchool === school.id ? 'Close' : 'Add coordinator or DSL'}
              </Button>
              {openSchool === school.id ? <SchoolStaffForm key={school.id} school={school} /> : null}
            </li>
          ))}
        </ul>
      ) : null}

      <SchoolForm onCreated={(school) => setOpenSchool(school.id)} />

      <h3 className="admin-subheading">Partnerships</h3>
      {data && data.partnerships.length === 0 ? <p className="staff-muted">No partnerships yet.</p> : null}
      {data && data.partnerships.length > 0 ? (
        <ul className="staff-list" aria-label="Partnerships">
          {data.partnerships.map((p) => (
            <li key={p.id} className="staff-row" data-testid="partnership-row">
              <div className="staff-row__main">
                <span className="staff-row__title">{p.name}</span>
                <span className="staff-muted">
                  {p.mentorSchool.name} mentors {p.menteeSchool.name}
                  {p.start && p.end ? ` · ${formatCalendarDate(p.start)} to ${formatCalendarDate(p.end)}` : ''}
                </span>
              </div>
            </li>
          ))}
        </ul>
      ) : null}
      {data ? <PartnershipForm schools={data.schools} /> : null}
    </StaffSection>
  );
}

function StaffNames({ school }: { school: DeploymentSchool }) {
  if (school.staff.length === 0) return <span className="staff-muted">No coordinator or DSL yet.</span>;
  return (
    <span className="admin-school__staff">
      {school.staff
        .map((s) => `${s.fullName} (${s.roles.map((r) => roleNames[r] ?? r).join(', ')}${s.setUp ? '' : ', waiting for set-up'})`)
        .join('; ')}
    </span>
  );
}
