import { Button } from '../../ui/button';
import { ReportChart } from './report-chart';
import { csvFileName, downloadCsv, tableCsv } from './report-csv';
import type { ProgrammeReport, ReportTable } from './reports-api';

/** One report table: its chart, the figures as a table, and its CSV (the same cells' text). */
export function ReportTableView({ report, table }: { report: ProgrammeReport; table: ReportTable }) {
  const download = () => downloadCsv(csvFileName(report.scope.name, report.filters.term?.name ?? null, table.id), tableCsv(table));
  const named = table.id === 'attendance_by_pairing';
  return (
    <section className={`report-table${named ? ' report-table--named' : ''}`} data-testid={`report-table-${table.id}`} aria-label={table.title}>
      <header className="report-table__header">
        <h3 className="report-table__title">{table.title}</h3>
        <Button variant="secondary" onClick={download} data-testid={`report-csv-${table.id}`}>
          Download CSV
        </Button>
      </header>
      {table.rows.length > 0 ? <ReportChart table={table} /> : null}
      <div className="report-table__scroll">
        <table className="report-grid">
          <thead>
            <tr>
              {table.columns.map((c) => (
                <th key={c} scope="col">
                  {c}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.rows.map((row) => (
              <tr key={row.label}>
                <th scope="row">{row.label}</th>
                {row.cells.map((cell, i) => (
                  <td key={i} className={cell.suppressed ? 'report-grid__suppressed' : undefined} title={cell.suppressed ? `Fewer than ${report.threshold}: not shown` : undefined}>
                    {cell.text}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {table.rows.length === 0 ? <p className="staff-muted">Nothing to report yet.</p> : null}
    </section>
  );
}
