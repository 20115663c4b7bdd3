import { describe, expect, it } from 'vitest';
import { parseBallotSheet } from '#shared/council/ballot-sheet';
import { ballotSheetDoc, markRule, minutesSheetDoc, resultSheetDoc } from '#addin/excel/council-layout';
import { a1 } from '#addin/excel/council-doc';
import { CAMPAIGN, round, schema } from './fixtures';

/** The values as Excel gives them back: the text prefix is not part of the cell's value. */
const asRead = (values: (string | number)[][]): unknown[][] =>
  values.map((row) => row.map((v) => (typeof v === 'string' ? v.replace(/^'/, '') : v)));

describe('ballot sheet schema', () => {
  it('groups the candidates under their form, with a count column per form', () => {
    const s = schema(9);
    expect(s.sheetName).toBe('Phiếu bầu vòng 1');
    expect(s.columns.map((c) => c.kind)).toEqual([
      'number',
      'candidate',
      'candidate',
      'candidate',
      'count',
      'candidate',
      'candidate',
      'count',
    ]);
    expect(s.groups).toEqual([
      { awardForm: 'GIAY_KHEN_CVP', header: expect.stringMatching(/\(2 suất\)$/), places: 2, first: 1, last: 4 },
      { awardForm: 'BANG_KHEN_CT_UBND', header: expect.stringMatching(/\(1 suất\)$/), places: 1, first: 5, last: 7 },
    ]);
    expect(s.columns[1]!.header).toBe('Nguyễn Văn An (Phòng Tổng hợp)');
  });

  it('parses the marks of the candidate columns only, and refuses rows of marks without a number', () => {
    const s = schema(3);
    const doc = ballotSheetDoc(s);
    const values = asRead(doc.values);
    values[2]![1] = ' x ';
    values[2]![4] = 1; // the count column's value: not a mark
    values[3]![6] = 'X';
    expect(parseBallotSheet(s, values)).toEqual({
      ballots: [
        { number: 1, marks: { n1: 'x' } },
        { number: 2, marks: { n5: 'X' } },
        { number: 3, marks: {} },
      ],
      problems: [],
    });
    values.push(['', 'x']);
    expect(parseBallotSheet(s, values).problems).toEqual([{ row: 6, code: 'NUMBER_MISSING', message: expect.stringContaining('Dòng 6') }]);
  });

  it('reads nothing when the header of candidates was changed (columns moved)', () => {
    const s = schema(2);
    const values = asRead(ballotSheetDoc(s).values);
    [values[1]![1], values[1]![2]] = [values[1]![2], values[1]![1]];
    const parsed = parseBallotSheet(s, values);
    expect(parsed.ballots).toEqual([]);
    expect(parsed.problems.map((p) => p.code)).toEqual(['HEADER_CHANGED', 'HEADER_CHANGED']);
  });
});

describe('ballot sheet layout', () => {
  const doc = ballotSheetDoc(schema(9));

  it('two header rows: the forms with their places merged over their candidates, then the candidates as text', () => {
    expect(doc.values[0]).toEqual([
      'Số phiếu',
      expect.stringContaining('(2 suất)'),
      '',
      '',
      '',
      expect.stringContaining('(1 suất)'),
      '',
      '',
    ]);
    expect(doc.values[1]![3]).toBe(`'=HYPERLINK("http://x","Lê Văn Cường")`);
    expect(doc.values.slice(2).map((row) => row[0])).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    const merges = doc.styles.filter((s) => s.style.merge).map((s) => a1(s.block));
    expect(merges).toEqual(['A1:A2', 'B1:E1', 'F1:H1']);
    expect(doc.freezeRows).toBe(2);
    expect(doc.existing).toBe('keep');
  });

  it('a COUNTA per ballot and form, red over the places; only the mark is accepted', () => {
    expect(doc.formulas.map((f) => a1(f.block))).toEqual(['E3:E11', 'H3:H11']);
    expect(doc.formulas[0]!.formulas[0]).toEqual(['=COUNTA(B3:D3)']);
    expect(doc.formulas[1]!.formulas[8]).toEqual(['=COUNTA(F11:G11)']);
    expect(doc.overLimits.map((o) => [a1(o.block), o.max])).toEqual([
      ['E3:E11', 2],
      ['H3:H11', 1],
    ]);
    expect(doc.validations.map((v) => [a1(v.block), v.rule])).toEqual([
      ['B3:D11', { list: 'x' }],
      ['F3:G11', { list: 'x' }],
    ]);
    expect(doc.validations[0]!.alert.message).toContain('"x"');
    expect(doc.textBlocks.map(a1)).toEqual(['A2:H2', 'B3:D11', 'F3:G11']);
  });

  it('the operations do not grow with the ballots (only the values and formulas do)', () => {
    const big = ballotSheetDoc(schema(500));
    const shape = (d: typeof doc) => [
      d.styles.length,
      d.formulas.length,
      d.validations.length,
      d.overLimits.length,
      d.textBlocks.length,
      d.rowHeights.length,
    ];
    expect(shape(big)).toEqual(shape(doc));
    expect(big.values).toHaveLength(502);
  });

  it('a mark a list cannot hold becomes a custom rule', () => {
    expect(markRule('x,', 'B3')).toEqual({ custom: '=OR(B3="",TRIM(B3)="x,")' });
  });
});

describe('result and minutes layouts', () => {
  const tallied = round({ status: 'tallied' });

  it('the result: votes, Vietnamese percentages, pass and selection; the forms; invalid ballots and why', () => {
    const doc = resultSheetDoc({ round: 1, campaignTitle: CAMPAIGN.title, result: tallied.result!, minutes: tallied.minutes! });
    expect(doc.name).toBe('Kết quả kiểm phiếu vòng 1');
    const rows = doc.values.map((row) => row.join('|'));
    expect(rows).toContain('1|Nguyễn Văn An|Phòng Tổng hợp|6|66,67%|Đạt|Được chọn');
    expect(rows.some((row) => row.includes('55,56%|Đạt|Bằng phiếu'))).toBe(true);
    expect(rows.some((row) => /^\d\|'=HYPERLINK/.test(row))).toBe(true);
    expect(rows).toContain('1|9|Đánh dấu nhiều hơn số suất của hình thức khen thưởng||||');
    expect(rows.some((row) => row.includes("|'Bằng phiếu:") || row.includes('|Bằng phiếu:'))).toBe(true);
    // Shown for the council (the law prefers women among the otherwise equal), never decided by it.
    expect(rows.some((row) => row.includes('(nữ: Trần Thị Bình)'))).toBe(true);
    expect(doc.values.every((row) => row.length === 7)).toBe(true);
    // "Số phiếu" named both a ballot's number and a candidate's votes: now one each.
    expect(rows).toContain('STT|Họ tên / Tập thể|Đơn vị|Số phiếu bầu|Tỷ lệ|Đạt|Kết quả');
    const invalidTop = doc.values.findIndex((row) => row.join('|') === 'STT|Phiếu số|Lý do||||');
    expect(invalidTop).toBeGreaterThan(0);
    expect(rows.filter((row) => row.split('|').includes('Số phiếu'))).toEqual([]);
    // Every header fill stays inside its table's grid.
    const grids = doc.styles.filter((s) => s.style.grid).map((s) => s.block);
    for (const filled of doc.styles.filter((s) => s.style.fill && s.block.rows === 1 && s.style.bold)) {
      const inside = grids.some(
        (g) =>
          filled.block.row >= g.row &&
          filled.block.row < g.row + g.rows &&
          filled.block.column >= g.column &&
          filled.block.column + filled.block.columns <= g.column + g.columns,
      );
      expect(inside, `fill at row ${filled.block.row}, ${filled.block.columns} columns`).toBe(true);
    }
  });

  it('the minutes: council, members, ballots, candidates, conclusion and signatures, on A4 portrait one page wide', () => {
    const doc = minutesSheetDoc(tallied.minutes!);
    const text = doc.values.map((row) => row.filter((cell) => cell !== '').join(' ')).join('\n');
    expect(text).toContain('BIÊN BẢN KIỂM PHIẾU');
    expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    // Nghị định 30/2020: the place before the date (no leading zero for October), "Số:", the motto with hyphens.
    expect(text).toContain('Bắc Kạn, ngày 02 tháng 10 năm 2025');
    expect(text).toContain('Số:       /BB-VP');
    expect(text).toContain('Độc lập - Tự do - Hạnh phúc');
    expect(text).not.toContain('–  Tự do');
    expect(text).not.toContain('Độc lập –');
    expect(text).toContain('- Tổng số thành viên Hội đồng: 9 người.');
    expect(text).toContain('- Số phiếu hợp lệ: 8; số phiếu không hợp lệ: 1.');
    expect(text).toContain('đề nghị bỏ phiếu lại');
    expect(text).toMatch(/THƯ KÝ CHỦ TỊCH HỘI ĐỒNG/);
    expect(text).toContain('Lường Thị Hà Vũ Đức Chính');
    expect(doc.page).toMatchObject({ orientation: 'Portrait', paperSize: 'A4', fitPagesWide: 1 });
    expect(doc.font).toEqual({ name: 'Times New Roman', size: 13 });
    expect(text).not.toContain('Dấu vân tay');
  });

  it('the minutes print the counted ballots’ fingerprint, after the conclusion', () => {
    const fingerprint = { format: 'thidua-ballots/1', sha256: '0f'.repeat(32) };
    const doc = minutesSheetDoc({ ...tallied.minutes!, fingerprint });
    const lines = doc.values.map((row) => String(row[0]));
    const at = lines.indexOf(`Dấu vân tay SHA-256 của các phiếu bầu (dạng chuẩn thidua-ballots/1): ${'0f'.repeat(32)}`);
    expect(at).toBeGreaterThan(lines.indexOf('III. KẾT LUẬN'));
  });
});
