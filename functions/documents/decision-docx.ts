import {
  AlignmentType,
  BorderStyle,
  Document,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  VerticalAlign,
  WidthType,
} from 'docx';
import type { AwardDecision } from '#shared/documents/decision';
import type { AwardeeGroup } from '#shared/documents/decision-list';
import { FONT } from '#shared/documents/format';
import { bodyParagraph, centred, DOCUMENT_STYLES, heading, pageSection, run, spacer, TEXT_WIDTH, textWidth, twoColumns } from './layout';

/**
 * The Quyết định awarding the office's Giấy khen, laid out from its content (shared/documents/decision.ts):
 * heading, title and subject, authority, Căn cứ lines in italics, the articles, the recipients beside
 * the signature, and on a new page the Danh sách kèm theo as a table. Every text is a run of plain
 * text: a name that reads like a formula or a field code stays text in Word.
 */
export async function decisionDocx(decision: AwardDecision): Promise<Buffer> {
  const document = new Document({
    creator: 'thidua',
    title: `${decision.title} ${decision.heading.numberLine}`,
    styles: DOCUMENT_STYLES,
    sections: [pageSection([...decisionBody(decision), ...attachedList(decision)])],
  });
  return Packer.toBuffer(document);
}

function decisionBody(d: AwardDecision): (Paragraph | Table)[] {
  return [
    heading(d.heading),
    spacer(240),
    ...centred([run(d.title, { size: FONT.title, bold: true })]),
    ...centred([run(d.subject, { size: FONT.title, bold: true })], { after: 240, rule: Math.round(TEXT_WIDTH * 0.25) }),
    ...centred([run(d.authority, { size: FONT.title, bold: true })], { after: 240 }),
    ...d.bases.map((basis) => bodyParagraph([run(basis, { italics: true })])),
    bodyParagraph([run(d.proposal, { italics: true })]),
    ...centred([run(d.decides, { size: FONT.title, bold: true })], { after: 120 }),
    ...d.articles.map((article) => bodyParagraph([run(article.label, { bold: true }), run(` ${article.text}`)])),
    spacer(120),
    signatureAndRecipients(d),
  ];
}

/** "Nơi nhận:" (12 pt, bold italic) and its entries (11 pt) on the left; the signature on the right. */
function signatureAndRecipients(d: AwardDecision): Table {
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

const LIST_COLUMNS = [
  { header: 'STT', share: 0.08 },
  { header: 'Tên tập thể, cá nhân', share: 0.27 },
  { header: 'Chức vụ, đơn vị', share: 0.25 },
  { header: 'Thành tích', share: 0.4 },
] as const;
const listWidths = LIST_COLUMNS.map((column) => Math.round(TEXT_WIDTH * column.share));
const LINE = { style: BorderStyle.SINGLE, size: 4, color: '000000' };

function listCell(text: string, index: number, style: { bold?: boolean; centre?: boolean; span?: number } = {}): TableCell {
  return new TableCell({
    width: { size: style.span ? TEXT_WIDTH : listWidths[index]!, type: WidthType.DXA },
    columnSpan: style.span,
    verticalAlign: VerticalAlign.CENTER,
    borders: { top: LINE, bottom: LINE, left: LINE, right: LINE },
    children: [
      new Paragraph({
        alignment: style.centre ? AlignmentType.CENTER : AlignmentType.LEFT,
        spacing: { before: 40, after: 40 },
        children: [run(text, { size: FONT.table, bold: style.bold })],
      }),
    ],
  });
}

function groupRows(group: AwardeeGroup): TableRow[] {
  return [
    new TableRow({ cantSplit: true, children: [listCell(group.heading, 0, { bold: true, span: LIST_COLUMNS.length })] }),
    ...group.rows.map(
      (row, i) =>
        new TableRow({
          cantSplit: true,
          children: [
            listCell(String(i + 1), 0, { centre: true }),
            listCell(row.name, 1, { bold: true }),
            listCell(row.position, 2),
            listCell(row.achievement, 3),
          ],
        }),
    ),
  ];
}

/** The Danh sách kèm theo, on a page of its own: its title, what it lists, which decision it goes with, the table. */
function attachedList(d: AwardDecision): (Paragraph | Table)[] {
  const header = new TableRow({
    tableHeader: true,
    children: LIST_COLUMNS.map((column, i) => listCell(column.header, i, { bold: true, centre: true })),
  });
  return [
    new Paragraph({
      pageBreakBefore: true,
      alignment: AlignmentType.CENTER,
      children: [run(d.list.title, { size: FONT.title, bold: true })],
    }),
    ...centred([run(d.list.subject, { size: FONT.title, bold: true })]),
    ...centred([run(d.list.reference, { italics: true })], { after: 240, rule: textWidth(d.list.reference, FONT.body, false) / 3 }),
    new Table({
      width: { size: TEXT_WIDTH, type: WidthType.DXA },
      columnWidths: listWidths,
      layout: TableLayoutType.FIXED,
      rows: [header, ...d.list.groups.flatMap(groupRows)],
    }),
  ];
}
