import { refuseYearlyStatistics } from '#shared/policy/statistics';
import type { User } from '#shared/org';

/** "Thống kê": the campaign's statistics sheet, and the yearly forms for those who may export them. */
export interface StatisticsActions {
  /** Reads the chosen campaign's statistics and rewrites the "Thống kê" sheet and its charts. */
  refresh(): Promise<void>;
  /** Reads the year's figures and writes the sheets "Biểu 0601"…"Biểu 0605". */
  exportYear(year: number): Promise<void>;
}

/** Whether the pane offers the yearly forms to this user (shared/policy/statistics.ts decides). */
export function mayExportYear(user: User | undefined): boolean {
  return !!user && refuseYearlyStatistics(user) === undefined;
}
