import { useState } from 'react';
import type { ReportQuery } from '@peerbridge/shared';
import { Button } from '../../ui/button';
import { Field } from '../../ui/field';
import { LoadState, RefreshButton, StaffSection } from '../../ui/staff-section';
import { ReportSummary } from './report-summary';
import { ReportTableView } from './report-table-view';
import type { ReportScopeChoice } from './reports-api';
import { useProgrammeReport } from './reports-queries';
import './reports.css';

/**
 * The coordinator's programme reports: their school or a partnership, by term and year group; a chart and a
 * CSV for every table, the figures hidden to protect children listed with why, and a printable summary.
 */
export function ReportsSection() {
  const [scope, setScope] = useState<ReportScopeChoice>({ kind: 'school' });
  const [query, setQuery] = useState<ReportQuery>({});
  const report = useProgrammeReport(scope, query);
  const data = report.data;
  return (
    <StaffSection
      id="reports"
      title="Reports"
      testId="reports-section"
      actions={
        <>
          <RefreshButton onClick={() => void report.refresh()} loading={report.loading} />
          <Button variant="secondary" onClick={() => window.print()} disabled={!data} data-testid="report-print">
            Print summary
          </Button>
        </>
      }
    >
      <LoadState loading={report.loading} error={report.error} hasData={data !== null} onRetry={() => void report.refresh()} what="report" />
      {data ? (
        <>
          <div className="report-filters">
            <Field label="Report for">
              {(control) => (
                <select
                  {...control}
                  className="pb-input"
                  data-testid="report-scope"
                  value={scope.kind === 'school' ? 'school' : scope.id}
                  onChange={(e) => setScope(e.target.value === 'school' ? { kind: 'school' } : { kind: 'partnership', id: e.target.value })}
                >
                  <option value="school">My school</option>
                  {data.options.partnerships.map((p) => (
                    <option key={p.id} value={p.id}>
                      Partnership: {p.name}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field label="Term">
              {(control) => (
                <select {...control} className="pb-input" data-testid="report-term" value={query.term ?? ''} onChange={(e) => setQuery(({ term: _t, ...rest }) => (e.target.value ? { ...rest, term: e.target.value } : rest))}>
                  <option value="">All terms</option>
                  {data.options.terms.map((t) => (
                    <option key={t.name} value={t.name}>
                      {t.name}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field label="Year group">
              {(control) => (
                <select
                  {...control}
                  className="pb-input"
                  data-testid="report-year"
                  value={query.yearGroup ?? ''}
                  onChange={(e) => setQuery(({ yearGroup: _y, ...rest }) => (e.target.value ? { ...rest, yearGroup: e.target.value as NonNullable<ReportQuery['yearGroup']> } : rest))}
                >
                  <option value="">All year groups</option>
                  {data.options.yearGroups.map((y) => (
                    <option key={y} value={String(y)}>
                      Year {y}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          </div>
          <ReportSummary report={data} />
          {data.suppressed.length > 0 ? (
            <details className="report-suppressed" data-testid="report-suppressed">
              <summary>
                {data.suppressed.length} figure{data.suppressed.length === 1 ? '' : 's'} hidden to protect children (counts under {data.threshold})
              </summary>
              <ul>
                {data.suppressed.map((s) => (
                  <li key={`${s.table}/${s.row}/${s.column}`}>
                    {data.tables.find((t) => t.id === s.table)?.title}, {s.row} ({s.column}): {s.reason}.
                  </li>
                ))}
              </ul>
            </details>
          ) : null}
          <div className="report-tables">
            {data.tables.map((t) => (
              <ReportTableView key={t.id} report={data} table={t} />
            ))}
          </div>
        </>
      ) : null}
    </StaffSection>
  );
}
