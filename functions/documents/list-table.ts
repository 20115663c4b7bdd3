import { AlignmentType, FileChild, Paragraph, type IXmlableObject, type Table } from 'docx';
import type { AwardeeGroup } from '#shared/documents/decision-list';
import { FONT } from '#shared/documents/format';
import { centred, LIST_CELL_STYLE, run, spacer, TEXT_WIDTH, textWidth, twoColumns } from './layout';

/**
 * What the office's documents share below their body: the recipients beside the signature, and the
 * attached list (Danh sách kèm theo) as a bordered table whose header row repeats on every page.
 * Every text is a run of plain text: a name that reads like a formula or a field code stays text.
 */

/** "Nơi nhận:" (12 pt, bold italic) and its entries (11 pt) on the left; the signature on the right. */
export function signatureAndRecipients(d: { recipients: readonly string[]; signature: { lines: readonly string[]; name: string } }): Table {
  const recipients = [
    new Paragraph({ children: [run('Nơi nhận:', { size: FONT.recipientsLabel, bold: true, italics: true })] }),
    ...d.recipients.map((line) => new Paragraph({ children: [run(line, { size: FONT.recipients })] })),
  ];
  const signature = [
    ...d.signature.lines.flatMap((line) => centred([run(line, { bold: true })])),
    // Room for the signature and the seal.
    ...[1, 2, 3, 4].map(() => spacer()),
    ...centred([run(d.signature.name, { bold: true })]),
  ];
  return twoColumns([[recipients, signature]], [Math.round(TEXT_WIDTH * 0.45), TEXT_WIDTH - Math.round(TEXT_WIDTH * 0.45)]);
}

export interface ListColumn {
  header: string;
  /** Its share of the text's width. */
  share: number;
  centre?: boolean;
  bold?: boolean;
}

/** A block of the list: a heading row across the table ("I. TẬP THỂ"), then its rows of cells. */
export interface ListBlock {
  heading?: string;
  rows: string[][];
}

/**
 * The list as a table: the header row (repeated on every page), each block's heading and rows; a row
 * never splits across pages. A list of thousands of lines is written as the table's XML (w:tbl), not
 * as the package's objects nor as the tree it serialises: building, walking and collecting a tree of
 * 25,000 cells took most of a 5,000-line Tờ trình's second. Every cell of a column shares its markup,
 * written once; each text is escaped as the package escapes it (xmlText), in a w:t of a run: it never
 * becomes markup or a field.
 */
export function listTable(columns: readonly ListColumn[], blocks: readonly ListBlock[]): FileChild {
  const widths = columns.map((column) => Math.round(TEXT_WIDTH * column.share));
  // What comes before each column's text, once for all its cells.
  const before = columns.map((column, i) => cellStart(widths[i]!, !!column.bold, !!column.centre));
  const headingStart = cellStart(TEXT_WIDTH, true, false, columns.length);
  const xml = [tableStart(widths), `<w:tr>${HEADER_ROW}`];
  columns.forEach((column, i) => xml.push(cellStart(widths[i]!, true, true), xmlText(column.header), CELL_END));
  xml.push('</w:tr>');
  for (const block of blocks) {
    if (block.heading) xml.push(`<w:tr>${KEPT_ROW}${headingStart}`, xmlText(block.heading), `${CELL_END}</w:tr>`);
    for (const cells of block.rows) {
      xml.push(`<w:tr>${KEPT_ROW}`);
      cells.forEach((text, i) => xml.push(before[i]!, xmlText(text), CELL_END));
      xml.push('</w:tr>');
    }
  }
  return new SerialisedTable(xml.join(''));
}

/** The table's properties: its width, single borders all round and inside, a fixed layout on the columns' grid. */
function tableStart(widths: readonly number[]): string {
  const line = 'w:val="single" w:sz="4" w:space="0" w:color="000000"';
  const borders = ['top', 'left', 'bottom', 'right', 'insideH', 'insideV'].map((side) => `<w:${side} ${line}/>`).join('');
  const grid = widths.map((width) => `<w:gridCol w:w="${width}"/>`).join('');
  return (
    `<w:tblPr><w:tblW w:type="dxa" w:w="${TEXT_WIDTH}"/><w:tblBorders>${borders}</w:tblBorders><w:tblLayout w:type="fixed"/></w:tblPr>` +
    `<w:tblGrid>${grid}</w:tblGrid>`
  );
}

const KEPT_ROW = '<w:trPr><w:cantSplit/></w:trPr>';
const HEADER_ROW = '<w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>';
const CELL_END = '</w:t></w:r></w:p></w:tc>';

/**
 * A cell up to its text. Type, size and spacing come from the cell's paragraph style; a bold or
 * centred cell says only that.
 */
function cellStart(width: number, bold: boolean, centre: boolean, span?: number): string {
  const properties = `<w:tcW w:type="dxa" w:w="${width}"/>${span ? `<w:gridSpan w:val="${span}"/>` : ''}<w:vAlign w:val="center"/>`;
  const paragraph = `<w:pStyle w:val="${LIST_CELL_STYLE}"/>${centre ? '<w:jc w:val="center"/>' : ''}`;
  const run = bold ? '<w:rPr><w:b/><w:bCs/></w:rPr>' : '';
  return `<w:tc><w:tcPr>${properties}</w:tcPr><w:p><w:pPr>${paragraph}</w:pPr><w:r>${run}<w:t xml:space="preserve">`;
}

const ESCAPED = /[&"'<>\x00-\x08\x0B\x0C\x0E-\x1F]/g;
const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '"': '&quot;', "'": '&apos;', '<': '&lt;', '>': '&gt;' };

/** Text as the package writes it in XML: the five entities escaped, the control characters XML 1.0 forbids dropped. */
export function xmlText(text: string): string {
  return text.replace(ESCAPED, (char) => ESCAPES[char] ?? '');
}

/**
 * A table handed to the package as its XML. The package's serialiser writes an element's only child
 * that is neither an object nor a string as String(child), as the xml package it replaced did: a
 * function answering the XML as its text. docx is pinned (package.json), and the document tests read
 * the table back from the .docx.
 */
class SerialisedTable extends FileChild {
  constructor(private readonly xml: string) {
    super('w:tbl');
  }
  override prepForXml(): IXmlableObject {
    const xml = this.xml;
    return { 'w:tbl': [Object.assign(() => xml, { toString: () => xml })] };
  }
}

/** The attached list, on a page of its own: its title, what it lists, which document it goes with, the table. */
export function attachedList(caption: { title: string; subject: string; reference: string }, table: FileChild): FileChild[] {
  return [
    new Paragraph({
      pageBreakBefore: true,
      alignment: AlignmentType.CENTER,
      children: [run(caption.title, { size: FONT.title, bold: true })],
    }),
    ...centred([run(caption.subject, { size: FONT.title, bold: true })]),
    ...centred([run(caption.reference, { italics: true })], { after: 240, rule: textWidth(caption.reference, FONT.body, false) / 3 }),
    table,
  ];
}

/** The columns of an award's list: the decision's, and the Tờ trình proposing the province's award. */
export const AWARDEE_COLUMNS: readonly ListColumn[] = [
  { header: 'STT', share: 0.08, centre: true },
  { header: 'Tên tập thể, cá nhân', share: 0.27, bold: true },
  { header: 'Chức vụ, đơn vị', share: 0.25 },
  { header: 'Thành tích', share: 0.4 },
];

/** Groups of awardees as blocks of the list: numbered from 1 in each group. */
export function awardeeBlocks(groups: readonly AwardeeGroup[]): ListBlock[] {
  return groups.map((group) => ({
    heading: group.heading,
    rows: group.rows.map((row, i) => [String(i + 1), row.name, row.position, row.achievement]),
  }));
}
