/**
 * The stand-in Excel host (tests/e2e/host: the workbook model and Office.js's Excel API over it) in
 * node, for the add-in's unit tests: the same emulator the e2e page runs in Chromium, so that an Excel
 * behaviour is modelled once. A test gives `excel` and `isSetSupported` to the add-in's Excel code and
 * asserts on the workbook (cells, formats, notes, validations, page layout, events), on the host's
 * stats (syncs, request and response bytes, gaps: anything the add-in reached for that the host lacks)
 * and, when asked, on the operations each request ran.
 */
import type { ExcelHost as AddinExcelHost } from '#addin/excel/office-gateway';
import { ExcelHost, type ExcelHostOptions } from '#tests/e2e/host/excel-api';
import { type Sheet, Workbook } from '#tests/e2e/host/model';
import { DEFAULT_REQUIREMENTS, versionAtMost, type RequirementSets } from '#tests/e2e/host/office';
import type { Scalar } from '#tests/e2e/host/values';

export { a1 } from '#tests/e2e/host/model';

export interface StandInExcel {
  workbook: Workbook;
  host: ExcelHost;
  /** What the add-in's Excel code takes as its `excel` (Excel.run). */
  excel: AddinExcelHost;
  isSetSupported(name: string, version: string): boolean;
}

export function standInExcel(options: ExcelHostOptions & { requirements?: RequirementSets } = {}): StandInExcel {
  const workbook = new Workbook();
  const host = new ExcelHost(workbook, { logOperations: true, ...options });
  const requirements = options.requirements ?? DEFAULT_REQUIREMENTS;
  return {
    workbook,
    host,
    excel: host.namespace as unknown as AddinExcelHost,
    isSetSupported: (name, version) => requirements[name] !== undefined && versionAtMost(version, requirements[name]),
  };
}

/** A sheet's values from A1 to its last used cell, row by row, as text. */
export function grid(sheet: Sheet): string[][] {
  const used = sheet.usedRect(true);
  if (!used) return [];
  return Array.from({ length: used.row + used.rows }, (_, r) =>
    Array.from({ length: used.column + used.columns }, (_, c) => String(sheet.value(r, c) as Scalar)),
  );
}
