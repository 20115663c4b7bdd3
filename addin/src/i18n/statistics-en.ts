import type { STATISTICS_VI } from './statistics-vi';

/** The pane's "Thống kê" section (English): the same keys as statistics-vi.ts. */
export const STATISTICS_EN: Record<keyof typeof STATISTICS_VI, string> = {
  'statistics.heading': 'Statistics',
  'statistics.hint':
    'The "Thống kê" sheet: nominations and awards per unit, award form, status, gender, nominee kind and quota, with charts.',
  'statistics.refresh': 'Open / refresh statistics',
  'statistics.refreshed': 'The "Thống kê" sheet is up to date: {n} nominations, {awards} awarded, {charts} charts.',
  'statistics.year': 'Report year',
  'statistics.export': "Export the year's forms",
  'statistics.exportHint': 'Sheets "Biểu 0601"…"Biểu 0605" after Circular 02/2023/TT-BNV, from the campaigns ending in the year.',
  'statistics.exported': 'Exported {sheets} form sheets for {year} from {n} campaigns; grey cells are figures the product does not hold.',
  'statistics.badYear': 'The report year is a 4-digit number, e.g. 2025.',
};
