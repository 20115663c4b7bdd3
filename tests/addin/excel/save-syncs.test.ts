import { describe, expect, it } from 'vitest';
import type { RowWrite } from '#addin/excel/gateway';
import { RESPONSE_BUDGET_BYTES } from '#addin/excel/payload';
import { TABLE_NAME, type CellValue } from '#shared/sheet/index';
import { EXCEL_ONLINE_LIMIT_BYTES } from '#tests/e2e/host/excel-api';
import { jsonBytes } from '#tests/e2e/host/values';
import { putRows } from '#tests/support/office/excel';
import { col, columns, resultsFor, resultsNow, typicalResult, typicalRow, withRows } from './sheet-fixtures';

/**
 * A save's round trips to Excel (issue 13), as the controller makes them: readRows, then, once the server
 * answered, writeResults. Whatever the sheet already holds (saved rows, the add-in's notes, a person's
 * note), a save is one request to read, one to read again what it writes (its notes located in it) and
 * one to write; only a body whose values exceed what one response may carry is read in more.
 */

/** A row pasted by a clerk: input cells only, no bookkeeping yet. */
const pasted = (i: number): CellValue[] => typicalRow(i).map((value, c) => (columns[c]!.role === 'input' ? value : ''));
const all = (n: number, make: (i: number) => RowWrite = typicalResult) => Array.from({ length: n }, (_, i) => make(i));

type Office = Awaited<ReturnType<typeof withRows>>;

/** One save of `writes` over the sheet as it is: its syncs, its largest request, where its results went. */
async function save(office: Office, writes: (rows: CellValue[][]) => RowWrite[]) {
  const { gateway, host } = office;
  const start = { syncs: gateway.syncCount, requests: host.stats.requests.length };
  const snapshot = await gateway.readRows(columns);
  const read = gateway.syncCount - start.syncs;
  const knownIds = snapshot.rows.map((row) => String(row[col('id')] ?? ''));
  const report = await gateway.writeResults(columns, resultsFor(snapshot.rows, writes(snapshot.rows), knownIds));
  const requests = host.stats.requests.slice(start.requests);
  return {
    syncs: gateway.syncCount - start.syncs,
    read,
    failed: requests.filter((request) => request.error).length,
    largest: Math.max(...requests.map((request) => Math.max(request.bytes, request.responseBytes))),
    placed: report.placements.filter((placement) => placement?.exact).length,
  };
}

describe('a save takes at most 3 syncs whatever the sheet holds', () => {
  it('1,000 rows pasted into an empty sheet: 3 syncs, every result on its row', async () => {
    const office = await withRows(
      {},
      all(1000, () => ({}) as RowWrite).map((_, i) => pasted(i)),
    );
    const result = await save(office, (rows) => rows.map((_, i) => typicalResult(i)));
    expect(result).toMatchObject({ syncs: 3, read: 1, failed: 0, placed: 1000 });
    expect(result.largest).toBeLessThan(EXCEL_ONLINE_LIMIT_BYTES);
    expect(office.sheet.notes).toHaveLength(100);
  });

  it("5,000 rows pasted under 1,000 saved rows that carry the add-in's notes and a person's: 3 syncs", async () => {
    const office = await withRows(
      {},
      all(1000, () => ({}) as RowWrite).map((_, i) => typicalRow(i)),
    );
    const { gateway, workbook, sheet, table } = office;
    await gateway.writeResults(columns, resultsNow(workbook, all(1000)));
    sheet.notes.push({ id: 'person', row: table.top + 3, column: col('nominee'), content: 'Chị Lan: kiểm tra lại tên' });
    putRows(
      sheet,
      table.top + 1 + 1000,
      table.left,
      Array.from({ length: 5000 }, (_, i) => pasted(1000 + i)),
    );
    table.rowCount = 6000;
    // Every row answered: the 5,000 new ones saved, the 1,000 earlier ones' findings changed (rule 8).
    const result = await save(office, (rows) => rows.map((_, i) => typicalResult(i)));
    expect(result).toMatchObject({ syncs: 3, read: 1, failed: 0, placed: 6000 });
    expect(result.largest).toBeLessThan(EXCEL_ONLINE_LIMIT_BYTES);
    expect(sheet.notes.filter((note) => note.id === 'person')).toHaveLength(1);
    expect(sheet.notes).toHaveLength(601);
    expect(workbook.table(TABLE_NAME)!.bodyValues()[5999]![col('id')]).toBe('nom-005999');
  });

  it('scattered rows changed across 10,000 saved rows: the read in as many requests as its size needs, then 2', async () => {
    const office = await withRows(
      {},
      all(10_000, () => ({}) as RowWrite).map((_, i) => typicalRow(i)),
    );
    const { gateway, workbook, sheet, table } = office;
    await gateway.writeResults(columns, resultsNow(workbook, all(10_000)));
    await gateway.readRows(columns); // as on opening: the pane learns how large the sheet is
    const changed = Array.from({ length: 50 }, (_, i) => i * 199 + 7);
    for (const row of changed) sheet.ensure(table.top + 1 + row, col('note')).value = 'Bổ sung minh chứng';

    const result = await save(office, () => changed.map((row) => ({ ...typicalResult(row), messages: 'Đã lưu lại.' })));
    // The arithmetic: 10,000 rows of ~750 bytes are ~7.4 MB of values, more than the 5 MB one response may
    // carry: read in ⌈7.4 MB / 4.5 MB⌉ = 2 requests, none refused first; then one to read back the 50 rows
    // written (and the id and STT columns, the notes located), one to write.
    const body = workbook.table(TABLE_NAME)!.bodyValues();
    const perRequest = Math.floor(RESPONSE_BUDGET_BYTES / (jsonBytes(body.slice(0, 200)) / 200 + 1));
    const reads = Math.ceil(10_000 / perRequest);
    expect(reads).toBe(2);
    expect(result).toMatchObject({ syncs: reads + 2, read: reads, failed: 0, placed: 50 });
    expect(result.largest).toBeLessThan(EXCEL_ONLINE_LIMIT_BYTES);
    expect(changed.map((row) => body[row]![col('messages')])).toEqual(changed.map(() => 'Đã lưu lại.'));
  });
});

describe('the row written after a dossier file changed ("Hồ sơ đính kèm")', () => {
  /** What files-view.ts writes: the row with its new "Số tệp" count, its findings as messages, fill and notes. */
  const dossierWrite = (row: CellValue[], rowIndex: number, notes: RowWrite['notes']) => ({
    rowIndex,
    expect: { id: String(row[col('id')]), fingerprint: '' },
    values: row.map((value, c) => (c === col('dossier.TO_TRINH.files') ? 1 : c === col('messages') ? 'Cảnh báo: thiếu bản quét' : value)),
    messages: 'Cảnh báo: thiếu bản quét',
    mark: 'warning' as const,
    notes,
  });

  it('one sync where the row is as read: its count, findings and notes, a stale note of the add-in replaced', async () => {
    const office = await withRows(
      {},
      all(10, () => ({}) as RowWrite).map((_, i) => typicalRow(i)),
    );
    const { gateway, workbook, sheet, table } = office;
    await gateway.writeResults(columns, resultsNow(workbook, all(10)));
    await gateway.readRows(columns);
    expect(sheet.notes.map((note) => [note.row, note.column])).toEqual([[table.top + 1, col('awardForm')]]);

    const row = (await gateway.readRow(columns, 0))!;
    const before = gateway.syncCount;
    const placement = await gateway.writeRow(
      columns,
      dossierWrite(row, 0, [{ columnId: 'dossier.BIEN_BAN_HOP_XET.present', text: 'Thiếu bản quét' }]),
    );
    expect(gateway.syncCount - before).toBe(1);
    expect(placement).toEqual({ rowIndex: 0, exact: false });
    const body = workbook.table(TABLE_NAME)!.bodyValues();
    expect([body[0]![col('dossier.TO_TRINH.files')], body[0]![col('messages')]]).toEqual([1, 'Cảnh báo: thiếu bản quét']);
    expect(sheet.notes.map((note) => [note.row, note.column])).toEqual([[table.top + 1, col('dossier.BIEN_BAN_HOP_XET.present')]]);

    // A second change of the same row: one sync again.
    const again = gateway.syncCount;
    await gateway.writeRow(columns, dossierWrite(row, 0, []));
    expect(gateway.syncCount - again).toBe(1);
    expect(sheet.notes).toEqual([]);
  });

  it('a row sorted elsewhere meanwhile: nothing written on the row now in its place, the results on its own', async () => {
    const office = await withRows(
      {},
      all(10, () => ({}) as RowWrite).map((_, i) => typicalRow(i)),
    );
    const { gateway, workbook, sheet, table } = office;
    await gateway.readRows(columns);
    const row = (await gateway.readRow(columns, 3))!;
    putRows(sheet, table.top + 1 + 3, table.left, [typicalRow(4), typicalRow(3)]); // the user swaps rows 3 and 4
    const placement = await gateway.writeRow(columns, {
      ...dossierWrite(row, 3, []),
      expect: resultsNow(workbook, [{ ...typicalResult(4), rowIndex: 4 }]).writes[0]!.expect,
    });
    expect(placement).toEqual({ rowIndex: 4, exact: true });
    const body = workbook.table(TABLE_NAME)!.bodyValues();
    expect(body[3]![col('messages')]).toBe('');
    expect(body[3]![col('dossier.TO_TRINH.files')]).toBe('');
    expect(body[4]![col('messages')]).toBe('Cảnh báo: thiếu bản quét');
  });
});
