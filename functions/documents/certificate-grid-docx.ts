import {
  BorderStyle,
  HeightRule,
  OverlapType,
  Paragraph,
  Table,
  TableAnchorType,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { CERTIFICATE_FIELD_NAMES, pageMm, placedFields, type CertificateLayout } from '#shared/documents/certificate-layout';
import { FONT } from '#shared/documents/format';
import { blankPage, framed, pack } from './certificate-docx';
import { twip } from './layout';

/** The grid's step and the step of its labels, in millimetres. */
const STEP_MM = 10;
const LABEL_EVERY = 5;

const small = (text: string, color = '000000') => new TextRun({ text, font: FONT.family, size: 12, color });

/** A grid line: every 50 mm black and thicker, the others light grey. */
function line(mm: number) {
  const major = mm % (STEP_MM * LABEL_EVERY) === 0;
  return { style: BorderStyle.SINGLE, size: major ? 8 : 2, color: major ? '000000' : 'A0A0A0', space: 0 };
}

/**
 * The grid from the page's top-left corner, a cell every 10 mm, floating at the page's origin so
 * that it measures the paper itself; every 50 mm its line is black and its corner says "x,y" in mm.
 * It stops short of the page's far edges (a table reaching them would push a second page).
 */
function grid(widthMm: number, heightMm: number): Table {
  const columns = Math.ceil(widthMm / STEP_MM) - 1;
  const rows = Math.ceil(heightMm / STEP_MM) - 1;
  const cell = (row: number, column: number) =>
    new TableCell({
      width: { size: twip(STEP_MM), type: WidthType.DXA },
      margins: { top: 0, bottom: 0, left: 20, right: 0 },
      borders: {
        top: line(row * STEP_MM),
        bottom: line((row + 1) * STEP_MM),
        left: line(column * STEP_MM),
        right: line((column + 1) * STEP_MM),
      },
      children: [
        new Paragraph({
          spacing: { before: 0, after: 0 },
          children: row % LABEL_EVERY === 0 && column % LABEL_EVERY === 0 ? [small(`${column * STEP_MM},${row * STEP_MM}`)] : [],
        }),
      ],
    });
  return new Table({
    float: {
      horizontalAnchor: TableAnchorType.PAGE,
      verticalAnchor: TableAnchorType.PAGE,
      absoluteHorizontalPosition: 0,
      absoluteVerticalPosition: 0,
      overlap: OverlapType.OVERLAP,
    },
    layout: TableLayoutType.FIXED,
    width: { size: twip(columns * STEP_MM), type: WidthType.DXA },
    columnWidths: Array.from({ length: columns }, () => twip(STEP_MM)),
    rows: Array.from(
      { length: rows },
      (_, row) =>
        new TableRow({
          height: { value: twip(STEP_MM), rule: HeightRule.EXACT },
          children: Array.from({ length: columns }, (__, column) => cell(row, column)),
        }),
    ),
  });
}

/**
 * The test print (bản in thử): on one page of the blank's paper, the grid and each field's box where
 * it will print (offsets applied), outlined and named, with a legend of the offsets in use. The office
 * prints it on plain paper, holds it over a blank against the light, and corrects the offsets.
 */
export function certificateGridDocx(layout: CertificateLayout): Promise<Buffer> {
  const { widthMm, heightMm } = pageMm(layout);
  const boxes = placedFields(layout).map((placed) => framed(placed, [small(CERTIFICATE_FIELD_NAMES[placed.field].vi, 'C00000')], true));
  const { dx, dy } = layout.offsetMm;
  const legend = framed(
    {
      ...placedFields(layout)[0]!,
      xMm: STEP_MM,
      yMm: (Math.ceil(heightMm / STEP_MM) - 1) * STEP_MM + 1,
      widthMm: widthMm - 2 * STEP_MM,
      align: 'left',
    },
    [small(`Bản in thử Giấy khen (${layout.paper}): lưới 10 mm, nhãn "x,y" mm từ góc trên bên trái; độ lệch dx = ${dx} mm, dy = ${dy} mm`)],
  );
  return pack('Giấy khen - bản in thử', [blankPage(layout, [grid(widthMm, heightMm), ...boxes, legend], 0)]);
}
