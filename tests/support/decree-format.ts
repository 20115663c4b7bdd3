import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { expect } from 'vitest';
import { paragraphTexts, paragraphWith, unzip } from './docx';

/**
 * The format of Nghị định 30/2020/NĐ-CP (Phụ lục I) checked on a generated .docx, the same checks for
 * every document of the office: the page and its margins, Times New Roman, the page numbers, the
 * two-column heading with its rules, "Số:" and the place and date, the title, the body's paragraphs,
 * "Nơi nhận:". Each document's own test adds what it says.
 */
export interface OpenedDocx {
  bytes: Uint8Array;
  xml: string;
  texts: string[];
  /** The header of pages after the first, and of the first. */
  header: string;
  firstHeader: string;
}

const run = promisify(execFile);

export function openDocx(bytes: Uint8Array): OpenedDocx {
  const parts = unzip(bytes);
  const xml = parts.get('word/document.xml')!;
  const rels = parts.get('word/_rels/document.xml.rels')!;
  const target = (type: string) => {
    const rId = new RegExp(`<w:headerReference w:type="${type}" r:id="(\\w+)"`).exec(xml)?.[1];
    return rId ? parts.get(`word/${new RegExp(`Id="${rId}"[^>]*Target="([^"]+)"`).exec(rels)![1]}`)! : '';
  };
  return { bytes, xml, texts: paragraphTexts(xml), header: target('default'), firstHeader: target('first') };
}

const mm = (twips: number) => (twips / 1440) * 25.4;

/** A4 in Word's twips, portrait (or landscape where allowed), the decree's margins. */
export function expectPage(xml: string, orientation: 'portrait' | 'landscape' = 'portrait') {
  const size = orientation === 'portrait' ? 'w:w="11906" w:h="16838"' : 'w:w="16838" w:h="11906"';
  expect(xml).toContain(`<w:pgSz ${size} w:orient="${orientation}"/>`);
  const margin = Object.fromEntries(
    [...xml.matchAll(/w:(top|right|bottom|left)="(\d+)"/g)]
      .filter((m) => m.index! > xml.indexOf('<w:pgMar'))
      .slice(0, 4)
      .map(([, side, value]) => [side, mm(Number(value))]),
  );
  const within = (value: number | undefined, low: number, high: number) => expect(value! >= low - 0.1 && value! <= high).toBe(true);
  within(margin.top, 20, 25);
  within(margin.bottom, 20, 25);
  within(margin.left, 30, 35);
  within(margin.right, 15, 20);
}

export function expectTimesNewRoman(xml: string) {
  const fonts = [...xml.matchAll(/<w:rFonts ([^>]*)\/>/g)].map(([, attributes]) => attributes!);
  expect(fonts.length).toBeGreaterThan(5);
  for (const attributes of fonts) {
    expect(attributes).toContain('w:ascii="Times New Roman"');
    expect(attributes).toContain('w:hAnsi="Times New Roman"');
  }
}

/** The two-column heading, "Số:" with the type's abbreviation and the place and date in italics. */
export function expectHeading(xml: string, numberLine: string, placeAndDate: string) {
  expect(paragraphWith(xml, 'UBND TỈNH BẮC KẠN')).toMatch(/<w:sz w:val="2[46]"\/>/);
  expect(paragraphWith(xml, 'UBND TỈNH BẮC KẠN')).not.toContain('<w:b/>');
  expect(paragraphWith(xml, 'VĂN PHÒNG')).toMatch(/<w:b\/>[\s\S]*<w:sz w:val="2[46]"\/>/);
  expect(paragraphWith(xml, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM')).toMatch(/<w:b\/>[\s\S]*<w:sz w:val="2[46]"\/>/);
  expect(paragraphWith(xml, 'Độc lập - Tự do - Hạnh phúc')).toMatch(/<w:b\/>[\s\S]*<w:sz w:val="2[68]"\/>/);
  // The rule: the next paragraph's top border, below both the issuing body and the motto.
  for (const text of ['VĂN PHÒNG', 'Độc lập - Tự do - Hạnh phúc']) {
    const after = xml.slice(xml.indexOf(paragraphWith(xml, text)) + paragraphWith(xml, text).length);
    expect(after.slice(0, after.indexOf('</w:p>'))).toMatch(/<w:pBdr><w:top w:val="single"/);
  }
  expect(paragraphWith(xml, numberLine)).toBeTruthy();
  expect(paragraphWith(xml, placeAndDate)).toContain('<w:i/>');
}

/** The title: capitals, bold, 14 pt. */
export function expectTitle(xml: string, title: string) {
  expect(title).toBe(title.toLocaleUpperCase('vi'));
  expect(paragraphWith(xml, title)).toMatch(/<w:b\/>[\s\S]*<w:sz w:val="2[68]"\/>/);
}

/**
 * The short rule beneath the subject ("Về việc …"): the next paragraph's top border, a few points below
 * the subject's last line (right under it, LibreOffice draws it on the descenders, like an underline).
 */
export function expectSubjectRule(xml: string, subject: string) {
  const p = paragraphWith(xml, subject);
  const after = xml.slice(xml.indexOf(p) + p.length);
  const rule = after.slice(0, after.indexOf('</w:p>'));
  expect(rule).toMatch(/<w:pBdr><w:top w:val="single"/);
  expect(Number(/<w:spacing [^>]*w:before="(\d+)"/.exec(rule)?.[1])).toBeGreaterThanOrEqual(60);
}

/** A body paragraph: justified, 13–14 pt, first line indented 1–1.27 cm, at least 6 pt after. */
export function expectBodyParagraph(xml: string, text: string) {
  const p = paragraphWith(xml, text);
  expect(p).toContain('<w:jc w:val="both"/>');
  expect(p).toMatch(/<w:sz w:val="2[68]"\/>/);
  const indent = Number(/<w:ind w:firstLine="(\d+)"/.exec(p)![1]);
  expect(indent).toBeGreaterThanOrEqual(567);
  expect(indent).toBeLessThanOrEqual(720);
  expect(Number(/<w:spacing w:after="(\d+)"/.exec(p)![1])).toBeGreaterThanOrEqual(120);
}

/** Page numbers centred in the top margin, none on the first page. */
export function expectPageNumbers(doc: OpenedDocx) {
  expect(doc.xml).toContain('<w:titlePg/>');
  expect(doc.header).toMatch(/<w:jc w:val="center"\/>/);
  expect(doc.header).toMatch(/PAGE/);
  expect(doc.firstHeader).not.toMatch(/PAGE/);
}

/** "Nơi nhận:" 12 pt bold italic, its entries 11 pt, the last "- Lưu: VT, …." */
export function expectRecipients(doc: OpenedDocx, filing = '- Lưu: VT, HCQT.') {
  expect(paragraphWith(doc.xml, 'Nơi nhận:')).toMatch(/<w:b\/>[\s\S]*<w:i\/>[\s\S]*<w:sz w:val="24"\/>/);
  expect(paragraphWith(doc.xml, filing)).toContain('<w:sz w:val="22"/>');
}

/** Typed text stays text: no Word field comes from it. */
export function expectNoFieldsInBody(xml: string) {
  expect(xml).not.toMatch(/<w:fldSimple|<w:instrText|<w:fldChar/);
}

export interface ConvertedPdf {
  pages: number;
  /** The text of each page (pdftotext -layout). */
  pageTexts: string[];
  pdf: Buffer;
}

/**
 * LibreOffice converts the document to PDF (Debian's libreoffice-writer-nogui, installed by .ci/run):
 * an error, the page count and the text of each page (poppler's pdfinfo, pdftotext).
 */
export async function convertToPdf(bytes: Uint8Array, name: string): Promise<ConvertedPdf> {
  const dir = await mkdtemp(join(tmpdir(), 'thidua-docx-'));
  try {
    await writeFile(join(dir, `${name}.docx`), bytes);
    // A profile of its own: soffice would hand the job to another running instance sharing the default one.
    const profile = `-env:UserInstallation=file://${join(dir, 'profile')}`;
    await run('soffice', [profile, '--headless', '--convert-to', 'pdf', '--outdir', dir, join(dir, `${name}.docx`)], { timeout: 110_000 });
    const pdf = join(dir, `${name}.pdf`);
    const { stdout: info } = await run('pdfinfo', [pdf]);
    expect(info).toMatch(/Page size:\s+(595\.\d+ x 841\.\d+|841\.\d+ x 595\.\d+) pts/);
    const { stdout: text } = await run('pdftotext', ['-layout', pdf, '-']);
    return { pages: Number(/Pages:\s+(\d+)/.exec(info)![1]), pageTexts: text.split('\f'), pdf: await readFile(pdf) };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * Every check above on one document: the page, the type, the page numbers, the heading with its
 * number and date, the title, each Căn cứ line (italic, justified, indented, ending ";"), the body's
 * last paragraph ending "./.", "Nơi nhận:" and no field from typed text.
 */
export function expectDecreeDocument(
  doc: OpenedDocx,
  expected: { numberLine: string; placeAndDate: string; title: string; closing: RegExp },
) {
  expectPage(doc.xml);
  expectTimesNewRoman(doc.xml);
  expectPageNumbers(doc);
  expectHeading(doc.xml, expected.numberLine, expected.placeAndDate);
  expectTitle(doc.xml, expected.title);
  for (const basis of doc.texts.filter((text) => text.startsWith('Căn cứ'))) {
    expect(basis.endsWith(';')).toBe(true);
    expectBodyParagraph(doc.xml, basis);
    expect(paragraphWith(doc.xml, basis)).toContain('<w:i/>');
  }
  const closing = doc.texts.find((text) => expected.closing.test(text));
  expect(closing, `a paragraph matching ${expected.closing}`).toMatch(/\.\/\.$/);
  expectBodyParagraph(doc.xml, closing!);
  expectRecipients(doc);
  expectNoFieldsInBody(doc.xml);
}
