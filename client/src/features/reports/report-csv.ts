import type { ReportTable } from '@peerbridge/shared';

/*
 * A report table as CSV: the heading row, then each row's label and the cells' text exactly as the screen
 * shows them ("<5" for a suppressed count, "83%" for a rate), so the file and the screen never disagree.
 */

export function csvField(text: string): string {
  // A leading =, +, - or @ would be run as a formula by a spreadsheet: quote it and lead with an apostrophe.
  const safe = /^[=+\-@]/.test(text) && !/^-?\d/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) || safe !== text ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function tableCsv(table: ReportTable): string {
  const lines = [table.columns, ...table.rows.map((row) => [row.label, ...row.cells.map((c) => c.text)])];
  return `${lines.map((line) => line.map(csvField).join(',')).join('\r\n')}\r\n`;
}

/** "report-riverside-high-school-autumn-1-referrals_by_reason.csv" */
export function csvFileName(scopeName: string, termName: string | null, tableId: string): string {
  const slug = (s: string) =>
    s
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '');
  return `report-${[slug(scopeName), termName ? slug(termName) : 'all-time', tableId].join('-')}.csv`;
}

/** Offers the text as a file download (the browser's own save). */
export function downloadCsv(fileName: string, csv: string): void {
  const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
