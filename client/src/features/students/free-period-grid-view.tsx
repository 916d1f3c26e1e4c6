import { cellKey, WEEKDAY_LONG, WEEKDAY_SHORT, WEEKDAYS, type GridShape, type GridWeek } from './free-period-grid';

const weekTitle: Record<GridWeek, string> = { A: 'Week A', B: 'Week B', both: 'Every week' };

/** One week's grid: tap a cell to mark the student free (or not) in that period. */
export function FreePeriodGridView({
  week,
  shape,
  ticks,
  disabled,
  describedBy,
  onToggle,
}: {
  week: GridWeek;
  shape: GridShape;
  ticks: ReadonlySet<string>;
  disabled: boolean;
  describedBy?: string;
  onToggle: (weekday: number, period: string) => void;
}) {
  const title = weekTitle[week];
  return (
    <fieldset className="free-grid" data-testid={`free-grid-${week}`} aria-describedby={describedBy}>
      <legend className="free-grid__title">{title}</legend>
      <table className="free-grid__table">
        <thead>
          <tr>
            <th scope="col">Period</th>
            {WEEKDAYS.map((d) => (
              <th key={d} scope="col">
                <abbr title={WEEKDAY_LONG[d]}>{WEEKDAY_SHORT[d]}</abbr>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {shape.periods.map((period) => (
            <tr key={period}>
              <th scope="row">{period}</th>
              {WEEKDAYS.map((weekday) => {
                if (!shape.has(weekday, period)) {
                  return (
                    <td key={weekday} className="free-grid__none" aria-label={`No ${period} on ${WEEKDAY_LONG[weekday]}`}>
                      –
                    </td>
                  );
                }
                const free = ticks.has(cellKey(week === 'B' ? 'B' : 'A', weekday, period));
                return (
                  <td key={weekday}>
                    <button
                      type="button"
                      className={`free-grid__cell${free ? ' free-grid__cell--free' : ''}`}
                      data-testid={`free-cell-${week}-${weekday}-${period}`}
                      aria-pressed={free}
                      aria-label={`${title}, ${WEEKDAY_LONG[weekday]}, ${period}: ${free ? 'free' : 'not free'}`}
                      disabled={disabled}
                      onClick={() => onToggle(weekday, period)}
                    >
                      {free ? 'Free' : ''}
                    </button>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </fieldset>
  );
}
