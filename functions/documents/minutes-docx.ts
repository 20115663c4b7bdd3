import { Document, Packer, Paragraph, type Table } from 'docx';
import type { MinutesBlock, MinutesDocument, SignatureColumn } from '#shared/documents/council-minutes';
import { FONT } from '#shared/documents/format';
import { bodyParagraph, centred, DOCUMENT_STYLES, headingAndTitle, pageSection, run, spacer, TEXT_WIDTH, twoColumns } from './layout';
import { ruledTable } from './table';

/**
 * The council's Biên bản (kiểm phiếu, họp), laid out from their content (shared/documents/council-minutes.ts):
 * the heading, the title and its subject with a short rule, the body (sections and paragraphs justified
 * and indented, tables ruled), the two signature columns, then "Nơi nhận:". Every text is a run of
 * plain text: a name that reads like a formula or a field code stays text in Word.
 */
export async function minutesDocx(d: MinutesDocument): Promise<Buffer> {
  const document = new Document({
    creator: 'thidua',
    title: `${d.title} ${d.heading.numberLine}`,
    styles: DOCUMENT_STYLES,
    sections: [
      pageSection([
        ...headingAndTitle(d),
        ...d.blocks.flatMap(block),
        spacer(120),
        twoColumns([[signature(d.signatures[0]), signature(d.signatures[1])]], [TEXT_WIDTH / 2, TEXT_WIDTH / 2]),
        spacer(240),
        new Paragraph({ children: [run('Nơi nhận:', { size: FONT.recipientsLabel, bold: true, italics: true })] }),
        ...d.recipients.map((line) => new Paragraph({ children: [run(line, { size: FONT.recipients })] })),
      ]),
    ],
  });
  return Packer.toBuffer(document);
}

/** A table keeps 6 pt from what follows it, as paragraphs keep from each other. */
function block(b: MinutesBlock): (Paragraph | Table)[] {
  if (b.kind === 'table') return [ruledTable(b.table), spacer(120)];
  if (b.kind === 'section') return [bodyParagraph([run(b.text, { bold: true })])];
  return [bodyParagraph([run(b.text, { bold: b.bold, italics: b.italics })])];
}

/** The title, then each name below room for the signature. */
function signature(column: SignatureColumn): Paragraph[] {
  return [
    ...centred([run(column.title, { bold: true })]),
    ...column.names.flatMap((name) => [...[1, 2, 3, 4].map(() => spacer()), ...centred([run(name, { bold: true })])]),
  ];
}
