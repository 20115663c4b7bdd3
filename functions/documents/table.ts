import { AlignmentType, BorderStyle, Paragraph, Table, TableCell, TableLayoutType, TableRow, VerticalAlign, WidthType } from 'docx';
import type { MinutesTable } from '#shared/documents/council-minutes';
import { FONT } from '#shared/documents/format';
import { run, TEXT_WIDTH } from './layout';

const RULED = { style: BorderStyle.SINGLE, size: 4, color: '000000' } as const;
const ALIGN = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT } as const;

/**
 * A ruled table across the text's width, 12 pt: the header row bold, centred and repeated on every
 * page, rows never split across pages. Every cell is a run of plain text.
 */
export function ruledTable(table: MinutesTable): Table {
  const widths = table.columns.map((column) => Math.round(TEXT_WIDTH * column.share));
  const cellOf = (text: string, column: number, header: boolean) =>
    new TableCell({
      width: { size: widths[column]!, type: WidthType.DXA },
      verticalAlign: VerticalAlign.CENTER,
      borders: { top: RULED, bottom: RULED, left: RULED, right: RULED },
      children: [
        new Paragraph({
          alignment: header ? AlignmentType.CENTER : ALIGN[table.columns[column]!.align ?? 'left'],
          spacing: { before: 40, after: 40 },
          children: [run(text, { size: FONT.table, bold: header })],
        }),
      ],
    });
  const header = new TableRow({ tableHeader: true, cantSplit: true, children: table.columns.map((c, i) => cellOf(c.header, i, true)) });
  const rows = table.rows.map((cells) => new TableRow({ cantSplit: true, children: cells.map((text, i) => cellOf(text, i, false)) }));
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    rows: [header, ...rows],
  });
}
