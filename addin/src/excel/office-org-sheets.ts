/// <reference types="office-js" />
import type { CellValue } from '#shared/sheet/cells';
import type { OrgColumn } from '#shared/sheet/org-sheet';
import { a1, letter } from './council-doc';
import { ExcelFailure } from './gateway';
import { widthInPoints } from './layout';
import { OfficeSession, type OfficeSessionOptions } from './office-session';

/** Rows below the data laid out for typing or pasting (text, date formats and dropdowns). */
const ROOM_BELOW = 500;

/** A column of an org sheet as the gateway needs it: no record type (shared/sheet/org-columns.ts gives them). */
export type OrgSheetColumn = Pick<OrgColumn<unknown>, 'id' | 'header' | 'width' | 'role' | 'format' | 'options'>;

/** A column's cells below the header, from the first data row, written after a save. */
export interface ColumnWrite {
  column: number;
  values: CellValue[];
}

/**
 * What the org sheets (Đơn vị, Cán bộ, Người dùng) ask of Excel. Each call is one Excel.run with a fixed
 * number of syncs whatever the rows: a sheet is written in two (one to see whether it is there, one with
 * everything), read in one, and a save's results (codes, versions, messages, fingerprints) written in one,
 * a whole column per range.
 */
export interface OrgSheets {
  writeSheet(name: string, columns: readonly OrgSheetColumn[], values: readonly (readonly CellValue[])[], readOnly: boolean): Promise<void>;
  /** The sheet's values from A1 (undefined when there is no such sheet). */
  readSheet(name: string): Promise<CellValue[][] | undefined>;
  writeColumns(name: string, firstRow: number, writes: readonly ColumnWrite[]): Promise<void>;
  readonly syncCount: number;
}

export function createOfficeOrgSheets(options: OfficeSessionOptions = {}): OrgSheets {
  return new OfficeOrgSheets(options);
}

class OfficeOrgSheets extends OfficeSession<OfficeSessionOptions> implements OrgSheets {
  async writeSheet(name: string, columns: readonly OrgSheetColumn[], values: readonly (readonly CellValue[])[], readOnly: boolean) {
    await this.excelRun(async (context) => {
      const existing = context.workbook.worksheets.getItemOrNullObject(name);
      await this.sync(context);
      context.runtime.enableEvents = false;
      if (!existing.isNullObject) existing.delete();
      const sheet = context.workbook.worksheets.add(name);
      const rows = values.length + (readOnly ? 0 : ROOM_BELOW);
      columns.forEach((column, c) => {
        const body = sheet.getRange(a1({ row: 1, column: c, rows: Math.max(rows - 1, 1), columns: 1 }));
        sheet.getRange(`${letter(c)}1`).format.columnWidth = widthInPoints(column.width);
        // Before the values: what is typed or pasted there stays text ("0125", "=…") or reads as a date.
        if (column.format !== 'general') body.numberFormat = (column.format === 'date' ? 'dd/mm/yyyy' : '@') as unknown as string[][];
        if (column.options && column.options.length > 0 && !readOnly) {
          body.dataValidation.rule = { list: { inCellDropDown: true, source: column.options.join(',') } };
        }
        if (column.role === 'system') sheet.getRange(`${letter(c)}1`).getEntireColumn().columnHidden = true;
      });
      if (values.length > 0)
        sheet.getRange(a1({ row: 0, column: 0, rows: values.length, columns: columns.length })).values = values as CellValue[][];
      const header = sheet.getRange(a1({ row: 0, column: 0, rows: 1, columns: columns.length })).format;
      header.font.bold = true;
      header.fill.color = readOnly ? '#E7E6E6' : '#DDEBF7';
      sheet.freezePanes.freezeRows(1);
      sheet.activate();
      context.runtime.enableEvents = true;
      await this.sync(context);
    });
  }

  async readSheet(name: string): Promise<CellValue[][] | undefined> {
    try {
      return await this.excelRun(async (context) => {
        // One round trip: a missing sheet fails the sync with ItemNotFound (caught below).
        const used = context.workbook.worksheets.getItem(name).getUsedRange(true).load('values,rowIndex,columnIndex');
        await this.sync(context);
        // Padded back to A1, so that row and column numbers are the sheet's.
        const pad = (row: CellValue[]) => [...Array.from({ length: used.columnIndex }, () => ''), ...row];
        return [...Array.from({ length: used.rowIndex }, () => [] as CellValue[]), ...(used.values as CellValue[][]).map(pad)];
      });
    } catch (error) {
      if (error instanceof ExcelFailure && error.code === 'ItemNotFound') return undefined;
      throw error;
    }
  }

  async writeColumns(name: string, firstRow: number, writes: readonly ColumnWrite[]): Promise<void> {
    await this.excelRun(async (context) => {
      const sheet = context.workbook.worksheets.getItem(name);
      context.runtime.enableEvents = false;
      for (const write of writes) {
        if (write.values.length === 0) continue;
        const range = sheet.getRange(a1({ row: firstRow, column: write.column, rows: write.values.length, columns: 1 }));
        range.values = write.values.map((value) => [value]);
      }
      context.runtime.enableEvents = true;
      await this.sync(context);
    });
  }
}
