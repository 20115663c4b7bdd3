import {
  AlignmentType,
  BorderStyle,
  Document,
  FrameAnchorType,
  FrameWrap,
  HeightRule,
  Packer,
  PageOrientation,
  Paragraph,
  TextRun,
  type ISectionOptions,
  type Table,
} from 'docx';
import type { Certificate } from '#shared/documents/certificate';
import { PAPER_MM, placedFields, type CertificateLayout, type PlacedField } from '#shared/documents/certificate-layout';
import { FONT } from '#shared/documents/format';
import { DOCUMENT_STYLES, twip } from './layout';

/**
 * The Giấy khen printed on the office's blank: a page per awardee, each field a frame anchored to the
 * page at the layout's millimetres (offsets applied), so that Word and LibreOffice put it exactly there.
 * Nothing else: the blank carries the national title, "GIẤY KHEN", the border and the emblem. Every
 * text is a run of plain text: a name that reads like a formula or a field code stays text.
 */
export async function certificatesDocx(layout: CertificateLayout, certificates: readonly Certificate[]): Promise<Buffer> {
  const fields = placedFields(layout);
  const sections = certificates.map((certificate) =>
    blankPage(
      layout,
      fields
        .filter((placed) => certificate[placed.field].length > 0)
        .map((placed) => framed(placed, textRuns(placed, certificate[placed.field]))),
    ),
  );
  return pack('Giấy khen', sections);
}

export function pack(title: string, sections: ISectionOptions[]): Promise<Buffer> {
  return Packer.toBuffer(new Document({ creator: 'thidua', title, styles: DOCUMENT_STYLES, sections }));
}

const ALIGNMENT = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT } as const;

/** The field's lines in its type, one under another in the same frame (consecutive framed paragraphs alike would merge). */
function textRuns(placed: PlacedField, lines: readonly string[]): TextRun[] {
  return lines.map(
    (text, i) =>
      new TextRun({
        text,
        font: FONT.family,
        size: Math.round(placed.sizePt * 2),
        bold: placed.bold,
        italics: placed.italics,
        ...(i > 0 ? { break: 1 } : {}),
      }),
  );
}

const DASHED = { style: BorderStyle.DASHED, size: 6, color: 'C00000', space: 0 };

/** A paragraph in a frame at the field's place on the page; `outline` draws the box at its full height (the test print). */
export function framed(placed: PlacedField, children: TextRun[], outline = false): Paragraph {
  return new Paragraph({
    frame: {
      type: 'absolute',
      position: { x: twip(placed.xMm), y: twip(placed.yMm) },
      width: twip(placed.widthMm),
      ...(outline ? { height: twip(placed.heightMm), rule: HeightRule.EXACT } : {}),
      anchor: { horizontal: FrameAnchorType.PAGE, vertical: FrameAnchorType.PAGE },
      wrap: FrameWrap.NONE,
    },
    alignment: ALIGNMENT[placed.align],
    spacing: { before: 0, after: 0 },
    ...(outline ? { border: { top: DASHED, bottom: DASHED, left: DASHED, right: DASHED } } : {}),
    children,
  });
}

/**
 * One page of the blank's paper, as it lies in the printer, with its frames (and the test print's
 * grid) and the empty paragraph they hang on. No header, no page number: the blank is one sheet. The
 * frames ignore the margins; the test print's grid needs none (a table taller than the text area
 * would split onto a second page).
 */
export function blankPage(layout: CertificateLayout, children: (Paragraph | Table)[], marginMm = 10): ISectionOptions {
  const { short, long } = PAPER_MM[layout.paper];
  const margin = twip(marginMm);
  return {
    properties: {
      page: {
        size: {
          width: twip(short),
          height: twip(long),
          orientation: layout.orientation === 'landscape' ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT,
        },
        margin: { top: margin, bottom: margin, left: margin, right: margin, header: 0, footer: 0 },
      },
    },
    children: [...children, new Paragraph({ spacing: { before: 0, after: 0 }, run: { size: 2 }, children: [] })],
  };
}
