import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Campaign } from '#shared/campaign';
import { SEED_CAMPAIGN } from '#shared/seed/campaign-2025';
import type { CellValue } from '#shared/sheet/cells';
import { isoToSerial } from '#shared/sheet/excel-dates';
import { cellName, planGrid } from '#shared/sheet/plan/plan-layout';
import { fromA1, readPlan } from '#shared/sheet/plan/plan-reading';
import { PLAN_FIELDS, PLAN_TABLES } from '#shared/sheet/plan/schema';
import { ANNUAL_TITLES } from '#shared/templates/annual-titles';

/** What Excel hands back after the add-in wrote the grid: the text prefix is gone. */
const asExcelGives = (campaign: Campaign): CellValue[][] =>
  planGrid(campaign).values.map((row) => row.map((value) => (typeof value === 'string' && value.startsWith("'") ? value.slice(1) : value)));

const rowOf = (grid: CellValue[][], label: string) => grid.findIndex((row) => row[0] === label);

describe("the 'Kế hoạch' sheet's layout", () => {
  it.each([
    ['the seed campaign', SEED_CAMPAIGN],
    ['the annual-titles template', ANNUAL_TITLES],
  ])('gives %s back, written then read', (_, campaign) => {
    const reading = readPlan(asExcelGives(campaign), campaign);
    expect(reading.issues).toEqual([]);
    expect(reading.campaign).toEqual(campaign);
  });

  it('round-trips any texts, formula-looking ones included, and the counting board', () => {
    const text = fc
      .string({ minLength: 1, maxLength: 30 })
      .map((s) => s.trim().normalize('NFC'))
      .filter((s) => s.length > 0);
    fc.assert(
      fc.property(
        text,
        text,
        fc.integer({ min: 0, max: 10_000 }),
        fc.constantFrom('flag' as const, 'refuse' as const),
        fc.boolean(),
        (title, member, max, lateSubmissions, dossierFilesRequired) => {
          const campaign: Campaign = {
            ...SEED_CAMPAIGN,
            lateSubmissions,
            dossierFilesRequired,
            title,
            signer: `=${member}`,
            quotaRules: [{ ...SEED_CAMPAIGN.quotaRules[0]!, max }],
            council: { ...SEED_CAMPAIGN.council, countingBoard: [{ name: member, role: '+Trưởng ban' }] },
          };
          expect(readPlan(asExcelGives(campaign), campaign).campaign).toEqual(campaign);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('lays out a labelled block, then each table under its title and headers, formula-looking text as text', () => {
    const grid = planGrid({ ...SEED_CAMPAIGN, signer: '=HYPERLINK("x")' });
    expect(grid.values.filter((row) => PLAN_FIELDS.some((field) => field.label === row[0]))).toHaveLength(PLAN_FIELDS.length);
    expect(grid.titleRows.map((row) => grid.values[row]![0])).toEqual(PLAN_TABLES.map((table) => table.title));
    expect(grid.values[rowOf(grid.values, 'Người ký')]![1]).toBe(`'=HYPERLINK("x")`);
    const start = rowOf(grid.values, 'Thời gian bắt đầu');
    expect(grid.values[start]![1]).toBe(isoToSerial('2024-10-01'));
    expect(grid.formats[start]![1]).toBe('dd/mm/yyyy');
  });

  it('reads what people do in Excel: blank rows, spaces, dates as text, numbers as text, extra and moved columns', () => {
    const grid = asExcelGives(SEED_CAMPAIGN);
    grid[rowOf(grid, 'Thời gian bắt đầu')]![1] = ' 1/10/2024 ';
    grid[rowOf(grid, 'Tỷ lệ phiếu đồng ý (%)')]![1] = ' 50 ';
    grid[rowOf(grid, 'Tên đợt thi đua')]![1] = `  ${SEED_CAMPAIGN.title}  `;
    // The quotas' table: an extra column inserted before "Tối đa", its cap typed as text.
    const quotas = rowOf(grid, 'Chỉ tiêu khen thưởng');
    for (const row of grid.slice(quotas + 1, quotas + 4)) row.splice(3, 0, row === grid[quotas + 1] ? 'Ghi chú của tôi' : 'bất kỳ');
    grid[quotas + 2]![4] = '1';
    // Blank rows inside a table and between blocks.
    const movements = rowOf(grid, 'Phong trào thi đua');
    grid.splice(movements + 3, 0, ['', '  ', null], []);
    grid.splice(rowOf(grid, 'Chủ đề'), 0, []);
    const reading = readPlan(grid, SEED_CAMPAIGN);
    expect(reading.issues).toEqual([]);
    expect(reading.campaign).toEqual(SEED_CAMPAIGN);
  });

  it('reads a used range that does not start at A1', () => {
    const grid = asExcelGives(SEED_CAMPAIGN)
      .slice(2)
      .map((row) => row.slice(0));
    expect(readPlan(fromA1(grid, 2, 0), SEED_CAMPAIGN).campaign).toEqual(SEED_CAMPAIGN);
  });

  it('shows the late dossiers and the files settings in words, and reads them back as typed', () => {
    const grid = asExcelGives({ ...SEED_CAMPAIGN, lateSubmissions: 'refuse', dossierFilesRequired: true });
    const late = rowOf(grid, 'Hồ sơ nộp sau hạn');
    const files = rowOf(grid, 'Bắt buộc đính kèm tệp');
    expect([grid[late]![1], grid[files]![1]]).toEqual(['Từ chối', 'Có']);
    grid[late]![1] = ' nhận và đánh dấu ';
    grid[files]![1] = 'Không';
    expect(readPlan(grid, SEED_CAMPAIGN).campaign).toMatchObject({ lateSubmissions: 'flag', dossierFilesRequired: false });
    grid[late]![1] = 'Nhận';
    expect(readPlan(grid, SEED_CAMPAIGN).issues).toEqual([
      {
        row: late,
        column: 1,
        cell: `'Kế hoạch'!B${late + 1}`,
        message: {
          vi: 'Không hiểu "Nhận": hãy chọn một trong "Nhận và đánh dấu", "Từ chối"',
          en: '"Nhận" is not understood: choose one of "Nhận và đánh dấu", "Từ chối"',
        },
      },
    ]);
  });

  it('keeps both settings from the campaign opened when a sheet laid out before them has no such rows', () => {
    const campaign: Campaign = { ...SEED_CAMPAIGN, lateSubmissions: 'refuse', dossierFilesRequired: true };
    const grid = asExcelGives(campaign).filter((row) => row[0] !== 'Hồ sơ nộp sau hạn' && row[0] !== 'Bắt buộc đính kèm tệp');
    const reading = readPlan(grid, campaign);
    expect(reading.issues).toEqual([]);
    expect(reading.campaign).toEqual(campaign);
  });

  it('keeps what the sheet does not show from the campaign opened', () => {
    const withOffice = { ...SEED_CAMPAIGN, office: undefined, documentDate: '2024-10-05' };
    expect(readPlan(asExcelGives(withOffice), { ...withOffice }).campaign?.documentDate).toBe('2024-10-05');
  });
});

describe('a wrong cell', () => {
  const wrong = (edit: (grid: CellValue[][]) => void) => {
    const grid = asExcelGives(SEED_CAMPAIGN);
    edit(grid);
    return readPlan(grid, SEED_CAMPAIGN);
  };

  it('is named as Excel names it, with a message in vi and en saying what to do, and nothing is read', () => {
    const reading = wrong((grid) => (grid[rowOf(grid, 'Thời gian kết thúc')]![1] = '31/02/2025'));
    const row = rowOf(asExcelGives(SEED_CAMPAIGN), 'Thời gian kết thúc');
    expect(reading.campaign).toBeUndefined();
    expect(reading.issues).toEqual([
      {
        row,
        column: 1,
        cell: `'Kế hoạch'!B${row + 1}`,
        message: { vi: expect.stringContaining('dd/MM/yyyy'), en: expect.stringContaining('dd/MM/yyyy') },
      },
    ]);
  });

  it("maps the schema's findings to their cells: an empty name, a bad code, an unknown choice", () => {
    const reading = wrong((grid) => {
      const forms = rowOf(grid, 'Hình thức khen thưởng');
      grid[forms + 2]![1] = '';
      grid[forms + 3]![0] = 'giấy khen';
      grid[rowOf(grid, 'So sánh với tỷ lệ')]![1] = 'gần bằng';
    });
    const at = Object.fromEntries(reading.issues.map((issue) => [issue.cell.replace("'Kế hoạch'!", ''), issue.message.vi]));
    const grid = asExcelGives(SEED_CAMPAIGN);
    const forms = rowOf(grid, 'Hình thức khen thưởng');
    expect(at[cellName(forms + 2, 1)]).toMatch(/không được để trống/);
    expect(at[cellName(forms + 3, 0)]).toMatch(/chữ in hoa/);
    expect(at[cellName(rowOf(grid, 'So sánh với tỷ lệ'), 1)]).toMatch(/Trên \(>\)/);
    expect(reading.campaign).toBeUndefined();
  });

  it("maps the plan's own checks (once the cells themselves are right): a period backwards, an unknown form", () => {
    const reading = wrong((grid) => {
      grid[rowOf(grid, 'Thời gian kết thúc')]![1] = isoToSerial('2024-01-01');
      grid[rowOf(grid, 'Chỉ tiêu khen thưởng') + 2]![1] = 'KHONG_CO';
    });
    const grid = asExcelGives(SEED_CAMPAIGN);
    expect(reading.issues.map((issue) => [issue.row, issue.column, issue.message.vi])).toEqual([
      [rowOf(grid, 'Thời gian kết thúc'), 1, expect.stringMatching(/kết thúc trước ngày bắt đầu/)],
      [rowOf(grid, 'Chỉ tiêu khen thưởng') + 2, 1, expect.stringMatching(/"Hình thức khen thưởng"/)],
    ]);
  });

  it('names a missing table, a missing column and a changed id', () => {
    const reading = wrong((grid) => {
      grid[rowOf(grid, 'Căn cứ')]![0] = 'Căn cứ pháp lý';
      const members = rowOf(grid, 'Thành viên Hội đồng Thi đua - Khen thưởng');
      grid[members + 1]![1] = 'Vai trò';
      grid[rowOf(grid, 'Mã đợt thi đua')]![1] = 'dot-khac';
    });
    const texts = reading.issues.map((issue) => issue.message.vi).join('\n');
    expect(texts).toMatch(/bảng "Căn cứ"/);
    expect(texts).toMatch(/cột "Chức danh trong Hội đồng"/);
    expect(texts).toMatch(/Mã đợt thi đua không sửa được/);
  });

  it('points a path of the server (a refusal) at its cell', () => {
    const grid = asExcelGives(SEED_CAMPAIGN);
    const reading = readPlan(grid, SEED_CAMPAIGN);
    expect(reading.cellOf(['quotaRules', 1, 'max'])).toEqual({ row: rowOf(grid, 'Chỉ tiêu khen thưởng') + 3, column: 3 });
    expect(reading.cellOf(['awardForms'])).toEqual({ row: rowOf(grid, 'Hình thức khen thưởng'), column: 0 });
  });
});
