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
 * never splits across pages. A list of thousands of lines is written as the XML tree the package
 * serialises (w:tbl), not as thousands of its objects: their construction and collection took
 * seconds, and every cell of a column shares its properties. Text is still the package's to escape,
 * in a w:t of a run: it never becomes markup or a field.
 */
export function listTable(columns: readonly ListColumn[], blocks: readonly ListBlock[]): FileChild {
  const widths = columns.map((column) => Math.round(TEXT_WIDTH * column.share));
  const cell = columnCells(columns, widths);
  const header = row(
    columns.map((column, i) => cell.header(column.header, i)),
    HEADER_ROW,
  );
  const rows = blocks.flatMap((block) => [
    ...(block.heading ? [row([cell.heading(block.heading)], KEPT_ROW)] : []),
    ...block.rows.map((cells) =>
      row(
        cells.map((text, i) => cell.body(text, i)),
        KEPT_ROW,
      ),
    ),
  ]);
  const line = { _attr: { 'w:val': 'single', 'w:sz': 4, 'w:space': 0, 'w:color': '000000' } };
  const properties = {
    'w:tblPr': [
      { 'w:tblW': { _attr: { 'w:type': 'dxa', 'w:w': TEXT_WIDTH } } },
      { 'w:tblBorders': ['top', 'left', 'bottom', 'right', 'insideH', 'insideV'].map((side) => ({ [`w:${side}`]: line })) },
      { 'w:tblLayout': { _attr: { 'w:type': 'fixed' } } },
    ],
  };
  const grid = { 'w:tblGrid': widths.map((width) => ({ 'w:gridCol': { _attr: { 'w:w': width } } })) };
  return new XmlTree({ 'w:tbl': [properties, grid, header, ...rows] });
}

/** A part of the document given as the tree the package serialises. */
class XmlTree extends FileChild {
  constructor(private readonly tree: IXmlableObject) {
    super('w:tbl');
  }
  override prepForXml(): IXmlableObject {
    return this.tree;
  }
}

const KEPT_ROW = { 'w:trPr': [{ 'w:cantSplit': {} }] };
const HEADER_ROW = { 'w:trPr': [{ 'w:cantSplit': {} }, { 'w:tblHeader': {} }] };

function row(cells: IXmlableObject[], properties: IXmlableObject): IXmlableObject {
  return { 'w:tr': [properties, ...cells] };
}

// Type, size and spacing come from the cell's paragraph style; a bold or centred cell says only that.
const BOLD = { 'w:rPr': [{ 'w:b': {} }, { 'w:bCs': {} }] };
const STYLE = { 'w:pStyle': { _attr: { 'w:val': LIST_CELL_STYLE } } };
const PARAGRAPH = { left: { 'w:pPr': [STYLE] }, centre: { 'w:pPr': [STYLE, { 'w:jc': { _attr: { 'w:val': 'center' } } }] } };

/** The cells of each column, their properties built once and shared. */
function columnCells(columns: readonly ListColumn[], widths: readonly number[]) {
  const cellProperties = (width: number, span?: number) => ({
    'w:tcPr': [
      { 'w:tcW': { _attr: { 'w:type': 'dxa', 'w:w': width } } },
      ...(span ? [{ 'w:gridSpan': { _attr: { 'w:val': span } } }] : []),
      { 'w:vAlign': { _attr: { 'w:val': 'center' } } },
    ],
  });
  const ofColumn = widths.map((width) => cellProperties(width));
  const across = cellProperties(TEXT_WIDTH, columns.length);
  const cell = (properties: IXmlableObject, text: string, bold: boolean, centre: boolean) => ({
    'w:tc': [
      properties,
      {
        'w:p': [
          centre ? PARAGRAPH.centre : PARAGRAPH.left,
          { 'w:r': [...(bold ? [BOLD] : []), { 'w:t': [{ _attr: { 'xml:space': 'preserve' } }, text] }] },
        ],
      },
    ],
  });
  return {
    header: (text: string, i: number) => cell(ofColumn[i]!, text, true, true),
    heading: (text: string) => cell(across, text, true, false),
    body: (text: string, i: number) => cell(ofColumn[i]!, text, !!columns[i]?.bold, !!columns[i]?.centre),
  };
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
