import { describe, expect, it } from 'vitest';
import { ExcelFailure } from '#addin/excel/gateway';
import { a1, grid } from '#tests/support/office/excel';
import { CAMPAIGN, councilSheetsOver, round, schema } from './fixtures';

const setup = councilSheetsOver;

describe('the ballot sheet in Excel', () => {
  it('is written in two syncs whatever the number of ballots (9 or 500), in requests far under 5 MB', async () => {
    const counts: number[] = [];
    for (const ballots of [9, 500]) {
      const { host, sheets } = setup();
      expect(await sheets.writeBallotSheet(schema(ballots))).toBe('created');
      counts.push(sheets.syncCount);
      expect(host.stats.autoSyncs).toBe(0);
      expect(Math.max(...host.stats.requests.map((request) => request.bytes))).toBeLessThan(1024 * 1024);
      const read = await sheets.readBallotSheet(schema(ballots));
      counts.push(sheets.syncCount);
      expect(read!.ballots).toHaveLength(ballots);
    }
    expect(counts).toEqual([2, 3, 2, 3]);
  });

  it('lays out headers, marks as text, the mark rule, COUNTA and the red over the places; names never as formulas', async () => {
    const { workbook, host, sheets, sheet: named, ran } = setup();
    await sheets.writeBallotSheet(schema(9));
    const sheet = named('Phiếu bầu vòng 1');
    expect(sheet.value(1, 3)).toBe('=HYPERLINK("http://x","Lê Văn Cường")');
    expect(sheet.get(1, 3)!.formula).toBeUndefined();
    expect(sheet.get(2, 4)!.formula).toBe('=COUNTA(B3:D3)');
    expect(sheet.formatAt(2, 1)).toBe('@');
    expect(sheet.merges.map(a1)).toEqual(['A1:A2', 'B1:E1', 'F1:H1']);
    expect(sheet.validations.filter((v) => v.list).map((v) => [a1(v.rect), { list: v.list }])).toEqual([
      ['B3:D11', { list: { inCellDropDown: true, source: 'x' } }],
      ['F3:G11', { list: { inCellDropDown: true, source: 'x' } }],
    ]);
    expect(sheet.validations[0]!.errorAlert).toMatchObject({ showAlert: true, style: 'Stop', title: 'Ký hiệu không đúng' });
    expect(sheet.conditionalFormats.map((f) => [a1(f.rect), { formula1: f.formula1, operator: f.operator }])).toEqual([
      ['E3:E11', { formula1: '2', operator: 'GreaterThan' }],
      ['H3:H11', { formula1: '1', operator: 'GreaterThan' }],
    ]);
    expect(sheet.frozenRows).toBe(2);
    // Everything after the look-up went in one request, with the add-in's events off around it.
    expect(new Set(host.operations!.filter((op) => !op.label.endsWith('.load(name)')).map((op) => op.request))).toEqual(new Set([2]));
    expect(ran('Runtime.enableEvents').map(([, on]) => on)).toEqual([false, true]);
    expect(workbook.activeSheet.name).toBe('Phiếu bầu vòng 1');
  });

  it('keeps an existing ballot sheet and its marks', async () => {
    const { sheets, sheet } = setup();
    await sheets.writeBallotSheet(schema(9));
    sheet('Phiếu bầu vòng 1').ensure(2, 1).value = 'x';
    expect(await sheets.writeBallotSheet(schema(9))).toBe('kept');
    expect(sheet('Phiếu bầu vòng 1').value(2, 1)).toBe('x');
  });

  it('reads the marks back in one sync; a missing sheet is undefined', async () => {
    const { sheets, sheet: named } = setup();
    expect(await sheets.readBallotSheet(schema(9))).toBeUndefined();
    await sheets.writeBallotSheet(schema(9));
    const sheet = named('Phiếu bầu vòng 1');
    sheet.ensure(2, 1).value = 'x';
    sheet.ensure(2, 2).value = 'x';
    sheet.ensure(3, 6).value = 'x';
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
    const { sheets, sheet: named, ran } = setup();
    const input = { round: 1, campaignTitle: CAMPAIGN.title, result: tallied.result!, minutes: tallied.minutes! };
    await sheets.writeResultSheet(input);
    named('Kết quả kiểm phiếu vòng 1').ensure(50, 0).value = 'stale';
    await sheets.writeResultSheet(input);
    expect(sheets.syncCount).toBe(4);
    const sheet = named('Kết quả kiểm phiếu vòng 1');
    expect(sheet.value(50, 0)).toBe('');
    expect(ran('Worksheet.delete()').length > 0).toBe(true);
    const rows = grid(sheet).map((row) => row.join('|'));
    expect(rows).toContain('1|Nguyễn Văn An|Phòng Tổng hợp|6|66,67%|Đạt|Được chọn');
  });

  it('sets A4 portrait, one page wide, margins where ExcelApi 1.9 is; writes without it elsewhere', async () => {
    const withPage = setup();
    expect(await withPage.sheets.writeMinutesSheet(tallied.minutes!)).toEqual({ pageSetup: true });
    expect(withPage.sheet('Biên bản kiểm phiếu vòng 1').pageLayout).toMatchObject({
      orientation: 'Portrait',
      paperSize: 'A4',
      zoom: { horizontalFitToPages: 1 },
      leftMargin: 85,
      centerHorizontally: true,
    });
    expect(withPage.sheets.syncCount).toBe(2);

    const without = setup({ pageLayout: false });
    expect(await without.sheets.writeMinutesSheet(tallied.minutes!)).toEqual({ pageSetup: false });
    expect(without.host.operations!.some((op) => op.label.startsWith('PageLayout.'))).toBe(false);
    expect(grid(without.sheet('Biên bản kiểm phiếu vòng 1')).flat()).toContain('BIÊN BẢN KIỂM PHIẾU');
  });

  it('turns Excel errors into ExcelFailure', async () => {
    const { workbook, host, sheets } = setup();
    host.requestLimitBytes = 10;
    await expect(sheets.writeBallotSheet(schema(9))).rejects.toBeInstanceOf(ExcelFailure);
    expect(workbook.eventsEnabled).toBe(true);
  });

  it('uses nothing of the Excel API that the stand-in host lacks (it is strict: a gap is recorded and thrown)', async () => {
    const { host, sheets } = setup();
    await sheets.writeBallotSheet(schema(9));
    await sheets.readBallotSheet(schema(9));
    await sheets.writeResultSheet({ round: 1, campaignTitle: CAMPAIGN.title, result: tallied.result!, minutes: tallied.minutes! });
    await sheets.writeMinutesSheet(tallied.minutes!);
    expect(host.stats.gaps).toEqual([]);
  });
});
