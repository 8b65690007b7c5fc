// Wording for import reports.

import type { ImportedItem } from './bindings/ImportedItem';
import type { ImportProblem } from './bindings/ImportProblem';
import type { ImportReport } from './bindings/ImportReport';
import { formatCount } from './format';

/** "notes.json, record 3", "notes.json", "record 3" or "". */
export function origin(file: string | null, record: number | null): string {
  const parts: string[] = [];
  if (file) parts.push(file);
  if (record !== null && record !== undefined) parts.push(`record ${record}`);
  return parts.join(', ');
}

export function itemOrigin(item: ImportedItem): string {
  return origin(item.file, item.record);
}

export function problemOrigin(problem: ImportProblem): string {
  return origin(problem.file, problem.record);
}

/** "2 added, 1 updated, 1 problem"; "nothing new" when nothing happened. */
export function reportSummary(report: ImportReport): string {
  const parts: string[] = [];
  if (report.added.length > 0) parts.push(`${report.added.length} added`);
  if (report.updated.length > 0) parts.push(`${report.updated.length} updated`);
  if (report.unchanged.length > 0) parts.push(`${report.unchanged.length} unchanged`);
  if (report.problems.length > 0) parts.push(formatCount(report.problems.length, 'problem'));
  return parts.length > 0 ? parts.join(', ') : 'nothing new';
}

/** Whether the library changed. */
export function reportChanged(report: ImportReport): boolean {
  return report.added.length > 0 || report.updated.length > 0;
}
