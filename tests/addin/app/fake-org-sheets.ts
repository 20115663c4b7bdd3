import type { CellValue } from '#shared/sheet/cells';
import type { ColumnWrite, OrgSheets, OrgSheetColumn } from '#addin/excel/office-org-sheets';

/**
 * In-memory org sheets: each sheet a grid of values from A1, as the pane wrote it or the test typed it,
 * with the syncs the Office.js module makes (two to write a sheet, one to read, one for results).
 * Helpers play HR: paste rows under the list, delete a row, read a cell by its header.
 */
export class FakeOrgSheets implements OrgSheets {
  readonly sheets = new Map<string, { values: CellValue[][]; readOnly: boolean }>();
  readonly calls: string[] = [];
  syncCount = 0;

  async writeSheet(name: string, _columns: readonly OrgSheetColumn[], values: readonly (readonly CellValue[])[], readOnly: boolean) {
    this.syncCount += 2;
    this.calls.push(`write:${name}`);
    this.sheets.set(name, { values: values.map((row) => [...row]), readOnly });
  }

  async readSheet(name: string): Promise<CellValue[][] | undefined> {
    this.syncCount += 1;
    this.calls.push(`read:${name}`);
    return this.sheets.get(name)?.values.map((row) => [...row]);
  }

  async writeColumns(name: string, firstRow: number, writes: readonly ColumnWrite[]) {
    this.syncCount += 1;
    this.calls.push(`results:${name}`);
    const sheet = this.sheets.get(name)!.values;
    for (const write of writes)
      write.values.forEach((value, i) => {
        const row = (sheet[firstRow + i] ??= []);
        row[write.column] = value;
      });
  }

  private grid(name: string): CellValue[][] {
    const sheet = this.sheets.get(name);
    if (!sheet) throw new Error(`no sheet ${name}`);
    return sheet.values;
  }

  private at(name: string, header: string): number {
    const index = this.grid(name)[0]!.indexOf(header);
    if (index < 0) throw new Error(`no column ${header} in ${name}`);
    return index;
  }

  /** Rows typed or pasted under the list, by header; the other cells blank. */
  paste(name: string, rows: readonly Record<string, CellValue>[]): void {
    const grid = this.grid(name);
    const width = grid[0]!.length;
    for (const typed of rows) {
      const row: CellValue[] = Array.from({ length: width }, () => '');
      for (const [header, value] of Object.entries(typed)) row[this.at(name, header)] = value;
      grid.push(row);
    }
  }

  /** Deletes the first row whose cell under `header` is `value`. */
  deleteRow(name: string, header: string, value: CellValue): void {
    const grid = this.grid(name);
    const index = grid.findIndex((row, i) => i > 0 && row[this.at(name, header)] === value);
    if (index < 0) throw new Error(`no row with ${header} = ${String(value)}`);
    grid.splice(index, 1);
  }

  /** Sets a cell of the first row whose cell under `header` is `value`. */
  edit(name: string, header: string, value: CellValue, column: string, typed: CellValue): void {
    const row = this.grid(name).find((r, i) => i > 0 && r[this.at(name, header)] === value);
    if (!row) throw new Error(`no row with ${header} = ${String(value)}`);
    row[this.at(name, column)] = typed;
  }

  /** The column under `header`, below the header row. */
  column(name: string, header: string): CellValue[] {
    const index = this.at(name, header);
    return this.grid(name)
      .slice(1)
      .map((row) => row[index] ?? '');
  }

  /** The row whose cell under `header` is `value`, by header. */
  row(name: string, header: string, value: CellValue): Record<string, CellValue> {
    const grid = this.grid(name);
    const row = grid.find((r, i) => i > 0 && r[this.at(name, header)] === value);
    if (!row) throw new Error(`no row with ${header} = ${String(value)}`);
    return Object.fromEntries(grid[0]!.map((h, i) => [String(h), row[i] ?? '']));
  }
}
