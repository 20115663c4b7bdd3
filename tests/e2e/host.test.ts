import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, newPage } from './support/browser';
import { columnIndex, COLUMNS, header, SHEET } from './support/rows';
import { startE2eServer, type E2eServer } from './support/server';

/**
 * The stand-in Excel host proven against the add-in's own Excel gateway (addin/src/excel), bundled on
 * a page without the pane: what the gateway asks is implemented, behaves as Office.js does where the
 * add-in depends on it, and anything else fails loudly.
 */
let server: E2eServer;
let browser: Browser;

beforeAll(async () => {
  server = await startE2eServer();
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function gatewayPage(): Promise<Page> {
  const { page, log } = await newPage(browser);
  await page.goto(`${server.url}/gateway.html`);
  await page.waitForFunction(() => !!window.thiduaGateway);
  page.on('close', () => {
    if (log.errors.length > 0) console.error(log.errors);
  });
  return page;
}

/** Where the columns a test types into sit, for code run in the page (which has no schema of its own to ask). */
const at = {
  unit: columnIndex('unit'),
  nominee: columnIndex('nominee'),
  number: columnIndex('dossier.TO_TRINH.number'),
  date: columnIndex('dossier.TO_TRINH.date'),
  note: columnIndex('note'),
  version: columnIndex('version'),
};

describe('the stand-in host under the Excel gateway', () => {
  it('lays out the sheet as ensureSheet asks, in a constant number of requests, and reads it back', async () => {
    const page = await gatewayPage();
    const result = await page.evaluate(async (at) => {
      const g = window.thiduaGateway!;
      const gateway = g.create();
      await gateway.ensureSheet(g.columns);
      const layoutSyncs = gateway.syncCount;
      const snapshot = await gateway.readRows(g.columns);
      // A second ensureSheet finds the table and changes nothing.
      await gateway.ensureSheet(g.columns);
      const host = window.thiduaHost!;
      return {
        layoutSyncs,
        rows: snapshot.rows.length,
        sheets: host.sheets(),
        active: host.activeSheet(),
        table: host.table('TongHopDeNghi'),
        validations: host.validations('Tổng hợp đề nghị'),
        stats: host.stats(),
        textFormat: host.cell('Tổng hợp đề nghị', 5000, at.unit).format,
        versionFormat: host.cell('Tổng hợp đề nghị', 5000, at.version).format,
      };
    }, at);
    expect(result.layoutSyncs).toBeLessThanOrEqual(3);
    expect(result.rows).toBe(0);
    expect(result.table).toMatchObject({ sheet: SHEET, top: 0, left: 0, width: COLUMNS.length, rowCount: 1 });
    expect(result.table!.headers[columnIndex('messages')]).toBe(header('messages'));
    const sheet = result.sheets.find((candidate) => candidate.name === SHEET)!;
    expect(result.active).toBe(SHEET);
    expect(sheet.frozenRows).toBe(1);
    // The system columns (Mã, Phiên bản, Dấu kiểm) are hidden.
    expect(sheet.hiddenColumns).toEqual([columnIndex('id'), columnIndex('version'), columnIndex('rowHash')]);
    // The dropdown lists live on the hidden sheet "Danh mục", referenced as ranges.
    expect(result.sheets.find((candidate) => candidate.name === 'Danh mục')?.visibility).toBe('Hidden');
    expect(result.validations.map((validation) => validation.source)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^Danh mục!A2:A\d+$/)]),
    );
    // Whole-column formats: a row pasted far below the table is still text in text columns.
    expect(result.textFormat).toBe('@');
    expect(result.versionFormat).toBe('General');
    expect(result.stats.gaps).toEqual([]);
    expect(result.stats.autoSyncs).toBe(0);
    // The add-in's own layout raised no onChanged: its events were off while it wrote.
    expect(result.stats.events.byAddin).toBe(0);
    await page.close();
  });

  it("keeps Excel's entry rules: text columns keep what is typed, an apostrophe is not read back, formulas are caught", async () => {
    const page = await gatewayPage();
    const result = await page.evaluate(async (at) => {
      const g = window.thiduaGateway!;
      const host = window.thiduaHost!;
      const gateway = g.create();
      await gateway.ensureSheet(g.columns);
      const row = Array.from({ length: at.note + 1 }, () => '');
      row[at.unit] = 'Phòng Kinh tế';
      row[at.nominee] = "'=Nguyễn Văn A"; // the text prefix
      row[at.number] = '0125/TTr'; // a document number
      row[at.date] = '15/09/2025'; // a date typed in dd/mm/yyyy
      row[at.note] = '=SUM(A1:A2)'; // formula-like text in a text column stays text
      host.paste(1, 0, [row]);
      host.paste(1, at.version, [['03']]); // the General "Phiên bản" column: a number
      host.paste(40, 30, [['=1+2'], ['+84 912 345 678'], ['-5'], ['TRUE']]); // General cells off the table
      const snapshot = await gateway.readRows(g.columns);
      return {
        row: snapshot.rows[0],
        formulas: host.formulaCells(),
        off: [40, 41, 42, 43].map((r) => host.cell('Tổng hợp đề nghị', r, 30)),
      };
    }, at);
    expect(result.row![at.nominee]).toBe('=Nguyễn Văn A');
    expect(result.row![at.number]).toBe('0125/TTr');
    expect(result.row![at.date]).toBe(45915); // 15/09/2025 as Excel's serial
    expect(result.row![at.note]).toBe('=SUM(A1:A2)');
    expect(result.row![at.version]).toBe(3);
    expect(result.off.map((cell) => cell.value)).toEqual(['#NAME?', '#NAME?', -5, true]);
    expect(result.formulas.map((cell) => cell.address)).toEqual(['AE41', 'AE42']);
    await page.close();
  });

  it('writes values, fills and notes through replaceRows, and tells user edits from its own', async () => {
    const page = await gatewayPage();
    const result = await page.evaluate(async () => {
      const g = window.thiduaGateway!;
      const host = window.thiduaHost!;
      const gateway = g.create();
      await gateway.ensureSheet(g.columns);
      let edits = 0;
      const stop = await gateway.onUserEdit(() => (edits += 1));
      const width = g.columns.length;
      const rows = Array.from({ length: 3 }, (_, i) => {
        const values: (string | number | null)[] = Array.from({ length: width }, () => '');
        values[0] = 'Phòng Tổng hợp';
        values[2] = `Người ${i + 1}`;
        return {
          rowIndex: i,
          values,
          messages: i === 1 ? 'Lỗi: thiếu hồ sơ' : '',
          mark: (i === 1 ? 'error' : 'ok') as 'error' | 'ok',
          notes: i === 1 ? [{ columnId: 'nominee', text: 'DOSSIER_INCOMPLETE: thiếu hồ sơ' }] : [],
        };
      });
      const before = gateway.syncCount;
      await gateway.replaceRows(g.columns, rows);
      const writeSyncs = gateway.syncCount - before;
      await new Promise((resolve) => setTimeout(resolve, 50));
      const editsAfterOwnWrite = edits;
      host.paste(2, 4, [['Thành tích sửa tay']]);
      await new Promise((resolve) => setTimeout(resolve, 50));
      const editsAfterUser = edits;
      await stop();
      host.paste(3, 4, [['Sau khi bỏ theo dõi']]);
      await new Promise((resolve) => setTimeout(resolve, 50));
      return {
        writeSyncs,
        editsAfterOwnWrite,
        editsAfterUser,
        editsAfterStop: edits,
        fills: host.tableFills('TongHopDeNghi'),
        messages: host.tableColumn('TongHopDeNghi', 'Kết quả kiểm tra').map((cell) => cell.value),
        notes: host.notes('Tổng hợp đề nghị'),
        stats: host.stats(),
      };
    });
    expect(result.writeSyncs).toBeLessThanOrEqual(3);
    expect(result.fills).toEqual([null, '#FFC7CE', null]);
    expect(result.messages).toEqual(['', 'Lỗi: thiếu hồ sơ', '']);
    expect(result.notes).toEqual([
      { row: 2, column: columnIndex('nominee'), content: 'Kết quả kiểm tra:\nDOSSIER_INCOMPLETE: thiếu hồ sơ' },
    ]);
    expect(result.editsAfterOwnWrite).toBe(0);
    expect(result.editsAfterUser).toBe(1);
    expect(result.editsAfterStop).toBe(1);
    expect(result.stats.gaps).toEqual([]);
    await page.close();
  });

  it('throws PropertyNotLoaded for a property read before load and sync, as Office.js does', async () => {
    const page = await gatewayPage();
    const result = await page.evaluate(async () => {
      const excel = window.Excel as { run<T>(batch: (context: any) => Promise<T>): Promise<T> };
      return excel.run(async (context) => {
        const sheet = context.workbook.worksheets.getItemOrNullObject('Sheet1');
        const codes: string[] = [];
        try {
          void sheet.isNullObject;
        } catch (error) {
          codes.push((error as { code: string }).code);
        }
        const range = sheet.getRange('A1:B2');
        try {
          void range.values;
        } catch (error) {
          codes.push((error as { code: string }).code);
        }
        range.load('rowCount');
        await context.sync();
        try {
          void range.values; // loaded rowCount only
        } catch (error) {
          codes.push((error as { code: string }).code);
        }
        return { codes, isNull: sheet.isNullObject, rows: range.rowCount as number, missing: await missing(context) };
      });
      async function missing(context: any) {
        const table = context.workbook.tables.getItem('NoSuchTable');
        table.getDataBodyRange().load('values');
        try {
          await context.sync();
          return 'synced';
        } catch (error) {
          return (error as { code: string }).code;
        }
      }
    });
    expect(result).toEqual({
      codes: ['PropertyNotLoaded', 'PropertyNotLoaded', 'PropertyNotLoaded'],
      isNull: false,
      rows: 2,
      missing: 'ItemNotFound',
    });
    await page.close();
  });

  it('fails loudly on an API it does not implement, and records it', async () => {
    const page = await gatewayPage();
    const result = await page.evaluate(async () => {
      const excel = window.Excel as { run<T>(batch: (context: any) => Promise<T>): Promise<T> };
      const errors: string[] = [];
      await excel
        .run(async (context) => {
          context.workbook.worksheets.getItemOrNullObject('Sheet1').getRange('A1').getOffsetRange(1, 1);
        })
        .catch((error: Error) => errors.push(error.message));
      await excel
        .run(async (context) => {
          context.workbook.worksheets.getItemOrNullObject('Sheet1').getRange('A1').load('formulas');
        })
        .catch((error: Error) => errors.push(error.message));
      return { errors, gaps: window.thiduaHost!.stats().gaps };
    });
    expect(result.errors).toHaveLength(2);
    expect(result.errors[0]).toMatch(/Range\.getOffsetRange is not implemented/);
    expect(result.gaps).toEqual(['Range.getOffsetRange', "Range.load('formulas')"]);
    await page.close();
  });

  it('refuses a request over 5 MB whole, as Excel on the web does, and the gateway splits its writes under it', async () => {
    const page = await gatewayPage();
    const result = await page.evaluate(async () => {
      const host = window.thiduaHost!;
      const excel = window.Excel as { run<T>(batch: (context: any) => Promise<T>): Promise<T> };
      const big = Array.from({ length: 6000 }, () => ['Nội dung dài '.repeat(80)]);
      const refused = await excel
        .run(async (context) => {
          const sheet = context.workbook.worksheets.getItemOrNullObject('Sheet1');
          sheet.getRange('A1:A6000').values = big;
          await context.sync();
          return 'accepted';
        })
        .catch((error: { code: string }) => error.code);
      const nothingWritten = host.cell('Sheet1', 0, 0).value;

      // The gateway's own split: with the host's limit made smaller than its 4 MB budget, the
      // refused requests are halved until they fit, and every row arrives.
      const g = window.thiduaGateway!;
      const gateway = g.create();
      await gateway.ensureSheet(g.columns);
      host.configure({ requestLimitBytes: 300_000 });
      host.resetStats();
      const width = g.columns.length;
      const rows = Array.from({ length: 1000 }, (_, i) => {
        const values: (string | number | null)[] = Array.from({ length: width }, () => '');
        values[0] = 'Phòng Tổng hợp';
        values[2] = `Người thứ ${i + 1}`;
        values[4] = `Hoàn thành xuất sắc nhiệm vụ được giao, dòng ${i + 1}. `.repeat(4);
        return { rowIndex: i, values, messages: '', mark: 'ok' as const, notes: [] };
      });
      await gateway.replaceRows(g.columns, rows);
      const stats = host.stats();
      const values = host.tableValues('TongHopDeNghi');
      return {
        refused,
        nothingWritten,
        refusedRequests: stats.requests.filter((request) => request.error === 'RequestPayloadSizeLimitExceeded').length,
        largestAccepted: Math.max(...stats.requests.filter((request) => !request.error).map((request) => request.bytes)),
        rowCount: values.length,
        last: values.at(-1)![2],
      };
    });
    expect(result.refused).toBe('RequestPayloadSizeLimitExceeded');
    expect(result.nothingWritten).toBe('');
    expect(result.refusedRequests).toBeGreaterThan(0);
    expect(result.largestAccepted).toBeLessThanOrEqual(300_000);
    expect(result.rowCount).toBe(1000);
    expect(result.last).toBe('Người thứ 1000');
    await page.close();
  });

  it('waits for a cell edit to end before a batch asked to (delayForCellEdit), and selects', async () => {
    const page = await gatewayPage();
    await page.evaluate(async () => {
      const g = window.thiduaGateway!;
      await g.create().ensureSheet(g.columns);
    });
    // A person double-clicks a cell of the table and starts typing.
    const cell = page.locator('td[data-r="1"][data-c="4"]');
    await cell.dblclick();
    await page.keyboard.type('Đang gõ dở');
    const pending = page.evaluate(async () => {
      const g = window.thiduaGateway!;
      const snapshot = await g.create().readRows(g.columns);
      return snapshot.rows[0]?.[4];
    });
    await page.waitForTimeout(300);
    expect(await page.getByTestId('mode').textContent()).toBe('Nhập');
    await page.keyboard.press('Enter');
    // The read waited for the edit and saw the typed value.
    expect(await pending).toBe('Đang gõ dở');

    const selection = await page.evaluate(async () => {
      const g = window.thiduaGateway!;
      const host = window.thiduaHost!;
      const gateway = g.create();
      await gateway.selectCell(g.columns, 0, 'status');
      const selected = host.selection();
      // Two areas (Ctrl+click), on table rows 1 and 3..4.
      host.select('Tổng hợp đề nghị', [
        { row: 2, column: 0 },
        { row: 4, column: 3, rows: 2 },
      ]);
      host.paste(2, 0, [['a'], ['b'], ['c'], ['d']]);
      return { selected, rows: await gateway.selectedRowIndexes() };
    });
    expect(selection.selected).toEqual({ sheet: SHEET, areas: [{ row: 1, column: columnIndex('status'), rows: 1, columns: 1 }] });
    expect(selection.rows).toEqual([1, 3, 4]);
    await page.close();
  });
});

describe("the stand-in host under the council's sheets", () => {
  it('lays out the ballot sheet, counts the marks typed in it, and writes the result and the A4 minutes', async () => {
    const page = await gatewayPage();
    const result = await page.evaluate(async () => {
      const { council } = window.thiduaGateway!;
      const host = window.thiduaHost!;
      const sheets = council.create();
      const schema = council.schema(9);
      const created = await sheets.writeBallotSheet(schema);
      const writeSyncs = sheets.syncCount;
      const again = await sheets.writeBallotSheet(schema);
      // The secretary types the marks of nine ballots: "x" under the names (ballot 9 marks three for two places).
      const pairs = [...council.tiePairs, ['n1', 'n2', 'n3']];
      const candidateColumn = (id: string) =>
        schema.columns.findIndex((column) => column.kind === 'candidate' && column.nominationId === id);
      const rows = pairs.map((pair, i) => {
        const row: (string | number | null)[] = Array.from({ length: schema.columns.length }, () => null);
        row[0] = i + 1;
        for (const id of [...pair, ...(i < 8 ? ['n4'] : [])]) row[candidateColumn(id)] = 'x';
        return row;
      });
      host.paste(schema.headerRows, 0, rows, schema.sheetName);
      const before = sheets.syncCount;
      const parsed = await sheets.readBallotSheet(schema);
      const readSyncs = sheets.syncCount - before;
      const countColumn = schema.columns.findIndex((column) => column.kind === 'count');
      const counts = pairs.map((_, i) => host.cell(schema.sheetName, schema.headerRows + i, countColumn));
      const tallied = council.tallied(parsed!.ballots);
      await sheets.writeResultSheet({
        round: 1,
        campaignTitle: 'Đợt thi đua đặc biệt 2025',
        result: tallied.result,
        minutes: tallied.minutes,
      });
      const minutes = await sheets.writeMinutesSheet(tallied.minutes);
      const names = host.sheets().map((sheet) => sheet.name);
      const ballotSheet = host.sheets().find((sheet) => sheet.name === schema.sheetName)!;
      const minutesSheet = host.sheets().find((sheet) => sheet.name.startsWith('Biên bản'))!;
      return {
        created,
        again,
        writeSyncs,
        readSyncs,
        ballots: parsed!.ballots.length,
        problems: parsed!.problems,
        marks: parsed!.ballots[8]!.marks,
        counts: counts.map((cell) => [cell.value, cell.formula]),
        header: host.cell(schema.sheetName, 1, candidateColumn('n3')).value,
        formulas: host.formulaCells().filter((cell) => !/^=COUNTA\(/.test(cell.formula)),
        merges: ballotSheet.merges,
        conditional: ballotSheet.conditionalFormats,
        frozen: ballotSheet.frozenRows,
        minutes,
        pageLayout: minutesSheet.pageLayout,
        names,
        active: host.activeSheet(),
        stats: host.stats(),
      };
    });
    expect(result.created).toBe('created');
    expect(result.again).toBe('kept');
    expect(result.writeSyncs).toBe(2);
    expect(result.readSyncs).toBe(1);
    expect(result.ballots).toBe(9);
    expect(result.problems).toEqual([]);
    expect(result.marks).toEqual({ n1: 'x', n2: 'x', n3: 'x' });
    // The Giấy khen group's count is COUNTA over its marks, computed; ballot 9's 3 marks exceed its 2 places.
    expect(result.counts[0]).toEqual([2, expect.stringMatching(/^=COUNTA\(/)]);
    expect(result.counts[8]![0]).toBe(3);
    expect(result.conditional.some((rule) => rule.operator === 'GreaterThan' && rule.formula1 === '2')).toBe(true);
    // A candidate named like a formula is a header, in text: the only formulas are the counts.
    expect(result.header).toBe('=HYPERLINK("http://x","Lê Văn Cường")');
    expect(result.formulas).toEqual([]);
    expect(result.merges.length).toBeGreaterThan(0);
    expect(result.frozen).toBe(2);
    expect(result.minutes).toEqual({ pageSetup: true });
    expect(result.pageLayout).toMatchObject({ orientation: 'Portrait', paperSize: 'A4' });
    expect(result.names).toEqual(expect.arrayContaining(['Phiếu bầu vòng 1', 'Kết quả kiểm phiếu vòng 1', 'Biên bản kiểm phiếu vòng 1']));
    expect(result.active).toBe('Biên bản kiểm phiếu vòng 1');
    expect(result.stats.gaps).toEqual([]);
    expect(result.stats.autoSyncs).toBe(0);
    await page.close();
  });
});
