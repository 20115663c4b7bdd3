/// <reference types="office-js" />
import type { CellValue } from '#shared/sheet/cells';
import { asText } from '#shared/sheet/plan/codecs';
import { cellName, type PlanGrid } from '#shared/sheet/plan/plan-layout';
import { fromA1 } from '#shared/sheet/plan/plan-reading';
import { PLAN_SHEET } from '#shared/sheet/plan/schema';
import { ExcelFailure } from './gateway';
import { widthInPoints } from './layout';
import { OfficeSession, type OfficeSessionOptions } from './office-session';

/** A message the pane writes beside the plan's cells: on the cell's row, in the messages' column. */
export interface PlanCellMessage {
  row: number;
  column: number;
  text: string;
}

/**
 * What the "Kế hoạch" section asks of Excel. Each call is one Excel.run with a constant number of
 * context.sync calls whatever the plan's size: written in two (one to see whether the sheet is there,
 * one with everything), read in one, its messages written in one.
 */
export interface PlanSheets {
  /** Writes (or rewrites) the sheet and shows it; `readOnly` protects it (HR reads the plan, never edits it). */
  writePlan(grid: PlanGrid, options: { readOnly: boolean }): Promise<void>;
  /** The sheet's values from A1; undefined when there is no such sheet. */
  readPlan(): Promise<CellValue[][] | undefined>;
  /** Replaces the messages' column and the marks on the cells in error with these. */
  writeMessages(messages: readonly PlanCellMessage[], messageColumn: number, rows: number): Promise<void>;
  readonly syncCount: number;
}

const ERROR_FONT = '#C00000';
const PLAIN_FONT = '#000000';
const HEADING_FILL = '#DDEBF7';

export function createOfficePlanSheets(options: OfficeSessionOptions = {}): PlanSheets {
  return new OfficePlanSheets(options);
}

class OfficePlanSheets extends OfficeSession<OfficeSessionOptions> implements PlanSheets {
  writePlan(grid: PlanGrid, options: { readOnly: boolean }): Promise<void> {
    return this.excelRun(async (context) => {
      const existing = context.workbook.worksheets.getItemOrNullObject(PLAN_SHEET);
      await this.sync(context);
      // A fresh sheet: nothing of the last plan (rows, messages, protection) survives the rewrite.
      if (!existing.isNullObject) existing.delete();
      const sheet = context.workbook.worksheets.add(PLAN_SHEET);
      const width = grid.values[0]?.length ?? 0;
      const all = sheet.getRange(`A1:${cellName(grid.values.length - 1, width - 1)}`);
      grid.widths.forEach((characters, column) => (sheet.getRange(cellName(0, column)).format.columnWidth = widthInPoints(characters)));
      // Formats before values, so that text stays text and dates are dates.
      all.numberFormat = grid.formats;
      all.values = grid.values as (string | number | boolean)[][];
      all.format.wrapText = true;
      all.format.verticalAlignment = 'Top';
      const row = (index: number) => sheet.getRange(`A${index + 1}:${cellName(index, width - 1)}`);
      for (const index of [...grid.headingRows, ...grid.titleRows]) row(index).format.font.bold = true;
      for (const index of grid.headerRows) {
        row(index).format.font.bold = true;
        row(index).format.fill.color = HEADING_FILL;
      }
      if (options.readOnly) sheet.protection.protect();
      sheet.activate();
      await this.sync(context);
    });
  }

  async readPlan(): Promise<CellValue[][] | undefined> {
    try {
      return await this.excelRun(async (context) => {
        const used = context.workbook.worksheets.getItem(PLAN_SHEET).getUsedRange(true).load('values,rowIndex,columnIndex');
        await this.sync(context);
        return fromA1(used.values as CellValue[][], used.rowIndex, used.columnIndex);
      });
    } catch (error) {
      if (error instanceof ExcelFailure && error.code === 'ItemNotFound') return undefined;
      throw error;
    }
  }

  writeMessages(messages: readonly PlanCellMessage[], messageColumn: number, rows: number): Promise<void> {
    return this.excelRun(async (context) => {
      const sheet = context.workbook.worksheets.getItem(PLAN_SHEET);
      const byRow = new Map<number, string[]>();
      // The first row holds the column's header: what points at the sheet as a whole goes just below it.
      for (const message of messages) {
        const row = Math.max(1, message.row);
        byRow.set(row, [...(byRow.get(row) ?? []), message.text]);
      }
      if (rows > 1) {
        const body = Array.from({ length: rows - 1 }, (_, index) => [asText((byRow.get(index + 1) ?? []).join('\n'))]);
        sheet.getRange(`${cellName(1, messageColumn)}:${cellName(rows - 1, messageColumn)}`).values = body;
        // The last check's marks go; a font colour, so that the tables' header fills stay.
        sheet.getRange(`A2:${cellName(rows - 1, messageColumn - 1)}`).format.font.color = PLAIN_FONT;
      }
      for (const message of messages) sheet.getRange(cellName(message.row, message.column)).format.font.color = ERROR_FONT;
      await this.sync(context);
    });
  }
}
