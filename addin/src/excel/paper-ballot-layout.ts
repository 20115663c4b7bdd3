import type { PaperBallot } from '#shared/council/paper-ballot';
import { sheetText } from '#shared/sheet/columns';
import { DocBuilder, printedAs, type SheetDoc } from './council-doc';
import { MINUTES_PAGE } from './council-layout';

/**
 * The paper ballot (shared/council/paper-ballot.ts says what it holds) as a SheetDoc to print and hand
 * out: the heading, then per award form its rule line and a table of its candidates with an empty,
 * bordered box to mark; the notes on invalid ballots last. A4 portrait, one page wide, the print area
 * over the ballot alone, a one-form ballot's table header repeated on every page. Names come from people: written through sheetText, as text, never a formula.
 */

const WIDTH = 4;
/** A row tall enough to mark by hand. */
const CANDIDATE_ROW_POINTS = 26;
const TABLE_HEADER = ['STT', 'Họ và tên / Tên tập thể', 'Đơn vị', 'Đánh dấu'];

export function paperBallotDoc(ballot: PaperBallot): SheetDoc {
  const b = new DocBuilder(ballot.sheetName, WIDTH);
  b.line(ballot.council, { bold: true, align: 'Center' }, 60);
  b.blank();
  b.line(ballot.title, { bold: true, size: 16, align: 'Center' });
  b.line(ballot.campaignTitle, { italic: true, align: 'Center' }, 70);
  b.line(ballot.roundLine, { bold: true, align: 'Center' });
  b.blank();

  const headers: number[] = [];
  for (const form of ballot.forms) {
    b.line(form.heading, { bold: true }, 70);
    b.line(form.rule, { italic: true }, 70);
    const top = b.row(TABLE_HEADER, { bold: true, align: 'Center', valign: 'Center', wrap: true });
    headers.push(top);
    for (const candidate of form.candidates) {
      const row = b.row([candidate.order, sheetText(candidate.name), sheetText(candidate.unitName), '']);
      b.doc.rowHeights.push({ row, points: CANDIDATE_ROW_POINTS });
    }
    const rows = b.next - top;
    b.style({ row: top, column: 0, rows, columns: WIDTH }, { grid: true, valign: 'Center' });
    if (rows > 1) {
      b.style({ row: top + 1, column: 0, rows: rows - 1, columns: 1 }, { align: 'Center' });
      b.style({ row: top + 1, column: 1, rows: rows - 1, columns: 2 }, { wrap: true });
    }
    b.blank();
  }

  for (const note of ballot.notes) b.line(`- ${note}`, { italic: true, size: 11 }, 80, 15);
  b.doc.font = { name: 'Times New Roman', size: 13 };
  // A ballot of hundreds of candidates runs over many pages: one form's table header repeats on each
  // (with several forms, each table has its own header, and no one row could stand for them all).
  return printedAs(b.build([6, 36, 30, 11]), MINUTES_PAGE, headers.length === 1 ? headers[0] : undefined);
}
