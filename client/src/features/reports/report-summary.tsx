import type { ProgrammeReport } from './reports-api';

/**
 * The one-page summary for a head teacher or governors: the headline figures and the small aggregate tables,
 * never the named per-pairing table. It is what the page prints (see reports.css).
 */
export function ReportSummary({ report }: { report: ProgrammeReport }) {
  const period = report.filters.term ? `${report.filters.term.name} (${report.filters.term.start} to ${report.filters.term.end})` : 'All terms';
  const year = report.filters.yearGroup ? `Year ${report.filters.yearGroup}` : 'All year groups';
  const compact = report.tables.filter((t) => t.id !== 'attendance_by_pairing' && t.id !== 'questionnaire');
  return (
    <div className="report-summary" data-testid="report-summary">
      <h3 className="report-summary__title">Mentoring programme: {report.scope.name}</h3>
      <p className="report-summary__meta">
        {period} · {year} · produced {report.generatedAt.slice(0, 10)}
      </p>
      <dl className="report-summary__figures">
        {report.headline.map((h) => (
          <div key={h.label} className="report-summary__figure" data-testid="report-headline">
            <dt>{h.label}</dt>
            <dd>{h.cell.text}</dd>
          </div>
        ))}
      </dl>
      <div className="report-summary__tables">
        {compact.map((t) => (
          <table key={t.id} className="report-summary__table">
            <caption>{t.title}</caption>
            <tbody>
              {t.rows.map((r) => (
                <tr key={r.label}>
                  <th scope="row">{r.label}</th>
                  <td>{r.cells[0]?.text}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ))}
      </div>
      <p className="report-summary__note">
        Counts from 1 to {report.threshold - 1} are shown as “&lt;{report.threshold}” so that no child can be identified
        {report.suppressed.length > 0 ? `; ${report.suppressed.length} figure${report.suppressed.length === 1 ? ' was' : 's were'} hidden this way` : ''}.
      </p>
    </div>
  );
}
