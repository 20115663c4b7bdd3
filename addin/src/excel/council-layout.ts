import { MOTTO } from '#shared/documents/format';
import type { BallotSheetSchema } from '#shared/council/ballot-sheet';
import { fingerprintLine } from '#shared/council/fingerprint';
import type { TallyMinutes } from '#shared/council/minutes';
import type { TallyResult } from '#shared/council/tally';
import { sheetText } from '#shared/sheet/columns';
import { DocBuilder, emptyDoc, letter, printedAs, type Block, type CellStyle, type SheetDoc } from './council-doc';

/**
 * The council's three sheets as SheetDocs, planned from the round (pure; written by
 * office-council-sheets.ts in one batch each): the ballot sheet (phiếu bầu), the result of the count
 * (kết quả kiểm phiếu) and the minutes of the count (biên bản kiểm phiếu), printable on A4. Every text
 * that comes from people (candidate and unit names, the campaign's title) goes through sheetText, so it
 * is written as text, never as a formula.
 */

export const resultSheetName = (round: number) => `Kết quả kiểm phiếu vòng ${round}`;
export const minutesSheetName = (round: number) => `Biên bản kiểm phiếu vòng ${round}`;

const HEADER_FILL = '#D9E1F2';
const GROUP_FILL = '#EDEDED';
const COUNT_FILL = '#F2F2F2';
export const OVER_FILL = '#FFC7CE';
export const OVER_FONT = '#9C0006';

/** The mark as a one-item list when it can be one (no comma, no quote); a custom rule otherwise. */
export function markRule(voteMark: string, topLeft: string): { list: string } | { custom: string } {
  if (!/[,;"]/.test(voteMark)) return { list: voteMark };
  return { custom: `=OR(${topLeft}="",TRIM(${topLeft})="${voteMark.replace(/"/g, '""')}")` };
}

/**
 * The ballot sheet: two header rows (the forms with their places, merged over their candidates; then
 * the candidates), one row per ballot number, a data validation accepting only the agreed mark, and
 * per form a COUNTA of the row's marks, red when a ballot marks more candidates than the form's places.
 * The size of the plan's operations does not grow with the ballots, only the values do (one block).
 */
export function ballotSheetDoc(schema: BallotSheetSchema): SheetDoc {
  const doc = emptyDoc(schema.sheetName, 'keep');
  const width = schema.columns.length;
  const ballots = schema.ballots;
  const top = schema.headerRows;

  const formsRow: (string | number)[] = Array.from({ length: width }, () => '');
  formsRow[0] = schema.columns[0]!.header;
  for (const group of schema.groups) formsRow[group.first] = sheetText(group.header);
  const namesRow = schema.columns.map((column) => (column.kind === 'number' ? '' : sheetText(column.header)));
  const body = Array.from({ length: ballots }, (_, i) => [i + 1, ...Array.from({ length: width - 1 }, () => '')]);
  doc.values = [formsRow, namesRow, ...body];
  doc.widths = schema.columns.map((column) => (column.kind === 'number' ? 10 : column.kind === 'count' ? 13 : 18));
  doc.freezeRows = top;

  const header: Block = { row: 0, column: 0, rows: top, columns: width };
  doc.textBlocks.push({ row: 1, column: 0, rows: 1, columns: width });
  doc.styles.push({ block: header, style: { bold: true, align: 'Center', valign: 'Center', wrap: true, fill: HEADER_FILL, grid: true } });
  doc.styles.push({ block: { row: 0, column: 0, rows: 2, columns: 1 }, style: { merge: true } });
  doc.rowHeights.push({ row: 1, points: 48 });
  if (ballots > 0) {
    doc.styles.push({ block: { row: top, column: 0, rows: ballots, columns: width }, style: { grid: true } });
    doc.styles.push({ block: { row: top, column: 0, rows: ballots, columns: 1 }, style: { align: 'Center', bold: true } });
  }

  for (const group of schema.groups) {
    doc.styles.push({ block: { row: 0, column: group.first, rows: 1, columns: group.last - group.first + 1 }, style: { merge: true } });
    const candidates: Block = { row: top, column: group.first, rows: ballots, columns: group.last - group.first };
    const count: Block = { row: top, column: group.last, rows: ballots, columns: 1 };
    if (ballots === 0) continue;
    doc.textBlocks.push(candidates);
    doc.styles.push({ block: candidates, style: { align: 'Center' } });
    doc.styles.push({ block: count, style: { align: 'Center', fill: COUNT_FILL } });
    const firstLetter = letter(group.first);
    const lastLetter = letter(group.last - 1);
    doc.formulas.push({
      block: count,
      formulas: Array.from({ length: ballots }, (_, i) => [`=COUNTA(${firstLetter}${top + i + 1}:${lastLetter}${top + i + 1})`]),
    });
    doc.validations.push({
      block: candidates,
      rule: markRule(schema.voteMark, `${firstLetter}${top + 1}`),
      alert: {
        title: 'Ký hiệu không đúng',
        message: `Chỉ ghi "${schema.voteMark}" vào ô của người được chọn; để trống nếu không chọn.`,
      },
    });
    doc.overLimits.push({ block: count, max: group.places, fill: OVER_FILL, fontColor: OVER_FONT });
  }
  return doc;
}

const passedLabel = (passed: boolean) => (passed ? 'Đạt' : 'Không đạt');
function outcomeLabel(candidate: { selected: boolean; tied: boolean; passed: boolean }): string {
  if (candidate.selected) return 'Được chọn';
  if (candidate.tied) return 'Bằng phiếu';
  return candidate.passed ? 'Đạt, hết suất' : 'Không đạt';
}

/** The invalid ballots' reasons in Vietnamese, from the minutes' own labels. */
function reasonLabels(minutes: TallyMinutes): Map<string, string> {
  return new Map(minutes.invalidReasons.map((entry) => [entry.reason, entry.label]));
}

/**
 * "Kết quả kiểm phiếu": the figures, then per candidate the votes, the percentage (Vietnamese style,
 * "66,67%"), pass and selection; per form its places and who is selected (and a tie to vote again);
 * then each invalid ballot and why.
 */
export function resultSheetDoc(input: { round: number; campaignTitle: string; result: TallyResult; minutes: TallyMinutes }): SheetDoc {
  const { result, minutes } = input;
  const width = 7;
  const b = new DocBuilder(resultSheetName(input.round), width);
  b.line(`KẾT QUẢ KIỂM PHIẾU – VÒNG ${input.round}`, { bold: true, size: 14, align: 'Center' });
  b.line(input.campaignTitle, { italic: true, align: 'Center' });
  b.line(`Ngày kiểm phiếu: ${minutes.date}`, { align: 'Center' });
  b.blank();
  const m = minutes.members;
  b.line(
    `Thành viên Hội đồng: ${m.total}; có mặt: ${m.present}; biểu quyết bằng văn bản: ${m.writtenVotes}; tham gia biểu quyết: ${m.participating} (tối thiểu ${m.required}).`,
  );
  const k = minutes.ballots;
  b.line(`Số phiếu phát ra: ${k.issued}; thu vào: ${k.collected}; hợp lệ: ${k.valid}; không hợp lệ: ${k.invalid}.`);
  b.line(`Tỷ lệ phiếu cần đạt: ${minutes.threshold}.`);
  if (minutes.void)
    b.line('Không đủ số thành viên tham gia biểu quyết theo quy định: kết quả vòng bỏ phiếu không có giá trị.', {
      bold: true,
      fontColor: OVER_FONT,
    });
  b.blank();

  const tableTop = b.row(['STT', 'Họ tên / Tập thể', 'Đơn vị', 'Số phiếu bầu', 'Tỷ lệ', 'Đạt', 'Kết quả'], {
    bold: true,
    align: 'Center',
    fill: HEADER_FILL,
    wrap: true,
  });
  for (const form of minutes.forms) {
    const groupRow = b.row([sheetText(`${form.awardFormName} – ${form.places} suất`)]);
    b.style({ row: groupRow, column: 0, rows: 1, columns: width }, { merge: true, bold: true, fill: GROUP_FILL });
    for (const c of form.candidates) {
      const row = b.row([c.order, sheetText(c.name), sheetText(c.unitName), c.votes, c.percent, passedLabel(c.passed), outcomeLabel(c)]);
      if (c.selected) b.style({ row, column: 6, rows: 1, columns: 1 }, { bold: true });
      if (c.tied) b.style({ row, column: 6, rows: 1, columns: 1 }, { bold: true, fontColor: OVER_FONT });
    }
  }
  const tableRows = b.next - tableTop;
  b.style({ row: tableTop, column: 0, rows: tableRows, columns: width }, { grid: true, valign: 'Top' });
  b.style({ row: tableTop + 1, column: 3, rows: Math.max(1, tableRows - 1), columns: 2 }, { align: 'Right' });
  b.style({ row: tableTop + 1, column: 1, rows: Math.max(1, tableRows - 1), columns: 2 }, { wrap: true });
  b.blank();

  b.line('THEO HÌNH THỨC KHEN THƯỞNG', { bold: true });
  const formsTop = b.row(['STT', 'Hình thức khen thưởng', 'Được chọn', 'Số suất', 'Ghi chú'], {
    bold: true,
    align: 'Center',
    fill: HEADER_FILL,
    wrap: true,
  });
  minutes.forms.forEach((form, i) => {
    // The law prefers women among the otherwise equal: the sheet says who they are, the council decides.
    const women = form.tie?.femaleNames.length ? ` (nữ: ${form.tie.femaleNames.join('; ')})` : '';
    const note = form.tie ? `Bằng phiếu: ${form.tie.names.join('; ')}${women} – đề nghị bỏ phiếu lại cho ${form.tie.places} suất` : '';
    const row = b.row([i + 1, sheetText(form.awardFormName), sheetText(form.selectedNames.join('; ')), form.places, sheetText(note)]);
    b.style({ row, column: 4, rows: 1, columns: 3 }, { merge: true });
  });
  b.style({ row: formsTop, column: 4, rows: 1, columns: 3 }, { merge: true });
  b.style({ row: formsTop, column: 0, rows: b.next - formsTop, columns: width }, { grid: true, wrap: true, valign: 'Top' });
  b.blank();

  b.line('PHIẾU KHÔNG HỢP LỆ', { bold: true });
  if (result.invalidBallots.length === 0) {
    b.line('Không có phiếu không hợp lệ.');
  } else {
    const labels = reasonLabels(minutes);
    // The header's style on the table's three columns only (b.row would fill the sheet's whole width);
    // "Phiếu số" is the ballot's number, not a count of votes ("Số phiếu bầu" above).
    const top = b.row(['STT', 'Phiếu số', 'Lý do']);
    b.style({ row: top, column: 0, rows: 1, columns: 3 }, { bold: true, align: 'Center', fill: HEADER_FILL });
    result.invalidBallots.forEach((ballot, i) => b.row([i + 1, ballot.number, ballot.reasons.map((r) => labels.get(r) ?? r).join('; ')]));
    b.style({ row: top, column: 0, rows: b.next - top, columns: 3 }, { grid: true });
    b.style({ row: top + 1, column: 2, rows: b.next - top - 1, columns: 1 }, { wrap: true });
  }
  // Printed as the minutes are (A4 portrait, one page wide), the candidates' header on each page.
  return printedAs(b.build([6, 32, 28, 10, 10, 10, 14]), MINUTES_PAGE, tableTop);
}

/** "dd/MM/yyyy" → "ngày dd tháng MM năm yyyy", as Vietnamese documents date themselves. */
export function longDateVi(date: string): string {
  const [d, mo, y] = date.split('/');
  return d && mo && y ? `ngày ${d} tháng ${mo} năm ${y}` : date;
}

/** A4 portrait, one page wide; margins of an administrative document (top/bottom 2 cm, left 3 cm, right 1.5 cm). */
export const MINUTES_PAGE = {
  orientation: 'Portrait',
  paperSize: 'A4',
  fitPagesWide: 1,
  margins: { top: 56.7, bottom: 56.7, left: 85, right: 42.5 },
  centerHorizontally: true,
} as const;

/**
 * "Biên bản kiểm phiếu" laid out as the minutes are signed: the council and the national motto, the
 * title and date; who took part; the ballots; each form's candidates with votes and percentages; the
 * conclusion; the secretary's and the chair's signature lines. Times New Roman 13, A4 portrait.
 */
export function minutesSheetDoc(minutes: TallyMinutes): SheetDoc {
  const width = 6;
  const b = new DocBuilder(minutesSheetName(minutes.round), width);
  const left: Block = { row: 0, column: 0, rows: 1, columns: 3 };
  const right: Block = { row: 0, column: 3, rows: 1, columns: 3 };
  const pair = (l: string, r: string, style: CellStyle) => {
    const row = b.row([sheetText(l), '', '', sheetText(r)]);
    b.style({ ...left, row }, { merge: true, align: 'Center', wrap: true, valign: 'Top', ...style });
    b.style({ ...right, row }, { merge: true, align: 'Center', wrap: true, valign: 'Top', ...style });
    return row;
  };
  const head = pair(minutes.council.toLocaleUpperCase('vi'), 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { bold: true });
  b.doc.rowHeights.push({ row: head, points: 36 });
  // Nghị định 30/2020: the motto with hyphens, on one line; "Số:" under the issuer; the place before the date.
  pair(minutes.numberLine ?? '', MOTTO, { bold: true });
  pair('', minutes.placeAndDate ?? longDateVi(minutes.date).replace(/^n/, 'N'), { italic: true });
  b.blank();
  b.line(minutes.title, { bold: true, size: 14, align: 'Center' });
  b.line(`Vòng bỏ phiếu thứ ${minutes.round}`, { bold: true, align: 'Center' });
  b.line(minutes.campaignTitle, { italic: true, align: 'Center' });
  b.blank();

  const m = minutes.members;
  b.line('I. THÀNH PHẦN', { bold: true });
  b.line(`- Tổng số thành viên Hội đồng: ${m.total} người.`);
  b.line(`- Số thành viên có mặt: ${m.present} người.`);
  b.line(`- Số thành viên biểu quyết bằng văn bản: ${m.writtenVotes} người.`);
  b.line(`- Số thành viên tham gia biểu quyết: ${m.participating} người (theo quy định cần tối thiểu ${m.required} người).`);
  // The rules the round was counted by (those it was opened under); the threshold has its own line in II.
  for (const rule of minutes.rules ?? []) if (rule.code !== 'THRESHOLD') b.line(`- ${rule.text.vi}`, {}, 80, 18);
  b.blank();

  const k = minutes.ballots;
  b.line('II. KẾT QUẢ KIỂM PHIẾU', { bold: true });
  b.line(`- Số phiếu phát ra: ${k.issued}; số phiếu thu vào: ${k.collected}.`);
  b.line(`- Số phiếu hợp lệ: ${k.valid}; số phiếu không hợp lệ: ${k.invalid}.`);
  for (const reason of minutes.invalidReasons) b.line(`   + ${reason.label}: ${reason.count} phiếu.`);
  b.line(`- Tỷ lệ phiếu cần đạt: ${minutes.threshold}.`);
  minutes.forms.forEach((form, i) => {
    b.line(`${i + 1}. ${form.awardFormName} (số suất: ${form.places})`, { bold: true });
    const top = b.row(['STT', 'Họ tên / Tập thể', 'Đơn vị', 'Số phiếu bầu', 'Tỷ lệ', 'Kết quả'], {
      bold: true,
      align: 'Center',
      wrap: true,
    });
    for (const c of form.candidates) b.row([c.order, sheetText(c.name), sheetText(c.unitName), c.votes, c.percent, outcomeLabel(c)]);
    b.style({ row: top, column: 0, rows: b.next - top, columns: width }, { grid: true, wrap: true, valign: 'Top' });
    if (b.next - top > 1) b.style({ row: top + 1, column: 3, rows: b.next - top - 1, columns: 2 }, { align: 'Right' });
  });
  b.blank();

  b.line('III. KẾT LUẬN', { bold: true });
  for (const sentence of minutes.conclusion) b.line(sentence, {}, 80, 18);
  // The counted ballots' fingerprint: the pane's "Kiểm tra dấu vân tay" recomputes it from the ballot sheet.
  if (minutes.fingerprint) b.line(fingerprintLine(minutes.fingerprint), { italic: true }, 80, 18);
  b.blank();

  const secretary = minutes.signatures.find((s) => s.role === 'secretary');
  const chair = minutes.signatures.find((s) => s.role === 'chair');
  pair((secretary?.title ?? 'Thư ký').toLocaleUpperCase('vi'), (chair?.title ?? 'Chủ tịch Hội đồng').toLocaleUpperCase('vi'), {
    bold: true,
  });
  pair('(Ký, ghi rõ họ tên)', '(Ký, ghi rõ họ tên)', { italic: true });
  for (let i = 0; i < 4; i += 1) b.blank();
  pair(secretary?.name ?? '', chair?.name ?? '', { bold: true });

  b.doc.font = { name: 'Times New Roman', size: 13 };
  b.doc.page = { ...MINUTES_PAGE, margins: { ...MINUTES_PAGE.margins } };
  return b.build([6, 28, 22, 9, 10, 13]);
}
