import { describe, expect, it } from 'vitest';
import { paperBallot } from '#shared/council/paper-ballot';
import { a1, grid } from '#tests/support/office/excel';
import { CAMPAIGN, councilSheetsOver, round } from './fixtures';

/**
 * What the council prints, over the stand-in Excel host: the paper ballot of a round (two award forms,
 * one candidate named like a formula) and the page setup of the result sheet.
 */
const setup = councilSheetsOver;

const open = round();
const ballot = () => paperBallot({ campaign: CAMPAIGN, round: open });

describe('the paper ballot (phiếu bầu) of a round', () => {
  it('says who and how: the heading, per form its candidates in the round’s order and the rule line from the round’s rules', () => {
    const paper = ballot();
    expect(paper.sheetName).toBe('Mẫu phiếu bầu vòng 1');
    expect(paper.council).toBe(`HỘI ĐỒNG THI ĐUA – KHEN THƯỞNG ${CAMPAIGN.issuer.toLocaleUpperCase('vi')}`);
    expect(
      paper.forms.map((form) => [form.heading, form.rule, form.candidates.map((c) => `${c.order}. ${c.name} | ${c.unitName}`)]),
    ).toEqual([
      [
        '1. Giấy khen của Chánh Văn phòng (2 suất)',
        'Đánh dấu "x" vào ô bên cạnh người được chọn, tối đa 2 người.',
        ['1. Nguyễn Văn An | Phòng Tổng hợp', '2. Trần Thị Bình | Phòng Tổng hợp', '3. =HYPERLINK("http://x","Lê Văn Cường") | '],
      ],
      [
        '2. Bằng khen của Chủ tịch UBND tỉnh (1 suất)',
        'Đánh dấu "x" vào ô bên cạnh tập thể, cá nhân được chọn, tối đa 1 tập thể, cá nhân.',
        ['1. Phòng Hành chính – Tổ chức | ', '2. Phạm Thị Dung | Phòng Kinh tế'],
      ],
    ]);
    // The mark of the rules the round was opened under, not the campaign's since.
    const opened = paperBallot({ campaign: CAMPAIGN, round: { ...open, rules: { ...CAMPAIGN.council, voteMark: 'v' } } });
    expect(opened.forms[0]!.rule).toContain('"v"');
    expect(opened.notes[0]).toContain('ký hiệu khác "v"');
  });

  it('is written to print in two syncs: A4 portrait, one page wide, the print area over the ballot, a bordered box per candidate', async () => {
    const { sheets, sheet: named, host, workbook } = setup();
    expect(await sheets.writePaperBallot(ballot())).toEqual({ pageSetup: true });
    expect(sheets.syncCount).toBe(2);
    expect(host.stats.gaps).toEqual([]);
    const sheet = named('Mẫu phiếu bầu vòng 1');
    expect(workbook.activeSheet).toBe(sheet);
    const rows = grid(sheet).map((row) => row.join('|'));
    expect(rows.slice(0, 5)).toEqual([
      expect.stringContaining('HỘI ĐỒNG THI ĐUA – KHEN THƯỞNG'),
      '|||',
      'PHIẾU BẦU|||',
      `${CAMPAIGN.title}|||`,
      'Vòng bỏ phiếu thứ 1|||',
    ]);
    const first = rows.indexOf('STT|Họ và tên / Tên tập thể|Đơn vị|Đánh dấu');
    expect(rows.slice(first - 2, first + 4)).toEqual([
      '1. Giấy khen của Chánh Văn phòng (2 suất)|||',
      'Đánh dấu "x" vào ô bên cạnh người được chọn, tối đa 2 người.|||',
      'STT|Họ và tên / Tên tập thể|Đơn vị|Đánh dấu',
      '1|Nguyễn Văn An|Phòng Tổng hợp|',
      '2|Trần Thị Bình|Phòng Tổng hợp|',
      '3|=HYPERLINK("http://x","Lê Văn Cường")||',
    ]);
    expect(rows).toContain('2|Phạm Thị Dung|Phòng Kinh tế|');
    // The box to mark: empty, bordered on its four sides, on a row tall enough to write in.
    const box = sheet.get(first + 1, 3)!;
    expect(box.value).toBe('');
    // (the host keeps a shared edge on one of its two cells: the box's top is the bottom of the cell above)
    expect(box.borders).toMatchObject({ bottom: 'Continuous', right: 'Continuous' });
    expect(sheet.get(first, 3)!.borders).toMatchObject({ bottom: 'Continuous' });
    expect(sheet.get(first + 1, 2)!.borders).toMatchObject({ right: 'Continuous' });
    expect(sheet.rowHeights.get(first + 1)).toBeGreaterThanOrEqual(24);
    // Values only: a name that reads as a formula stays text, and the add-in writes no formula here.
    expect([...sheet.cells.values()].every((cell) => cell.formula === undefined)).toBe(true);
    const used = sheet.usedRect(true)!;
    expect(sheet.pageLayout).toMatchObject({
      orientation: 'Portrait',
      paperSize: 'A4',
      zoom: { horizontalFitToPages: 1 },
      centerHorizontally: true,
      printArea: a1({ row: 0, column: 0, rows: used.rows, columns: 4 }),
    });
  });

  it('is rewritten whole when printed again; without ExcelApi 1.9 it is written without page setup', async () => {
    const again = setup();
    await again.sheets.writePaperBallot(ballot());
    again.sheet('Mẫu phiếu bầu vòng 1').ensure(60, 0).value = 'stale';
    await again.sheets.writePaperBallot(ballot());
    expect(again.sheet('Mẫu phiếu bầu vòng 1').value(60, 0)).toBe('');

    const old = setup({ pageLayout: false });
    expect(await old.sheets.writePaperBallot(ballot())).toEqual({ pageSetup: false });
    expect(old.host.operations!.some((op) => op.label.startsWith('PageLayout.'))).toBe(false);
    expect(grid(old.sheet('Mẫu phiếu bầu vòng 1')).flat()).toContain('PHIẾU BẦU');
  });
});

describe('the result sheet, to print', () => {
  const tallied = round({ status: 'tallied' });
  const input = { round: 1, campaignTitle: CAMPAIGN.title, result: tallied.result!, minutes: tallied.minutes! };

  it('A4 portrait, one page wide, its print area, the candidates’ header row repeated on each page, in the same two syncs', async () => {
    const { sheets, sheet: named } = setup();
    await sheets.writeResultSheet(input);
    expect(sheets.syncCount).toBe(2);
    const sheet = named('Kết quả kiểm phiếu vòng 1');
    const header = grid(sheet).findIndex((row) => row[0] === 'STT');
    const used = sheet.usedRect(true)!;
    expect(sheet.pageLayout).toMatchObject({
      orientation: 'Portrait',
      paperSize: 'A4',
      zoom: { horizontalFitToPages: 1 },
      printTitleRows: `$${header + 1}:$${header + 1}`,
      printArea: a1({ row: 0, column: 0, rows: used.row + used.rows, columns: 7 }),
    });
  });

  it('is written without page setup where ExcelApi 1.9 is missing', async () => {
    const { sheets, host, sheet } = setup({ pageLayout: false });
    await sheets.writeResultSheet(input);
    expect(host.operations!.some((op) => op.label.startsWith('PageLayout.'))).toBe(false);
    expect(grid(sheet('Kết quả kiểm phiếu vòng 1')).length).toBeGreaterThan(10);
  });
});
