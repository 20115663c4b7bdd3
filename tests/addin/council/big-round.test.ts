import { describe, expect, it } from 'vitest';
import { ballotSheetSchema } from '#shared/council/ballot-sheet';
import { paperBallot } from '#shared/council/paper-ballot';
import type { Candidate, RoundForm } from '#shared/council/round';
import { a1, grid } from '#tests/support/office/excel';
import { candidate } from '#tests/support/council';
import { CAMPAIGN, councilSheetsOver, round } from './fixtures';

/**
 * A round of 500 candidates (issue 13: rounds up to 1,000) over the stand-in Excel host: the ballot
 * sheet the secretary types 200 ballots into, and the paper ballot to print, still laid out in their
 * two syncs, in requests far under Excel on the web's 5 MB.
 */
const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Hoàng', 'Nông', 'Lường', 'Triệu', 'Bế', 'Ma', 'Hà', 'Lục', 'Vũ'];
const GIVEN = ['Thị Thu Hà', 'Văn Dũng', 'Đức Toàn', 'Minh Tuấn', 'Thị Hồng Yến', 'Quang Sơn', 'Thị Mai Lan'];
const UNITS = ['Phòng Tổng hợp', 'Phòng Kinh tế', 'Phòng Khoa giáo - Văn xã', 'Trung tâm Phục vụ hành chính công'];

const BK = 'BANG_KHEN_CT_UBND';
const GK = 'GIAY_KHEN_CVP';
const CANDIDATES: Candidate[] = Array.from({ length: 500 }, (_, i) =>
  candidate(`n${String(i).padStart(4, '0')}`, i < 125 ? BK : GK, {
    name: `${FAMILY[i % FAMILY.length]} ${GIVEN[(i * 5) % GIVEN.length]}`,
    unitName: UNITS[i % UNITS.length]!,
  }),
);
const FORMS: RoundForm[] = [
  { awardForm: BK, places: 25 },
  { awardForm: GK, places: 75 },
];
const schema = ballotSheetSchema({
  round: 1,
  candidates: CANDIDATES,
  forms: FORMS,
  awardForms: CAMPAIGN.awardForms,
  voteMark: 'x',
  ballots: 200,
});

describe('a round of 500 candidates in Excel', () => {
  it('gets its ballot sheet in two syncs, a column per candidate, read back in one', async () => {
    const { host, sheets, sheet: named } = councilSheetsOver();
    expect(await sheets.writeBallotSheet(schema)).toBe('created');
    expect(sheets.syncCount).toBe(2);
    expect(Math.max(...host.stats.requests.map((request) => request.bytes))).toBeLessThan(5 * 1024 * 1024);
    expect(host.stats.gaps).toEqual([]);
    const sheet = named('Phiếu bầu vòng 1');
    const header = grid(sheet)[1]!;
    // Each form's candidates, then its count of marks: 125 + 1 and 375 + 1 columns after the ballot number.
    expect(header.filter((cell) => cell !== '')).toHaveLength(500 + 2);
    expect(sheet.merges.map(a1)).toContain('A1:A2');
    sheet.ensure(2, 1).value = 'x';
    sheet.ensure(201, 500).value = 'x';
    const read = await sheets.readBallotSheet(schema);
    expect(sheets.syncCount).toBe(3);
    expect(read!.ballots).toHaveLength(200);
    expect(read!.ballots[0]!.marks).toEqual({ n0000: 'x' });
    expect(Object.keys(read!.ballots[199]!.marks)).toHaveLength(1);
  });

  it('prints its paper ballot in two syncs: every candidate on a row to mark, the print area over all, A4 one page wide', async () => {
    const { host, sheets, sheet: named } = councilSheetsOver();
    const paper = paperBallot({ campaign: CAMPAIGN, round: round({ candidates: CANDIDATES, forms: FORMS }) });
    expect(await sheets.writePaperBallot(paper)).toEqual({ pageSetup: true });
    expect(sheets.syncCount).toBe(2);
    expect(Math.max(...host.stats.requests.map((request) => request.bytes))).toBeLessThan(5 * 1024 * 1024);
    const sheet = named('Mẫu phiếu bầu vòng 1');
    const rows = grid(sheet).map((row) => row.join('|'));
    expect(rows.filter((row) => /^\d+\|.+\|.*\|$/.test(row))).toHaveLength(500);
    expect(rows).toContain('375|Bế Minh Tuấn|Trung tâm Phục vụ hành chính công|');
    const last = rows.lastIndexOf('375|Bế Minh Tuấn|Trung tâm Phục vụ hành chính công|');
    expect(sheet.rowHeights.get(last)).toBeGreaterThanOrEqual(24);
    const used = sheet.usedRect(true)!;
    expect(sheet.pageLayout).toMatchObject({
      orientation: 'Portrait',
      paperSize: 'A4',
      zoom: { horizontalFitToPages: 1 },
      printArea: a1({ row: 0, column: 0, rows: used.rows, columns: 4 }),
    });
  });

  it('repeats the table header on every page of a one-form ballot', async () => {
    const { sheets, sheet: named } = councilSheetsOver();
    const giayKhen = CANDIDATES.filter((c) => c.awardForm === GK);
    await sheets.writePaperBallot(paperBallot({ campaign: CAMPAIGN, round: round({ candidates: giayKhen, forms: [FORMS[1]!] }) }));
    const sheet = named('Mẫu phiếu bầu vòng 1');
    const header = grid(sheet).findIndex((row) => row[0] === 'STT');
    expect(sheet.pageLayout).toMatchObject({ printTitleRows: `$${header + 1}:$${header + 1}` });
  });
});
