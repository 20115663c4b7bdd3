import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableBorders,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
  type ISectionOptions,
} from 'docx';
import type { DocumentHeading } from '#shared/documents/decision';
import { FONT, MOTTO, NATIONAL_TITLE, PAGE, PARAGRAPH } from '#shared/documents/format';

/**
 * The page, the type and the two-column heading every document of the office shares, in the format
 * of Nghị định 30/2020/NĐ-CP (shared/documents/format.ts): the writer of each document adds its body.
 */
/** Rounded, not floored as the package's converter does: A4 is then Word's own 11906 × 16838 twips. */
export const twip = (mm: number) => Math.round((mm / 25.4) * 1440);
/** Word counts font sizes in half-points. */
export const halfPoints = (pt: number) => pt * 2;

export const TEXT_WIDTH = twip(PAGE.widthMm - PAGE.marginMm.left - PAGE.marginMm.right);
/** The heading's columns: the office on the left, the national title (which must fit one line) on the right. */
const HEADING_COLUMNS = [Math.round(TEXT_WIDTH * 0.36), TEXT_WIDTH - Math.round(TEXT_WIDTH * 0.36)];

export interface RunStyle {
  size?: number;
  bold?: boolean;
  italics?: boolean;
}

export function run(text: string, style: RunStyle = {}): TextRun {
  // The font on every run too: a table's style would otherwise bring its own.
  return new TextRun({ text, font: FONT.family, size: halfPoints(style.size ?? FONT.body), bold: style.bold, italics: style.italics });
}

const spacing = { after: PARAGRAPH.spaceAfterPt * 20, line: Math.round(240 * PARAGRAPH.lineSpacing) };

/** A body paragraph: justified, its first line indented, 6 pt after. */
export function bodyParagraph(children: TextRun[]): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: twip(PARAGRAPH.firstLineIndentCm * 10) },
    spacing,
    children,
  });
}

/**
 * A centred line; with `rule`, a solid rule of that many twips beneath it (see ruleBeneath), `gap`
 * points below the line's text.
 */
export function centred(children: TextRun[], options: { after?: number; rule?: number; width?: number; gap?: number } = {}): Paragraph[] {
  const text = new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: options.rule ? 0 : (options.after ?? 0) }, children });
  const rule = options.rule ? ruleBeneath(options.rule, options.width ?? TEXT_WIDTH, options.after ?? 0, options.gap ?? 0) : undefined;
  return rule ? [text, rule] : [text];
}

/**
 * A solid rule beneath a centred line, `length` twips long (the motto's whole width, a third to a half
 * of the issuing body's or the subject's): the top border of an empty, tiny paragraph of its own, its
 * indents shortening it, so that the line above keeps the column's whole width.
 */
function ruleBeneath(length: number, width: number, after: number, gap: number): Paragraph {
  const side = Math.max(0, Math.round((width - length) / 2));
  return new Paragraph({
    indent: { left: side, right: side },
    border: { top: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 } },
    spacing: { before: gap * 20, after, line: 120, lineRule: LineRuleType.EXACT },
    run: { size: 2 },
    children: [],
  });
}

/**
 * About how wide a line of Times New Roman is, in twips: the rule beneath the motto is as long as the
 * motto. Capitals are wider than small letters; bold adds a little.
 */
export function textWidth(text: string, pt: number, bold: boolean): number {
  let ems = 0;
  for (const char of text) {
    if (char === ' ') ems += 0.25;
    else if (/[-.,:;]/.test(char)) ems += 0.3;
    else if (char === char.toLocaleUpperCase('vi') && char !== char.toLocaleLowerCase('vi')) ems += 0.7;
    else ems += 0.47;
  }
  return Math.round(ems * pt * 20 * (bold ? 1.06 : 1));
}

function cell(width: number, children: Paragraph[]): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    margins: { left: 0, right: 0 },
    children,
  });
}

/** A borderless table of two columns: the heading's layout, and the recipients beside the signature. */
export function twoColumns(rows: [Paragraph[], Paragraph[]][], columns: number[] = HEADING_COLUMNS): Table {
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: columns,
    layout: TableLayoutType.FIXED,
    borders: TableBorders.NONE,
    rows: rows.map(([left, right]) => new TableRow({ children: [cell(columns[0]!, left), cell(columns[1]!, right)] })),
  });
}

/**
 * The two-column heading: parent body and issuing body (bold, a short rule beneath) on the left, the
 * national title and the motto (bold, one line, a rule as long) on the right; then the number on the
 * left and the place and date, in italics, on the right.
 */
export function heading(h: DocumentHeading): Table {
  const [left, right] = HEADING_COLUMNS as [number, number];
  const office = [
    ...centred([run(h.parentBody, { size: FONT.headerLine })]),
    ...centred([run(h.issuingBody, { size: FONT.headerLine, bold: true })], {
      rule: Math.round(textWidth(h.issuingBody, FONT.headerLine, true) * 0.5),
      width: left,
    }),
  ];
  const nation = [
    ...centred([run(NATIONAL_TITLE, { size: FONT.nationalTitle, bold: true })]),
    ...centred([run(MOTTO, { size: FONT.motto, bold: true })], { rule: textWidth(MOTTO, FONT.motto, true), width: right }),
  ];
  const number = centred([run(h.numberLine, { size: FONT.headerLine })]);
  const date = centred([run(h.placeAndDate, { size: FONT.body, italics: true })]);
  return twoColumns([
    [office, nation],
    [
      [spacer(), ...number],
      [spacer(), ...date],
    ],
  ]);
}

/**
 * Points between the subject's last line and its rule. Right under the line box, LibreOffice draws
 * the rule on the descenders, like an underline; the decree's models leave it a few points below.
 */
const SUBJECT_RULE_GAP = 4;

/** The heading, then the document's title and its subject, bold and centred, a short rule beneath the subject. */
export function headingAndTitle(d: { heading: DocumentHeading; title: string; subject: string }): (Paragraph | Table)[] {
  return [
    heading(d.heading),
    spacer(240),
    ...centred([run(d.title, { size: FONT.title, bold: true })]),
    ...centred([run(d.subject, { size: FONT.title, bold: true })], {
      after: 240,
      rule: Math.round(TEXT_WIDTH * 0.25),
      gap: SUBJECT_RULE_GAP,
    }),
  ];
}

export function spacer(after = 0): Paragraph {
  return new Paragraph({ spacing: { after }, children: [] });
}

/** The page: A4 portrait, the decree's margins; the page number centred in the top margin from the second page. */
export function pageSection(children: ISectionOptions['children']): ISectionOptions {
  const numbered = new Paragraph({
    alignment: AlignmentType.CENTER,
    children: [new TextRun({ children: [PageNumber.CURRENT], font: FONT.family, size: halfPoints(FONT.pageNumber) })],
  });
  return {
    properties: {
      titlePage: true,
      page: {
        size: { width: twip(PAGE.widthMm), height: twip(PAGE.heightMm) },
        margin: {
          top: twip(PAGE.marginMm.top),
          bottom: twip(PAGE.marginMm.bottom),
          left: twip(PAGE.marginMm.left),
          right: twip(PAGE.marginMm.right),
          header: twip(PAGE.headerMm),
        },
      },
    },
    headers: { default: new Header({ children: [numbered] }), first: new Header({ children: [new Paragraph({ children: [] })] }) },
    children,
  };
}

export const LIST_CELL_STYLE = 'ListCell';

/** Times New Roman throughout, the body's size by default. */
export const DOCUMENT_STYLES = {
  default: { document: { run: { font: FONT.family, size: halfPoints(FONT.body) } } },
  // A list's cell (list-table.ts): its type and spacing once here, not on each of thousands of cells.
  paragraphStyles: [
    {
      id: LIST_CELL_STYLE,
      name: 'Danh sách',
      run: { font: FONT.family, size: halfPoints(FONT.table) },
      paragraph: { spacing: { before: 40, after: 40 } },
    },
  ],
};

/** A document of the office on the decree's page, its title in the file's properties, as the bytes of a .docx. */
export async function officeDocx(title: string, children: ISectionOptions['children']): Promise<Buffer> {
  const document = new Document({ creator: 'thidua', title, styles: DOCUMENT_STYLES, sections: [pageSection(children)] });
  return Packer.toBuffer(document);
}
