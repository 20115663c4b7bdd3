/// <reference types="office-js" />
import type { Block, SheetLayout } from '#shared/sheet/statistics/layout';
import { chooseNoteApi } from './cell-notes';
import { a1, emptyDoc } from './council-doc';
import { queueDoc } from './office-council-sheets';
import { OfficeSession, type OfficeSessionOptions } from './office-session';

/**
 * What the statistics ask of Excel: the "Thống kê" sheet with its native charts, and the yearly forms'
 * sheets ("Biểu 0601"…), laid out by shared/sheet/statistics/. One Excel.run of two syncs whatever the
 * sheets, rows and charts: the first sees which sheets are there; the second replaces them whole (their
 * charts go with them, so a refresh never piles charts up) and writes every cell, chart and note.
 */
export interface StatisticsSheets {
  /** Writes the layouts, each on a fresh sheet of its name, and shows the first. */
  writeSheets(layouts: readonly SheetLayout[]): Promise<void>;
  readonly syncCount: number;
}

export function createOfficeStatisticsSheets(options: OfficeSessionOptions = {}): StatisticsSheets {
  return new OfficeStatisticsSheets(options);
}

const corner = (block: Block, bottom: boolean): string =>
  a1({ row: block.row + (bottom ? block.rows - 1 : 0), column: block.column + (bottom ? block.columns - 1 : 0), rows: 1, columns: 1 });

class OfficeStatisticsSheets extends OfficeSession<OfficeSessionOptions> implements StatisticsSheets {
  async writeSheets(layouts: readonly SheetLayout[]): Promise<void> {
    if (layouts.length === 0) return;
    // A figure the data cannot give carries a note (ExcelApi 1.18), else a threaded comment; without
    // either its shading and the sheet's legend line still say it.
    const notes = chooseNoteApi((name, version) => this.isSetSupported(name, version));
    await this.excelRun(async (context) => {
      const existing = layouts.map((layout) => context.workbook.worksheets.getItemOrNullObject(layout.name));
      await this.sync(context);
      context.runtime.enableEvents = false;
      const sheets = layouts.map((layout, i) => {
        if (!existing[i]!.isNullObject) existing[i]!.delete();
        const sheet = context.workbook.worksheets.add(layout.name);
        queueDoc(
          sheet,
          { ...emptyDoc(layout.name, 'replace'), widths: layout.widths, values: layout.values, styles: layout.styles },
          false,
        );
        for (const spec of layout.charts) {
          const chart = sheet.charts.add(spec.type as Excel.ChartType, sheet.getRange(a1(spec.source)), 'Columns');
          chart.name = spec.name;
          chart.title.text = spec.title;
          chart.legend.position = 'Bottom';
          chart.setPosition(corner(spec.at, false), corner(spec.at, true));
        }
        for (const blank of layout.blanks) {
          const cell = sheet.getRange(a1({ row: blank.row, column: blank.column, rows: 1, columns: 1 }));
          if (notes === 'notes') sheet.notes.add(cell, blank.note);
          else if (notes === 'comments') context.workbook.comments.add(cell, blank.note);
        }
        return sheet;
      });
      sheets[0]!.activate();
      context.runtime.enableEvents = true;
      await this.sync(context);
    });
  }
}
