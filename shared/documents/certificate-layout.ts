import { z } from 'zod';
import type { Localized } from '#shared/localized';

/**
 * Where each field of the Giấy khen lands on the office's pre-printed blank (phôi), as data: the
 * blank's paper and orientation, each field's box (its top-left corner in millimetres from the page's
 * top-left, its width, how many lines it holds, its type) and the offsets the office finds after a
 * test print (the printer's own drift: every field moves by them). The defaults fit a common A4
 * landscape blank; the office's own layout is stored with its settings (PUT /office/certificate-layout).
 */
export const CertificateField = z.enum(['name', 'position', 'achievement', 'placeAndDate', 'decisionNumber', 'signerTitle', 'signerName']);
export type CertificateField = z.infer<typeof CertificateField>;

/** What each field is called on the test print and in a refusal. */
export const CERTIFICATE_FIELD_NAMES: Record<CertificateField, Localized> = {
  name: { vi: 'Họ và tên / Tên tập thể', en: 'Name' },
  position: { vi: 'Chức vụ, đơn vị', en: 'Position and unit' },
  achievement: { vi: 'Thành tích', en: 'Achievement' },
  placeAndDate: { vi: 'Địa danh, ngày tháng', en: 'Place and date' },
  decisionNumber: { vi: 'Số Quyết định', en: "Decision's number" },
  signerTitle: { vi: 'Chức vụ người ký', en: "Signer's title" },
  signerName: { vi: 'Họ tên người ký', en: "Signer's name" },
};

export const PAPER_MM = { A4: { short: 210, long: 297 }, A3: { short: 297, long: 420 } } as const;

/** The largest page's long side: no coordinate of any paper lies beyond it. */
const MAX_MM = PAPER_MM.A3.long;
/** The type on a certificate: small print to the name in large capitals. */
export const FIELD_SIZE_PT = { min: 8, max: 48 } as const;
/** A printer drifts by a few millimetres; more than this is a wrong paper, not an offset. */
export const MAX_OFFSET_MM = 30;

const Mm = z.number().min(0).max(MAX_MM);

export const FieldBox = z.strictObject({
  xMm: Mm,
  yMm: Mm,
  widthMm: z.number().min(5).max(MAX_MM),
  sizePt: z.number().min(FIELD_SIZE_PT.min).max(FIELD_SIZE_PT.max),
  align: z.enum(['left', 'center', 'right']),
  bold: z.boolean(),
  italics: z.boolean(),
  /** The lines the box holds: its height on the test print, and what must fit on the page. */
  lines: z.int().min(1).max(5),
});
export type FieldBox = z.infer<typeof FieldBox>;

export const CertificateLayout = z.strictObject({
  paper: z.enum(['A4', 'A3']),
  orientation: z.enum(['landscape', 'portrait']),
  offsetMm: z.strictObject({
    dx: z.number().min(-MAX_OFFSET_MM).max(MAX_OFFSET_MM),
    dy: z.number().min(-MAX_OFFSET_MM).max(MAX_OFFSET_MM),
  }),
  fields: z.strictObject(
    Object.fromEntries(CertificateField.options.map((field) => [field, FieldBox])) as Record<CertificateField, typeof FieldBox>,
  ),
});
export type CertificateLayout = z.infer<typeof CertificateLayout>;

const box = (xMm: number, yMm: number, widthMm: number, sizePt: number, style: Partial<FieldBox> = {}): FieldBox => ({
  xMm,
  yMm,
  widthMm,
  sizePt,
  align: 'center',
  bold: false,
  italics: false,
  lines: 1,
  ...style,
});

/**
 * A standard A4 landscape Giấy khen blank: the national title, "GIẤY KHEN" and the issuer's "TẶNG"
 * printed in the upper third; the name in large bold type across the middle; the position and unit
 * and the achievement beneath; the place and date, the signer's title, room for the signature and
 * seal and the name at the lower right; the decision's number at the lower left.
 */
export const DEFAULT_CERTIFICATE_LAYOUT: CertificateLayout = {
  paper: 'A4',
  orientation: 'landscape',
  offsetMm: { dx: 0, dy: 0 },
  fields: {
    name: box(38.5, 86, 220, 26, { bold: true }),
    position: box(38.5, 100, 220, 15),
    achievement: box(38.5, 110, 220, 15, { lines: 3 }),
    placeAndDate: box(160, 140, 120, 14, { italics: true }),
    signerTitle: box(160, 148, 120, 14, { bold: true, lines: 2 }),
    signerName: box(160, 182, 120, 15, { bold: true }),
    decisionNumber: box(25, 182, 110, 13, { align: 'left' }),
  },
};

/** The page in millimetres, as the blank lies in the printer. */
export function pageMm(layout: Pick<CertificateLayout, 'paper' | 'orientation'>): { widthMm: number; heightMm: number } {
  const { short, long } = PAPER_MM[layout.paper];
  return layout.orientation === 'landscape' ? { widthMm: long, heightMm: short } : { widthMm: short, heightMm: long };
}

/** A point in millimetres. */
const POINT_MM = 25.4 / 72;
/** Word's single line spacing of Times New Roman, in multiples of the type's size. */
export const LINE_HEIGHT = 1.15;

export interface PlacedField extends FieldBox {
  field: CertificateField;
  heightMm: number;
}

/** Each field's box where it prints: the layout's position moved by the offsets, with its height. */
export function placedFields(layout: CertificateLayout): PlacedField[] {
  const { dx, dy } = layout.offsetMm;
  return CertificateField.options.map((field) => {
    const found = layout.fields[field];
    const heightMm = found.lines * found.sizePt * LINE_HEIGHT * POINT_MM;
    return { ...found, field, xMm: found.xMm + dx, yMm: found.yMm + dy, heightMm };
  });
}

/** The fields whose box, once moved by the offsets, does not lie wholly on the page (a tenth of a millimetre's grace). */
export function fieldsOutsidePage(layout: CertificateLayout): CertificateField[] {
  const { widthMm, heightMm } = pageMm(layout);
  const within = (start: number, length: number, page: number) => start >= -0.1 && start + length <= page + 0.1;
  return placedFields(layout)
    .filter((placed) => !within(placed.xMm, placed.widthMm, widthMm) || !within(placed.yMm, placed.heightMm, heightMm))
    .map((placed) => placed.field);
}
