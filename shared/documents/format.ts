import type { IsoDate } from '#shared/dates';

/**
 * The presentation of an administrative document as Nghị định 30/2020/NĐ-CP (Phụ lục I) sets it, as
 * data: the .docx writer reads these values and the tests check the file against them, so a value
 * changes here once. Lengths are in millimetres and font sizes in points, as the decree states them.
 */
export const PAGE = {
  /** A4, portrait; an attached list may turn landscape. */
  widthMm: 210,
  heightMm: 297,
  // Within the decree's ranges: top and bottom 20–25, left 30–35, right 15–20.
  marginMm: { top: 20, bottom: 20, left: 30, right: 15 },
  /** Where the page number sits: in the top margin, above the text. */
  headerMm: 10,
} as const;

export const FONT = {
  /** Times New Roman throughout (a Unicode font, so Vietnamese needs nothing else). */
  family: 'Times New Roman',
  body: 14,
  /** Parent body, issuing body and the national title: 12–13 pt. */
  headerLine: 13,
  nationalTitle: 12,
  motto: 13,
  title: 14,
  /** "Nơi nhận:" 12 pt; its entries 11 pt. */
  recipientsLabel: 12,
  recipients: 11,
  pageNumber: 13,
  /** The attached list's table: 12–13 pt so that the achievement lines fit. */
  table: 12,
} as const;

/** A body paragraph: justified, indented 1–1.27 cm on its first line, at least 6 pt apart. */
export const PARAGRAPH = { firstLineIndentCm: 1.27, spaceAfterPt: 6, lineSpacing: 1.15 } as const;

/** The national title and the motto, hyphens (not en dashes) between the words of the motto. */
export const NATIONAL_TITLE = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
export const MOTTO = 'Độc lập - Tự do - Hạnh phúc';

/** What a body's text ends with, and what a line of the recipients' list and a Căn cứ line end with. */
export const BODY_END = './.';

/**
 * The kinds of document the product writes, with their abbreviation (Phụ lục III of the decree), and
 * the kinds a legal reference may name, read from its symbol ("645/KH-UBND" is a Kế hoạch).
 */
export const DOCUMENT_KINDS: Record<string, string> = {
  QĐ: 'Quyết định',
  TTr: 'Tờ trình',
  BB: 'Biên bản',
  KH: 'Kế hoạch',
  CT: 'Chỉ thị',
  NQ: 'Nghị quyết',
  NĐ: 'Nghị định',
  TT: 'Thông tư',
  HD: 'Hướng dẫn',
  TB: 'Thông báo',
  BC: 'Báo cáo',
};

/** A day or a month as the decree writes it: a leading zero for days 1–9 and for months 1 and 2 only. */
export function dayOf(day: number): string {
  return day < 10 ? `0${day}` : String(day);
}
export function monthOf(month: number): string {
  return month < 3 ? `0${month}` : String(month);
}

function parts(iso: IsoDate): [number, number, number] {
  const [year, month, day] = iso.split('-').map(Number);
  return [year!, month!, day!];
}

/** "ngày 05 tháng 9 năm 2025". */
export function longDate(iso: IsoDate): string {
  const [year, month, day] = parts(iso);
  return `ngày ${dayOf(day)} tháng ${monthOf(month)} năm ${year}`;
}

/** "25/9/2024": a date cited in the text, by the same leading-zero rule. */
export function shortDate(iso: IsoDate): string {
  const [year, month, day] = parts(iso);
  return `${dayOf(day)}/${monthOf(month)}/${year}`;
}

/** "Bắc Kạn, ngày 05 tháng 9 năm 2025". */
export function placeAndDate(place: string, iso: IsoDate): string {
  return `${place}, ${longDate(iso)}`;
}

/**
 * "Số: 05/QĐ-VP": the number in the register (a leading zero below 10), the kind's abbreviation and
 * the issuer's symbol. Without a number the line keeps its blank, to be filled when it is issued.
 */
export function numberLine(number: number | undefined, kind: string, issuerSymbol: string): string {
  const written = number === undefined ? '      ' : number < 10 ? `0${number}` : String(number);
  return `Số: ${written}/${kind}-${issuerSymbol}`;
}

/** The kind of a cited document, from its symbol: "645/KH-UBND" → Kế hoạch, "98/2023/NĐ-CP" → Nghị định. */
export function kindOfReference(ref: string): string | undefined {
  const symbol = /(?:^|\/|-)([A-ZĐa-z]{1,4})-[A-ZĐ]/.exec(ref) ?? /^\d+-([A-ZĐa-z]{1,4})\//.exec(ref);
  return symbol ? DOCUMENT_KINDS[symbol[1]!] : undefined;
}
