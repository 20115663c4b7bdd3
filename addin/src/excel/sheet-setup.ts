/// <reference types="office-js" />
import { SHEET_NAME, sheetText, TABLE_NAME, type ColumnDef } from '#shared/sheet/columns';
import { failure } from './excel-errors';
import { columnLetter, LIST_SHEET_NAME, listPageSetup, listSheetLayout, mapColumns, numberFormatOf, widthInPoints } from './layout';
import { queuePageSetup } from './page-setup';
import type { EventsState } from './write-batches';
import { setEveryCell } from './write-ops';

type Sync = (context: Excel.RequestContext) => Promise<void>;

/**
 * Finds or creates the nomination sheet and lays it out from the column schema, in a fixed number of
 * round trips whatever the data: one to see what exists, one more to read an existing table's header
 * (or to see whether a table-less sheet of that name is empty), then the whole layout in one batch,
 * its print setup included (`pageLayout`: the host has ExcelApi 1.9; without it the sheet prints as Excel's default).
 *
 * Never deletes data: an existing table only gains the columns it lacks (at its end); a sheet named
 * like ours but holding data without our table is refused rather than overwritten.
 */
export async function ensureSheet(
  context: Excel.RequestContext,
  columns: readonly ColumnDef[],
  sync: Sync,
  events: EventsState,
  options: { pageLayout: boolean },
): Promise<void> {
  const { workbook } = context;
  const namedSheet = workbook.worksheets.getItemOrNullObject(SHEET_NAME);
  const existingTable = workbook.tables.getItemOrNullObject(TABLE_NAME);
  const existingList = workbook.worksheets.getItemOrNullObject(LIST_SHEET_NAME);
  await sync(context);

  let table: Excel.Table;
  let tableIndex: number[];
  let headerRowIndex = 0;
  if (!existingTable.isNullObject) {
    const header = existingTable.getHeaderRowRange().load('values,rowIndex');
    await sync(context);
    const map = mapColumns(columns, header.values[0] ?? []);
    headerRowIndex = header.rowIndex;
    table = existingTable;
    context.runtime.enableEvents = false;
    // Missing columns go at the end, in schema order: the data already there stays where it is.
    let next = map.width;
    tableIndex = map.tableIndex.map((index, i) => {
      if (index >= 0) return index;
      table.columns.add(undefined, undefined, columns[i]!.header);
      return next++;
    });
  } else {
    if (!namedSheet.isNullObject) {
      const used = namedSheet.getUsedRangeOrNullObject(true);
      await sync(context);
      if (!used.isNullObject) throw failure('SheetNotEmpty');
    }
    context.runtime.enableEvents = false;
    const sheet = namedSheet.isNullObject ? workbook.worksheets.add(SHEET_NAME) : namedSheet;
    table = sheet.tables.add(`A1:${columnLetter(columns.length - 1)}1`, true);
    table.name = TABLE_NAME;
    table.getHeaderRowRange().values = [columns.map((column) => column.header)];
    tableIndex = columns.map((_, i) => i);
    sheet.activate();
  }

  // The header row stays in view while scrolling 5,000 rows.
  table.worksheet.freezePanes.freezeRows(headerRowIndex + 1);
  const sources = writeLists(workbook, existingList, columns);
  columns.forEach((column, i) => layOutColumn(table.columns.getItemAt(tableIndex[i]!), column, sources.get(i)));
  if (options.pageLayout) queuePageSetup(table.worksheet, listPageSetup(headerRowIndex));
  context.runtime.enableEvents = true;
  events.eventsOff = true;
  await sync(context);
  events.eventsOff = false;
}

/** Rewrites the hidden list sheet from the schema's options; the ranges the dropdowns point at. */
function writeLists(workbook: Excel.Workbook, existing: Excel.Worksheet, columns: readonly ColumnDef[]): Map<number, Excel.Range> {
  const sheet = existing.isNullObject ? workbook.worksheets.add(LIST_SHEET_NAME) : existing;
  sheet.visibility = 'Hidden';
  sheet.getRange().clear('Contents');
  const layout = listSheetLayout(columns, sheetText);
  if (layout.values.length > 0) {
    const width = layout.values[0]!.length;
    sheet.getRange(`A1:${columnLetter(width - 1)}${layout.values.length}`).values = layout.values;
  }
  return new Map(layout.sources.map((source) => [source.columnIndex, sheet.getRange(source.address)]));
}

/**
 * One column's layout. The sheet is NOT protected: protection stops an Excel table from growing when
 * people paste rows below it, which is how this sheet is filled. `locked` is set anyway (inputs
 * unlocked, the add-in's columns locked) so that protecting the sheet later does the right thing.
 */
function layOutColumn(tableColumn: Excel.TableColumn, column: ColumnDef, listSource: Excel.Range | undefined): void {
  const whole = tableColumn.getRange();
  const body = tableColumn.getDataBodyRange();
  whole.format.columnWidth = widthInPoints(column.width);
  // The whole sheet column, not only the body: a row pasted under the table is parsed as text before
  // the table grows around it, so a pasted "03" stays "03".
  setEveryCell(whole.getEntireColumn(), 'numberFormat', numberFormatOf(column));
  body.format.protection.locked = column.role !== 'input';
  if (column.role === 'system') whole.getEntireColumn().columnHidden = true;
  if (column.role === 'output') body.format.wrapText = true;
  if (column.ordinal) body.format.horizontalAlignment = 'Center';
  if (listSource) {
    body.dataValidation.clear();
    body.dataValidation.rule = { list: { inCellDropDown: true, source: listSource } };
    // A warning, not a stop: the parser also takes short names and codes, and the server has the last word.
    body.dataValidation.errorAlert = {
      showAlert: true,
      style: 'Warning',
      title: 'Giá trị ngoài danh mục',
      message: 'Giá trị này không có trong danh sách chọn. Vẫn giữ giá trị đã nhập?',
    };
  }
}
