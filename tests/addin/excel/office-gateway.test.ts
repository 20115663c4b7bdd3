import { describe, expect, it, vi } from 'vitest';
import { NOTE_HEADING } from '#addin/excel/cell-notes';
import { EXCEL_ERROR_MESSAGES } from '#addin/excel/excel-errors';
import { ExcelFailure, type RowWrite } from '#addin/excel/gateway';
import { LIST_SHEET_NAME, MARK_FILLS } from '#addin/excel/layout';
import { KNOWN_IDS_SETTING } from '#addin/excel/office-gateway';
import { SHEET_NAME, TABLE_NAME, type CellValue } from '#shared/sheet/index';
import { LE_VAN_SON, nominateIndividual, saved } from '#tests/unit/fixtures';
import type { Workbook } from '#tests/e2e/host/model';
import { a1, putNote, putRows, putTable, settle } from '#tests/support/office/excel';
import { col, columns, header, resultsFor, resultsNow, setup, sheetContext, typicalResult, typicalRow, withRows } from './sheet-fixtures';

const rows = (n: number): CellValue[][] => Array.from({ length: n }, (_, i) => typicalRow(i));
/** The stand-in host's operations that put formats or notes on cells (RangeFill, notes, comments). */
const FORMAT_OPS = ['RangeFill.color', 'RangeFill.clear', 'NoteCollection.add', 'Note.delete()', 'CommentCollection.add'];
/** The nomination table's body, as Range.values reads it. */
const body = (workbook: Workbook) => workbook.table(TABLE_NAME)!.bodyValues();
/** The labels of the operations run, in order, loads left out (what the add-in changed). */
const changes = (operations: readonly { label: string }[]) =>
  operations.map((operation) => operation.label).filter((label) => !label.includes('.load'));

async function rejection(promise: Promise<unknown>): Promise<ExcelFailure> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ExcelFailure);
  return error as ExcelFailure;
}

describe('ensureSheet', () => {
  it('creates the sheet and its table from the schema in two round trips', async () => {
    const { workbook, host, gateway } = setup();
    await gateway.ensureSheet(columns);

    expect(gateway.syncCount).toBe(2);
    expect(host.stats.syncs).toBe(2);
    expect(host.stats.autoSyncs).toBe(0); // nothing left queued for Excel.run to send by itself
    const table = workbook.table(TABLE_NAME)!;
    const sheet = workbook.sheet(SHEET_NAME)!;
    expect(table.sheet).toBe(sheet);
    expect(table.headers()).toEqual(columns.map((c) => c.header));
    expect(workbook.activeSheet).toBe(sheet);
    expect(sheet.frozenRows).toBe(1);
    // widths in points, ~7 per character
    expect(sheet.columnWidths.get(col('achievements'))).toBe(columns[col('achievements')]!.width * 7);
    // formats on the body: text stays text, dates read dd/mm/yyyy
    expect(sheet.formatAt(1, col('dossier.TO_TRINH.number'))).toBe('@');
    expect(sheet.formatAt(1, col('receivedDate'))).toBe('dd/mm/yyyy');
    // ... and on the whole sheet column: a row pasted under the table is parsed as text before the table takes it
    expect(sheet.formatAt(500, col('dossier.TO_TRINH.number'))).toBe('@');
    // bookkeeping hidden and locked; inputs unlocked; the messages wrap
    expect([...sheet.hiddenColumns].sort((a, b) => a - b)).toEqual([col('id'), col('version'), col('rowHash')]);
    expect(sheet.get(1, col('id'))?.locked ?? true).toBe(true); // Excel's cells are locked unless unlocked
    expect(sheet.get(1, col('unit'))?.locked).toBe(false);
    expect(sheet.get(1, col('messages'))?.wrap).toBe(true);
  });

  it('puts the dropdown lists on a hidden "Danh mục" sheet and points the validations at them', async () => {
    const { workbook, gateway } = setup();
    await gateway.ensureSheet(columns);
    const lists = workbook.sheet(LIST_SHEET_NAME)!;
    expect(lists.visibility).toBe('Hidden');
    const units = columns[col('unit')]!.options!;
    expect(units.map((_, i) => lists.value(i + 1, 0))).toEqual([...units]);
    const rules = workbook.sheet(SHEET_NAME)!.validations.filter((v) => v.list);
    expect(rules.map((v) => v.rect.column)).toEqual(columns.flatMap((c, i) => (c.options?.length ? [i] : [])));
    const { inCellDropDown, source } = rules[0]!.list!;
    const described = typeof source === 'string' ? source : `${source.sheet.name}!${a1(source.rect)}`;
    expect({ list: { inCellDropDown, source: described } }).toEqual({
      list: { inCellDropDown: true, source: `${LIST_SHEET_NAME}!A2:A${units.length + 1}` },
    });
  });

  it('suspends the add-in events while it builds, and turns them back on in the same request', async () => {
    const { workbook, gateway, ran } = setup();
    await gateway.ensureSheet(columns);
    const events = ran('Runtime.enableEvents');
    expect(events.map((e) => [e.request, e.argument])).toEqual([
      [2, false],
      [2, true],
    ]);
    expect(workbook.eventsEnabled).toBe(true);
  });

  it('on an existing table: three round trips, nothing added twice, rows kept', async () => {
    const { workbook, gateway } = await withRows({}, rows(5));
    const before = gateway.syncCount;
    await gateway.ensureSheet(columns);
    expect(gateway.syncCount - before).toBe(3);
    expect(workbook.table(TABLE_NAME)!.headers()).toEqual(columns.map((c) => c.header));
    expect(body(workbook)).toEqual(rows(5));
  });

  it('an older layout gains the columns it lacks, at its end, and loses no data', async () => {
    const { workbook, gateway } = setup();
    const sheet = workbook.addSheet(SHEET_NAME);
    const old = columns.filter((c) => c.id !== 'note' && c.id !== 'rowHash');
    const oldRows = rows(3).map((row) => ['STT', ...row.filter((_, i) => columns[i]!.id !== 'note' && columns[i]!.id !== 'rowHash')]);
    oldRows.forEach((row, i) => (row[0] = i + 1));
    putTable(workbook, sheet, TABLE_NAME, ['Số TT', ...old.map((c) => c.header)], oldRows);

    await gateway.ensureSheet(columns);

    const table = workbook.table(TABLE_NAME)!;
    expect(table.headers()).toEqual(['Số TT', ...old.map((c) => c.header), header('note'), header('rowHash')]);
    expect(body(workbook).map((row) => row.slice(0, old.length + 1))).toEqual(oldRows);
    const { rows: read } = await gateway.readRows(columns);
    expect(read[1]![col('nominee')]).toBe(typicalRow(1)[col('nominee')]);
    expect(read[1]![col('note')]).toBe('');
  });

  it('refuses a sheet of that name holding data but not the table, and leaves it as it is', async () => {
    const { workbook, gateway } = setup();
    const sheet = workbook.addSheet(SHEET_NAME);
    sheet.ensure(0, 0).value = 'Bảng cũ của phòng';
    const failure = await rejection(gateway.ensureSheet(columns));
    expect(failure.code).toBe('SheetNotEmpty');
    expect(workbook.tables).toEqual([]);
    expect(sheet.value(0, 0)).toBe('Bảng cũ của phòng');
  });

  it('builds on an empty sheet of that name', async () => {
    const { workbook, gateway } = setup();
    const sheet = workbook.addSheet(SHEET_NAME);
    await gateway.ensureSheet(columns);
    expect(workbook.table(TABLE_NAME)!.sheet).toBe(sheet);
  });
});

describe('readRows', () => {
  it("one round trip; rows in schema order whatever the table order, a person's own column ignored", async () => {
    const { workbook, gateway } = setup();
    const sheet = workbook.addSheet(SHEET_NAME);
    const order = columns.map((_, i) => i).reverse();
    putTable(
      workbook,
      sheet,
      TABLE_NAME,
      ['Ghi chú riêng', ...order.map((i) => columns[i]!.header)],
      rows(4).map((row) => ['x', ...order.map((i) => row[i]!)]),
    );
    const snapshot = await gateway.readRows(columns);
    expect(gateway.syncCount).toBe(1);
    expect(snapshot.rows).toEqual(rows(4));
  });

  it('a table whose only row is blank is an empty table', async () => {
    const { gateway } = setup();
    await gateway.ensureSheet(columns);
    expect((await gateway.readRows(columns)).rows).toEqual([]);
  });

  it('a table missing a column is refused (ColumnsMissing) rather than read as blanks the save would send', async () => {
    const { workbook, gateway } = setup();
    putTable(
      workbook,
      workbook.addSheet(SHEET_NAME),
      TABLE_NAME,
      columns.filter((c) => c.id !== 'note').map((c) => c.header),
      [],
    );
    const failure = await rejection(gateway.readRows(columns));
    expect(failure.code).toBe('ColumnsMissing');
    expect(failure.userMessage).toEqual(EXCEL_ERROR_MESSAGES.ColumnsMissing);
  });

  it('a body larger than a response may be is read again in slices', async () => {
    const { host, gateway } = await withRows({}, rows(400));
    host.responseLimitBytes = 100_000;
    const snapshot = await gateway.readRows(columns);
    expect(snapshot.rows).toEqual(rows(400));
    expect(gateway.syncCount).toBeGreaterThan(3);
  });
});

describe('a save: readRows then writeResults', () => {
  const all = (n: number, make: (i: number) => RowWrite = typicalResult) => Array.from({ length: n }, (_, i) => make(i));

  /**
   * A whole save's Excel part, as the controller runs it: one readRows, then one writeResults with a
   * result for every row (found by what the read saw) and the known ids. `notes`: the sheet already holds
   * the add-in's notes from an earlier save, and a person's note.
   */
  async function wholeSave(n: number, notes: boolean) {
    const { workbook, host, gateway, sheet } = await withRows({}, rows(n));
    if (notes) {
      await gateway.writeResults(columns, resultsNow(workbook, all(n)));
      putNote(sheet, 2, col('nominee'), 'Chị Lan: kiểm tra lại tên');
    }
    const operations = host.operations!;
    const start = { gateway: gateway.syncCount, host: host.stats.syncs, log: operations.length };
    const snapshot = await gateway.readRows(columns);
    const read = gateway.syncCount - start.gateway;
    const knownIds = snapshot.rows.map((row) => String(row[col('id')]));
    const report = await gateway.writeResults(columns, resultsFor(snapshot.rows, all(n), knownIds));
    const requests = operations.slice(start.log).map((e) => e.request);
    return {
      counts: { read, write: gateway.syncCount - start.gateway - read, total: host.stats.syncs - start.host },
      placed: report.placements.filter((placement) => placement?.exact).length,
      knownIdsRequest: operations.slice(start.log).find((e) => e.label === 'SettingCollection.add')?.request,
      lastRequest: Math.max(...requests),
      notes: sheet.notes.length,
      workbook,
    };
  }

  it('a whole save takes 3 round trips for 10 rows and for 5,000, whether or not the sheet holds notes', async () => {
    for (const notes of [false, true]) {
      const small = await wholeSave(10, notes);
      const large = await wholeSave(5000, notes);
      // read: the rows, the known ids and how many notes; write: the rows written and every note located, then the writes.
      const expected = { read: 1, write: 2, total: 3 };
      expect(small.counts).toEqual(expected);
      expect(large.counts).toEqual(expected);
      expect([small.placed, large.placed]).toEqual([10, 5000]);
      // the known ids go in the request of the last writes, not a request of their own
      expect(large.knownIdsRequest).toBe(large.lastRequest);
      expect(JSON.parse(String(large.workbook.settings.get(KNOWN_IDS_SETTING)))).toHaveLength(5000);
      expect([small.notes, large.notes]).toEqual(notes ? [2, 501] : [1, 500]);
    }
  });

  it('without notes on the sheet the write needs one round trip less', async () => {
    const { workbook, gateway } = await withRows({}, rows(5000));
    const start = gateway.syncCount;
    await gateway.writeResults(
      columns,
      resultsNow(
        workbook,
        all(5000, (i) => ({ ...typicalResult(i), notes: [] })),
      ),
    );
    expect(gateway.syncCount - start).toBe(2);
  });

  it('writes values before formats: every values block, then fills, then notes', async () => {
    const { workbook, host, gateway, ran } = await withRows({}, rows(30));
    const writes: RowWrite[] = Array.from({ length: 30 }, (_, i) => ({
      ...typicalResult(i),
      mark: (['ok', 'warning', 'error'] as const)[Math.floor(i / 10)]!,
      ...(i === 25 ? { values: typicalRow(25).map((value, c) => (c === col('note') ? 'sửa trong lúc lưu' : value)) } : {}),
    }));
    await gateway.writeResults(columns, resultsNow(workbook, writes));
    const ops = host.operations!.map((e) => e.label);
    const lastValues = ops.lastIndexOf('Range.values');
    const firstFormat = ops.findIndex((op) => FORMAT_OPS.includes(op));
    expect(lastValues).toBeGreaterThanOrEqual(0);
    expect(firstFormat).toBeGreaterThan(lastValues);
    // one 2-D block per contiguous run of rows setting the same columns; one fill per run of marks (the messages
    // column to the last bookkeeping one: AA to AD, after the dossier's three file counts; row 25's changed "Ghi chú", Y, with them)
    expect(ran('Range.values').map((e) => e.address)).toEqual(['AA2:AD26', 'Y27:AD27', 'AA28:AD31']);
    const fills = host.operations!.filter((e) => e.label.startsWith('RangeFill.'));
    expect(fills.map((e) => [e.address, e.label === 'RangeFill.clear' ? 'clear' : e.argument])).toEqual([
      ['A2:AD11', 'clear'],
      ['A12:AD21', MARK_FILLS.warning],
      ['A22:AD31', MARK_FILLS.error],
    ]);
    const sheet = workbook.sheet(SHEET_NAME)!;
    expect(sheet.value(2, col('id'))).toBe('nom-000001');
    expect(sheet.value(2, col('version'))).toBe(2);
    expect(sheet.value(2, col('messages'))).toBe('Đã lưu.');
  });

  it('turns the add-in events off for its writes and back on in the same request: onUserEdit hears people only', async () => {
    const { workbook, host, excel, gateway, sheet, ran } = await withRows({}, rows(10));
    const onEdit = vi.fn();
    const unsubscribe = await gateway.onUserEdit(onEdit);
    await gateway.writeResults(columns, resultsNow(workbook, all(10)));
    await settle();
    expect(onEdit).not.toHaveBeenCalled();
    const writeRequest = ran('Range.values')[0]!.request;
    const inRequest = changes(host.operations!.filter((e) => e.request === writeRequest));
    expect(inRequest[0]).toBe('Runtime.enableEvents');
    expect(inRequest.at(-1)).toBe('Runtime.enableEvents');
    expect(ran('Runtime.enableEvents').map((e) => e.argument)).toEqual([false, true]);
    expect(workbook.eventsEnabled).toBe(true);

    // the hazard the suspension avoids: a write with events on is heard like a person's edit
    await excel.run(async (context) => {
      context.workbook.tables.getItem(TABLE_NAME).getDataBodyRange().getCell(0, 0).values = [['Phòng Tổng hợp']];
      await context.sync();
    });
    await settle();
    expect(onEdit).toHaveBeenCalledTimes(1);
    const edit = (source?: 'coauthor') => {
      workbook.userEntry(sheet, 2, col('note'), [['gõ tay']], source);
      return settle();
    };
    await edit();
    expect(onEdit).toHaveBeenCalledTimes(2);
    await edit('coauthor'); // a co-author saves their own edits
    expect(onEdit).toHaveBeenCalledTimes(2);
    await unsubscribe();
    await edit();
    expect(onEdit).toHaveBeenCalledTimes(2);
  });

  it('turns events back on when a write fails half-way, and reports the failure by its code', async () => {
    const { workbook, host, gateway, ran } = await withRows({}, rows(10));
    host.operationFailures.push({ label: 'RangeFill.color', code: 'GeneralException' });
    const writes = Array.from({ length: 10 }, (_, i) => ({ ...typicalResult(i), mark: 'error' as const }));
    const failure = await rejection(gateway.writeResults(columns, resultsNow(workbook, writes)));
    expect(failure.code).toBe('GeneralException');
    expect(failure.userMessage).toEqual(EXCEL_ERROR_MESSAGES.GeneralException);
    expect(workbook.eventsEnabled).toBe(true);
    expect(ran('Runtime.enableEvents').map((e) => e.argument)).toEqual([false, true]);
  });

  it('finds the rows again when they moved during the save (a sort, a row inserted): each result on its own row', async () => {
    const { workbook, gateway, table, sheet } = await withRows({}, rows(10));
    const snapshot = await gateway.readRows(columns);
    // meanwhile the user sorts rows 0 and 1 the other way round, and inserts a blank row on top
    const swapped = [typicalRow(1), typicalRow(0), ...rows(10).slice(2)];
    putRows(sheet, table.top + 1, table.left, [columns.map(() => ''), ...swapped]);
    table.rowCount = 11;

    const report = await gateway.writeResults(columns, resultsFor(snapshot.rows, all(10)));
    expect(report.placements.slice(0, 3)).toEqual([
      { rowIndex: 2, exact: true },
      { rowIndex: 1, exact: true },
      { rowIndex: 3, exact: true },
    ]);
    const after = body(workbook);
    expect(after[2]![col('id')]).toBe('nom-000000');
    expect(after[2]![col('messages')]).toMatch(/^Cảnh báo/); // row 0's result, where row 0 now is
    expect(after[1]![col('messages')]).toBe('Đã lưu.');
    expect(after[0]!.every((value) => value === '')).toBe(true); // the inserted row is left alone
    expect(sheet.get(table.top + 3, 0)?.fill).toBe(MARK_FILLS.warning);
    expect(report.ids.slice(0, 3)).toEqual(['', 'nom-000001', 'nom-000000']);
  });

  it('a row edited during the save, nothing moved: its bookkeeping is written, never its values', async () => {
    const { workbook, gateway, table, sheet } = await withRows({}, rows(3));
    const snapshot = await gateway.readRows(columns);
    sheet.ensure(table.top + 2, col('note')).value = 'gõ thêm trong lúc lưu';
    const writes = all(3, (i) => ({ ...typicalResult(i), values: typicalRow(i) }));
    const report = await gateway.writeResults(columns, resultsFor(snapshot.rows, writes));
    expect(report.placements).toEqual([
      { rowIndex: 0, exact: true },
      { rowIndex: 1, exact: false },
      { rowIndex: 2, exact: true },
    ]);
    const after = body(workbook);
    expect(after[1]![col('note')]).toBe('gõ thêm trong lúc lưu');
    expect(after[1]![col('version')]).toBe(2);
  });

  it('a row that cannot be found (deleted, or edited and moved) is not written, and is reported so', async () => {
    const { workbook, gateway, table, sheet } = await withRows({}, rows(10));
    const snapshot = await gateway.readRows(columns);
    workbook.deleteUp(sheet, { row: table.top + 1 + 4, column: table.left, rows: 1, columns: table.width }); // the user deletes row 4
    const report = await gateway.writeResults(columns, resultsFor(snapshot.rows, [...all(10), typicalResult(10)]));
    expect(report.placements[4]).toBeUndefined();
    expect(report.placements[10]).toBeUndefined(); // a row the read never had
    expect(report.placements[5]).toEqual({ rowIndex: 4, exact: true });
    expect(body(workbook).map((row) => row[col('id')])).not.toContain('nom-000004');
    expect(body(workbook).map((row) => row[col('id')])).not.toContain('nom-000010');
    expect(report.ids).toHaveLength(9);
  });

  it('a new row (no id yet), or a copied row with a borrowed id, takes the id the server gave it', async () => {
    const fresh = typicalRow(0).map((value, i) => (columns[i]!.role === 'system' ? '' : value));
    const { workbook, gateway } = await withRows({}, [fresh, typicalRow(1), typicalRow(1)]);
    const report = await gateway.writeResults(
      columns,
      resultsNow(workbook, [typicalResult(0), { ...typicalResult(2), system: { id: 'nom-new', version: 1, rowHash: 'x' } }]),
    );
    expect(body(workbook).map((row) => row[col('id')])).toEqual(['nom-000000', 'nom-000001', 'nom-new']);
    expect(report.ids).toEqual(['nom-000000', 'nom-000001', 'nom-new']);
  });

  it('the known ids alone: the setting written after one read', async () => {
    const { workbook, gateway } = await withRows({}, rows(3));
    const start = gateway.syncCount;
    const report = await gateway.writeResults(columns, resultsNow(workbook, [], ['nom-000001']));
    expect(gateway.syncCount - start).toBe(2);
    expect(workbook.settings.get(KNOWN_IDS_SETTING)).toBe('["nom-000001"]');
    expect(report).toEqual({ placements: [], ids: ['nom-000000', 'nom-000001', 'nom-000002'] });
  });

  it('a body larger than a response may be is read again in slices before the write', async () => {
    const { workbook, host, gateway } = await withRows({}, rows(400));
    const batch = resultsNow(workbook, all(400));
    host.responseLimitBytes = 100_000;
    const report = await gateway.writeResults(columns, batch);
    expect(report.placements.every((placement) => placement?.exact)).toBe(true);
    expect(body(workbook)[399]![col('version')]).toBe(2);
  });
});

describe('notes on offending cells', () => {
  it("puts the findings as notes, replaces the add-in's stale ones on the rows written, keeps the rest", async () => {
    const { workbook, host, gateway, sheet } = await withRows({}, rows(30));
    await gateway.writeResults(
      columns,
      resultsNow(
        workbook,
        Array.from({ length: 30 }, (_, i) => typicalResult(i)),
      ),
    );
    expect(sheet.notes.map((n) => [n.row, n.column])).toEqual([
      [1, col('awardForm')],
      [11, col('awardForm')],
      [21, col('awardForm')],
    ]);
    expect(sheet.notes[0]!.content).toBe(`${NOTE_HEADING}\nQuy tắc 4 (chỉ tiêu): quá số lượng khen thưởng`);

    // a person's note on a cell of row 20, and row 10 saved again with no finding
    putNote(sheet, 21, col('nominee'), 'Chị Lan: kiểm tra lại tên');
    host.operations!.length = 0;
    await gateway.writeResults(
      columns,
      resultsNow(workbook, [
        { ...typicalResult(10), notes: [] },
        {
          ...typicalResult(20),
          notes: [
            { columnId: 'nominee', text: 'Quy tắc 2' },
            { columnId: 'status', text: 'Quy tắc 6' },
          ],
        },
      ]),
    );
    expect(sheet.notes.map((n) => [n.row, n.column, n.content.split('\n')[0]]).sort()).toEqual(
      [
        [1, col('awardForm'), NOTE_HEADING], // row 0 not written: its note stays
        [21, col('nominee'), 'Chị Lan: kiểm tra lại tên'], // a person's note is never touched nor covered
        [21, col('status'), NOTE_HEADING],
      ].sort(),
    );
    const ops = host.operations!.map((e) => e.label);
    expect(ops.lastIndexOf('Note.delete()')).toBeLessThan(ops.indexOf('NoteCollection.add'));
  });

  it('falls back to threaded comments before ExcelApi 1.18, and to the messages column alone before 1.10', async () => {
    const withComments = await withRows({ notes: 'comments' }, rows(11));
    await withComments.gateway.writeResults(
      columns,
      resultsNow(
        withComments.workbook,
        Array.from({ length: 11 }, (_, i) => typicalResult(i)),
      ),
    );
    expect(withComments.workbook.comments.map((c) => [c.row, c.column, c.content.startsWith(NOTE_HEADING)])).toEqual([
      [1, col('awardForm'), true],
      [11, col('awardForm'), true],
    ]);
    await withComments.gateway.writeResults(columns, resultsNow(withComments.workbook, [{ ...typicalResult(10), notes: [] }]));
    expect(withComments.workbook.comments).toHaveLength(1);

    const without = await withRows({ notes: 'none' }, rows(11));
    await without.gateway.writeResults(
      columns,
      resultsNow(
        without.workbook,
        Array.from({ length: 11 }, (_, i) => typicalResult(i)),
      ),
    );
    expect(without.sheet.notes).toEqual([]);
    expect(without.sheet.value(11, col('messages'))).toMatch(/^Cảnh báo/);
  });
});

describe('replaceRows (a load from the server)', () => {
  it('grows the table with one rows.add, gives new rows their text format before the values: "03" stays "03"', async () => {
    // A table without the sheet-wide column formats ensureSheet sets: the new rows' formats come from replaceRows.
    const { workbook, host, gateway, ran } = setup();
    putTable(
      workbook,
      workbook.addSheet(SHEET_NAME),
      TABLE_NAME,
      columns.map((c) => c.header),
      [],
    );
    const incoming = rows(30);
    incoming[0]![col('dossier.TO_TRINH.number')] = '03';
    await gateway.replaceRows(
      columns,
      incoming.map((values, rowIndex) => ({ rowIndex, values, messages: '', mark: 'ok', notes: [] })),
    );

    expect(ran('TableRowCollection.add').map((e) => (e.argument as unknown[][]).length)).toEqual([29]);
    const after = body(workbook);
    expect(after).toHaveLength(30);
    expect(after[0]![col('dossier.TO_TRINH.number')]).toBe('03');
    expect(after[29]).toEqual(rows(30)[29]);
    expect(workbook.table(TABLE_NAME)!.sheet.get(30, col('messages'))?.wrap).toBe(true);
    const ops = host.operations!.map((e) => e.label);
    expect(ops.indexOf('TableRowCollection.add')).toBeLessThan(ops.indexOf('Range.numberFormat'));
    expect(ops.lastIndexOf('Range.numberFormat')).toBeLessThan(ops.indexOf('Range.values'));
    expect(ops.lastIndexOf('Range.values')).toBeLessThan(ops.findIndex((op) => FORMAT_OPS.includes(op)));
    expect(ran('Range.values')).toHaveLength(1); // all columns, all rows: one 2-D array
  });

  it('writes formula-like text with the text prefix the schema gave it, so it stays text', async () => {
    const nomination = saved(
      nominateIndividual(LE_VAN_SON, { achievements: '=HYPERLINK("http://x.example","Bấm vào đây")', note: '+84 912 345 678' }),
    );
    const values = columns.map((column) => column.write(nomination, sheetContext));
    const { workbook, host, gateway, ran } = setup();
    await gateway.ensureSheet(columns);
    host.operations!.length = 0;
    await gateway.replaceRows(columns, [{ rowIndex: 0, values, messages: '', mark: 'ok', notes: [] }]);
    const written = ran('Range.values')[0]!.argument as CellValue[][];
    expect(written[0]![col('achievements')]).toBe('\'=HYPERLINK("http://x.example","Bấm vào đây")');
    expect(written[0]![col('note')]).toBe("'+84 912 345 678");
    expect(body(workbook)[0]![col('achievements')]).toBe('=HYPERLINK("http://x.example","Bấm vào đây")');
  });

  it('shrinks the table by deleting the rows it no longer needs; an empty load leaves one blank row', async () => {
    const { workbook, gateway, sheet } = await withRows({}, rows(40));
    await gateway.replaceRows(
      columns,
      rows(5).map((values, rowIndex) => ({ rowIndex, values, messages: '', mark: 'unsaved', notes: [] })),
    );
    expect(body(workbook)).toEqual(rows(5));
    expect(sheet.value(6, col('id'))).toBe('');
    expect(sheet.get(1, 0)?.fill).toBe(MARK_FILLS.unsaved);

    await gateway.replaceRows(columns, []);
    expect(workbook.table(TABLE_NAME)!.rowCount).toBe(1);
    expect((await gateway.readRows(columns)).rows).toEqual([]);
    expect(sheet.get(1, 0)?.fill).toBeUndefined(); // no fill
  });

  it('leaves a column people added to the table as it is', async () => {
    const { workbook, gateway } = setup();
    const sheet = workbook.addSheet(SHEET_NAME);
    putTable(
      workbook,
      sheet,
      TABLE_NAME,
      [columns[0]!.header, 'Cột riêng', ...columns.slice(1).map((c) => c.header)],
      [[typicalRow(0)[0]!, 'giữ lại', ...typicalRow(0).slice(1)]],
    );
    await gateway.replaceRows(columns, [{ rowIndex: 0, values: typicalRow(7), messages: '', mark: 'ok', notes: [] }]);
    expect(sheet.value(1, 1)).toBe('giữ lại');
    expect(sheet.value(1, 2)).toBe(typicalRow(7)[1]);
  });

  it('splits a load larger than 5 MB into several requests, each under the limit', async () => {
    const heavy = (i: number) => typicalRow(i).map((value, c) => (columns[c]!.id === 'achievements' ? 'ệ'.repeat(4000) : value));
    const incoming = Array.from({ length: 2000 }, (_, i) => heavy(i));
    const { workbook, host, gateway, ran } = setup();
    await gateway.ensureSheet(columns);
    const before = host.stats.syncs;
    await gateway.replaceRows(
      columns,
      incoming.map((values, rowIndex) => ({ rowIndex, values, messages: '', mark: 'ok', notes: [] })),
    );

    const bytes = new TextEncoder().encode(JSON.stringify(incoming)).length; // ~24 MB of UTF-8
    const writeRequests = host.stats.syncs - before - 1;
    expect(writeRequests).toBeGreaterThanOrEqual(Math.ceil(bytes / (5 * 1024 * 1024)));
    expect(writeRequests).toBeLessThanOrEqual(Math.ceil(bytes / (4 * 1024 * 1024)) + 1);
    expect(Math.max(...host.stats.requests.map((request) => request.bytes))).toBeLessThan(5 * 1024 * 1024);
    expect(body(workbook)).toEqual(incoming);
    expect(ran('Runtime.enableEvents').length).toBe(2 * (writeRequests + 1));
  });

  it('when Excel still refuses a request as too large, halves it and sends again', async () => {
    const { workbook, host, gateway } = setup({ requestLimitBytes: 200_000 });
    await gateway.ensureSheet(columns);
    const before = host.stats.requests.length;
    await gateway.replaceRows(
      columns,
      rows(1000).map((values, rowIndex) => ({ rowIndex, values, messages: '', mark: 'ok', notes: [] })),
    );
    expect(body(workbook)).toEqual(rows(1000));
    const refused = host.stats.requests.slice(before).filter((request) => request.error === 'RequestPayloadSizeLimitExceeded');
    expect(refused.some((request) => request.bytes > 200_000)).toBe(true); // refused, then split
    expect(workbook.eventsEnabled).toBe(true);
  });

  it('a request that cannot be made small enough is reported as RequestPayloadSizeLimitExceeded', async () => {
    const { workbook, host, gateway } = await withRows({}, rows(3));
    host.requestLimitBytes = 50;
    const failure = await rejection(gateway.writeResults(columns, resultsNow(workbook, [typicalResult(0)])));
    expect(failure.code).toBe('RequestPayloadSizeLimitExceeded');
    expect(failure.userMessage.vi).toContain('5 MB');
  });
});

describe('selection', () => {
  it('selectCell activates the sheet and selects the cell, in one round trip', async () => {
    const { workbook, gateway, sheet } = await withRows({}, rows(10));
    workbook.select(workbook.sheet('Sheet1')!, [{ row: 0, column: 0 }]); // the person is on another sheet
    const before = gateway.syncCount;
    await gateway.selectCell(columns, 3, 'awardForm');
    expect(gateway.syncCount - before).toBe(1);
    expect(workbook.activeSheet).toBe(sheet);
    expect(workbook.selection).toEqual({
      sheet,
      areas: [{ row: 4, column: col('awardForm'), rows: 1, columns: 1 }],
      active: { row: 4, column: col('awardForm') },
    });
  });

  it('selectedRowIndexes: the selected rows within the table body, every area', async () => {
    const { workbook, gateway, sheet } = await withRows({}, rows(10));
    workbook.select(sheet, [
      { row: 0, column: 2, rows: 3, columns: 1 },
      { row: 8, column: 40, rows: 10, columns: 2 },
    ]);
    expect(await gateway.selectedRowIndexes()).toEqual([0, 1, 7, 8, 9]);
    workbook.select(workbook.sheet('Sheet1')!, [{ row: 1, column: 0, rows: 2, columns: 1 }]); // rows of another sheet
    expect(await gateway.selectedRowIndexes()).toEqual([]);
  });

  it('readRow: one body row in schema order, in one sync; none past the body', async () => {
    const { gateway } = await withRows({}, rows(10));
    const start = gateway.syncCount;
    expect(await gateway.readRow(columns, 7)).toEqual((await gateway.readRows(columns)).rows[7]);
    expect(gateway.syncCount - start).toBe(2); // readRow's one, then readRows' one
    expect(await gateway.readRow(columns, 10)).toBeUndefined();
  });

  it('before ExcelApi 1.9, the single selected range', async () => {
    const { workbook, gateway, sheet } = await withRows({ notes: 'none' }, rows(10));
    workbook.select(sheet, [{ row: 3, column: 0, rows: 2, columns: 5 }]);
    expect(await gateway.selectedRowIndexes()).toEqual([2, 3]);
  });
});

describe('known ids', () => {
  it('are kept in the workbook as one JSON setting, written with a load or a save, read with the rows', async () => {
    const { workbook, gateway } = setup();
    await gateway.ensureSheet(columns);
    expect((await gateway.readRows(columns)).knownIds).toEqual([]);
    const start = gateway.syncCount;
    await gateway.replaceRows(
      columns,
      rows(2).map((values, rowIndex) => ({ rowIndex, values, messages: '', mark: 'ok', notes: [] })),
      { knownIds: ['nom-1', 'nom-2'] },
    );
    expect(gateway.syncCount - start).toBe(2); // the table, then the rows and the setting in one request
    expect(workbook.settings.get(KNOWN_IDS_SETTING)).toBe('["nom-1","nom-2"]');
    const reopened = setup();
    reopened.workbook.settings.set(KNOWN_IDS_SETTING, workbook.settings.get(KNOWN_IDS_SETTING));
    putTable(
      reopened.workbook,
      reopened.workbook.addSheet(SHEET_NAME),
      TABLE_NAME,
      columns.map((c) => c.header),
      rows(2),
    );
    const snapshot = await reopened.gateway.readRows(columns);
    expect(snapshot).toEqual({ rows: rows(2), knownIds: ['nom-1', 'nom-2'] });
    expect(reopened.gateway.syncCount).toBe(1);
  });

  it('a damaged setting reads as no ids rather than failing the load', async () => {
    const { workbook, gateway } = await withRows({}, rows(1));
    workbook.settings.set(KNOWN_IDS_SETTING, '{not json');
    expect((await gateway.readRows(columns)).knownIds).toEqual([]);
  });
});

describe('errors by code', () => {
  it('a cell being edited: the Vietnamese message says to press Enter or Esc', async () => {
    const { host, gateway } = await withRows({}, rows(2));
    host.failures.push({ code: 'InvalidOperationInCellEditMode' });
    const failure = await rejection(gateway.readRows(columns));
    expect(failure.code).toBe('InvalidOperationInCellEditMode');
    expect(failure.userMessage.vi).toContain('Enter hoặc Esc');
  });

  it('every run asks Excel to wait for a cell edit to end rather than fail; writes are one undo step from ExcelApi 1.20', async () => {
    // A person is typing in a cell: the read waits for the edit to end instead of failing.
    const { workbook, host, gateway } = await withRows({ batchBudgetBytes: 2_000 }, rows(30));
    host.setEditing(true);
    let done = false;
    const reading = gateway.readRows(columns).finally(() => (done = true));
    await settle();
    expect(done).toBe(false);
    host.setEditing(false);
    expect((await reading).rows).toHaveLength(30);
    // A write of several requests (a small budget here) is one undo record from ExcelApi 1.20; one per request before.
    const undoRecords = (office: { host: typeof host }, from: number) =>
      new Set(office.host.stats.requests.slice(from).flatMap((request) => (request.undoGroup === undefined ? [] : [request.undoGroup])));
    const writes = Array.from({ length: 30 }, (_, i) => typicalResult(i));
    const start = host.stats.requests.length;
    await gateway.writeResults(columns, resultsNow(workbook, writes));
    expect(undoRecords({ host }, start).size).toBe(1);
    const older = await withRows({ notes: 'none', batchBudgetBytes: 2_000 }, rows(30));
    const olderStart = older.host.stats.requests.length;
    await older.gateway.writeResults(columns, resultsNow(older.workbook, writes));
    expect(undoRecords(older, olderStart).size).toBeGreaterThan(1);
  });

  it('no table: ItemNotFound, with what to do', async () => {
    const { gateway } = setup();
    const failure = await rejection(gateway.readRows(columns));
    expect(failure.code).toBe('ItemNotFound');
    expect(failure.userMessage.vi).toMatch(/Mở lại add-in/);
  });
});
