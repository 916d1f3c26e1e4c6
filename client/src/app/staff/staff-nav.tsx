import { Link } from 'wouter';
import { useStaffContext } from '../../lib/staff/staff-context';
import { areaPaths, areasFor, areaTitle, type StaffArea } from '../../lib/staff/staff-sections';

/**
 * The one navigation of the staff area: only the areas the roles allow, the
 * open one marked for screen readers too. A column beside the page on a
 * laptop; a wrapped row of links above it at iPad widths (see staff.css).
 */
export function StaffNav({ current }: { current: StaffArea | null }) {
  const { staff } = useStaffContext();
  return (
    <nav className="staff-nav" aria-label="Staff areas" data-testid="staff-nav" data-staff-nav="">
      <ul className="staff-nav__list">
        {areasFor(staff.roles).map((area) => (
          <li key={area}>
            <Link
              href={areaPaths[area]}
              className={`staff-nav__link ${area === current ? 'staff-nav__link--current' : ''}`}
              aria-current={area === current ? 'page' : undefined}
              data-testid={`staff-nav-${area}`}
            >
              {areaTitle(area, staff.roles)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
