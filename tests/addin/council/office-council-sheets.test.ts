import { describe, expect, it } from 'vitest';
import { createOfficeCouncilSheets } from '#addin/excel/office-council-sheets';
import type { ExcelHost } from '#addin/excel/office-gateway';
import { ExcelFailure } from '#addin/excel/gateway';
import { FakeCouncilExcel } from './fake-council-excel';
import { CAMPAIGN, round, schema } from './fixtures';

function setup(options: { pageLayout?: boolean } = {}) {
  const excel = new FakeCouncilExcel();
  const sheets = createOfficeCouncilSheets({
    excel: excel as unknown as ExcelHost,
    isSetSupported: (name, version) => name === 'ExcelApi' && (version !== '1.9' || options.pageLayout !== false),
  });
  return { excel, sheets };
}

describe('the ballot sheet in Excel', () => {
  it('is written in two syncs whatever the number of ballots (9 or 500), in requests far under 5 MB', async () => {
    const counts: number[] = [];
    for (const ballots of [9, 500]) {
      const { excel, sheets } = setup();
      expect(await sheets.writeBallotSheet(schema(ballots))).toBe('created');
      counts.push(sheets.syncCount);
      expect(excel.unsynced).toBe(0);
      expect(Math.max(...excel.requestSizes)).toBeLessThan(1024 * 1024);
      const read = await sheets.readBallotSheet(schema(ballots));
      counts.push(sheets.syncCount);
      expect(read!.ballots).toHaveLength(ballots);
    }
    expect(counts).toEqual([2, 3, 2, 3]);
  });

  it('lays out headers, marks as text, the mark rule, COUNTA and the red over the places; names never as formulas', async () => {
    const { excel, sheets } = setup();
    await sheets.writeBallotSheet(schema(9));
    const sheet = excel.sheet('Phiếu bầu vòng 1')!;
    expect(sheet.value(1, 3)).toBe('=HYPERLINK("http://x","Lê Văn Cường")');
    expect(sheet.cell(1, 3).formula).toBeUndefined();
    expect(sheet.cell(2, 4).formula).toBe('=COUNTA(B3:D3)');
    expect(sheet.cell(2, 1).numberFormat).toBe('@');
    expect(sheet.merges).toEqual(['A1:A2', 'B1:E1', 'F1:H1']);
    const at = (member: string) => excel.log.filter((e) => e.member === member).map((e) => [e.address, e.value]);
    expect(at('dataValidation.rule')).toEqual([
      ['B3:D11', { list: { inCellDropDown: true, source: 'x' } }],
      ['F3:G11', { list: { inCellDropDown: true, source: 'x' } }],
    ]);
    expect(at('dataValidation.errorAlert')[0]![1]).toMatchObject({ showAlert: true, style: 'Stop', title: 'Ký hiệu không đúng' });
    expect(at('conditionalFormats.add(CellValue).cellValue.rule')).toEqual([
      ['E3:E11', { formula1: '2', operator: 'GreaterThan' }],
      ['H3:H11', { formula1: '1', operator: 'GreaterThan' }],
    ]);
    expect(at('freezePanes.freezeRows')).toEqual([[undefined, 2]]);
    // Everything after the look-up went in one request, with the add-in's events off around it.
    expect(new Set(excel.log.map((e) => e.request))).toEqual(new Set([2]));
    expect(excel.log.filter((e) => e.member === 'runtime.enableEvents').map((e) => e.value)).toEqual([false, true]);
    expect(excel.activeSheet).toBe('Phiếu bầu vòng 1');
  });

  it('keeps an existing ballot sheet and its marks', async () => {
    const { excel, sheets } = setup();
    await sheets.writeBallotSheet(schema(9));
    excel.sheet('Phiếu bầu vòng 1')!.cell(2, 1).value = 'x';
    expect(await sheets.writeBallotSheet(schema(9))).toBe('kept');
    expect(excel.sheet('Phiếu bầu vòng 1')!.value(2, 1)).toBe('x');
  });

  it('reads the marks back in one sync; a missing sheet is undefined', async () => {
    const { excel, sheets } = setup();
    expect(await sheets.readBallotSheet(schema(9))).toBeUndefined();
    await sheets.writeBallotSheet(schema(9));
    const sheet = excel.sheet('Phiếu bầu vòng 1')!;
    sheet.cell(2, 1).value = 'x';
    sheet.cell(2, 2).value = 'x';
    sheet.cell(3, 6).value = 'x';
    const before = sheets.syncCount;
    const read = await sheets.readBallotSheet(schema(9));
    expect(sheets.syncCount - before).toBe(1);
    expect(read!.ballots.slice(0, 2)).toEqual([
      { number: 1, marks: { n1: 'x', n2: 'x' } },
      { number: 2, marks: { n5: 'x' } },
    ]);
  });
});

describe('the result and minutes sheets in Excel', () => {
  const tallied = round({ status: 'tallied' });

  it('rewrites the result sheet in two syncs', async () => {
    const { excel, sheets } = setup();
    const input = { round: 1, campaignTitle: CAMPAIGN.title, result: tallied.result!, minutes: tallied.minutes! };
    await sheets.writeResultSheet(input);
    excel.sheet('Kết quả kiểm phiếu vòng 1')!.cell(50, 0).value = 'stale';
    await sheets.writeResultSheet(input);
    expect(sheets.syncCount).toBe(4);
    const sheet = excel.sheet('Kết quả kiểm phiếu vòng 1')!;
    expect(sheet.value(50, 0)).toBe('');
    expect(excel.log.some((e) => e.member === 'worksheet.delete')).toBe(true);
    const rows = sheet.grid().map((row) => row.join('|'));
    expect(rows).toContain('1|Nguyễn Văn An|Phòng Tổng hợp|6|66,67%|Đạt|Được chọn');
  });

  it('sets A4 portrait, one page wide, margins where ExcelApi 1.9 is; writes without it elsewhere', async () => {
    const withPage = setup();
    expect(await withPage.sheets.writeMinutesSheet(tallied.minutes!)).toEqual({ pageSetup: true });
    const page = Object.fromEntries(withPage.excel.log.filter((e) => e.member.startsWith('pageLayout.')).map((e) => [e.member, e.value]));
    expect(page).toMatchObject({
      'pageLayout.orientation': 'Portrait',
      'pageLayout.paperSize': 'A4',
      'pageLayout.zoom': { horizontalFitToPages: 1 },
      'pageLayout.leftMargin': 85,
      'pageLayout.centerHorizontally': true,
    });
    expect(withPage.sheets.syncCount).toBe(2);

    const without = setup({ pageLayout: false });
    expect(await without.sheets.writeMinutesSheet(tallied.minutes!)).toEqual({ pageSetup: false });
    expect(without.excel.log.some((e) => e.member.startsWith('pageLayout.'))).toBe(false);
    expect(without.excel.sheet('Biên bản kiểm phiếu vòng 1')!.grid().flat()).toContain('BIÊN BẢN KIỂM PHIẾU');
  });

  it('turns Excel errors into ExcelFailure', async () => {
    const { excel, sheets } = setup();
    excel.requestLimit = 10;
    await expect(sheets.writeBallotSheet(schema(9))).rejects.toBeInstanceOf(ExcelFailure);
    expect(excel.eventsEnabled).toBe(true);
  });

  it('lists the Excel API members the council sheets use (for the e2e host)', async () => {
    const { excel, sheets } = setup();
    await sheets.writeBallotSheet(schema(9));
    await sheets.readBallotSheet(schema(9));
    await sheets.writeResultSheet({ round: 1, campaignTitle: CAMPAIGN.title, result: tallied.result!, minutes: tallied.minutes! });
    await sheets.writeMinutesSheet(tallied.minutes!);
    const members = excel.members().map((m) => m.replace(/getItem\([A-Za-z]+\)/, 'getItem(…)'));
    expect([...new Set(members)]).toMatchSnapshot();
  });
});
