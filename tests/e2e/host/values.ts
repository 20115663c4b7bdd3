/**
 * How Excel turns what is entered into a cell (typed, pasted, or written through Range.values) into
 * what the cell holds, and how it shows it. The stand-in host follows Excel in a Vietnamese office
 * (vi-VN: dates day first) where it matters to the add-in:
 *  - a leading apostrophe makes the rest text, and is not part of the value read back;
 *  - in a cell formatted '@' (Text), what is entered stays text as entered ("03" stays "03");
 *  - elsewhere a number becomes a number ("03" → 3), TRUE/FALSE a boolean, a d/m/yyyy date a serial;
 *  - text starting with = (or +, -, @ when it is no number) becomes a formula. The host does not
 *    compute formulas: the cell keeps the formula and reads back as #NAME?, so a test can find every
 *    cell that turned into a formula (host.formulaCells()).
 */
export type Scalar = string | number | boolean;

export interface Entered {
  value: Scalar;
  /** The formula text (with its '='), when the entry became a formula. */
  formula?: string;
  /** Entered with Excel's text prefix ('): shown without it, kept as a cell property. */
  textPrefix?: boolean;
  /** A number format Excel applies by itself (a date typed into a General cell). */
  format?: string;
}

export const FORMULA_VALUE = '#NAME?';
const DATE_FORMAT = 'dd/mm/yyyy';

/** Excel's day 0 is 30/12/1899 (its 1900 leap-year bug folded in for every date after 28/02/1900). */
const EPOCH_UTC = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

export function dateToSerial(year: number, month: number, day: number): number | undefined {
  const time = Date.UTC(year, month - 1, day);
  const check = new Date(time);
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return undefined;
  return Math.round((time - EPOCH_UTC) / DAY_MS);
}

export function serialToParts(serial: number): { year: number; month: number; day: number } {
  const date = new Date(EPOCH_UTC + Math.floor(serial) * DAY_MS);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const DMY = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;
const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

export class EntryError extends Error {}

/** What a cell with this number format holds once `input` is entered. */
export function enter(input: Scalar, format: string): Entered {
  if (typeof input === 'number') {
    if (!Number.isFinite(input)) throw new EntryError(`${input} is not a value a cell can hold`);
    return { value: input };
  }
  if (typeof input === 'boolean') return { value: input };
  if (typeof input !== 'string') throw new EntryError(`a cell cannot hold a ${typeof input}`);
  if (input === '') return { value: '' };
  if (input.startsWith("'")) return { value: input.slice(1), textPrefix: true };
  if (format === '@') return { value: input };
  const trimmed = input.trim();
  if (NUMBER.test(trimmed)) return { value: Number(trimmed) };
  if (/^=./s.test(input)) return { value: FORMULA_VALUE, formula: input };
  if (/^[+\-@]./s.test(input)) return { value: FORMULA_VALUE, formula: `=${input}` };
  const dmy = DMY.exec(trimmed);
  if (dmy) {
    const serial = dateToSerial(Number(dmy[3]), Number(dmy[2]), Number(dmy[1]));
    if (serial !== undefined) return { value: serial, ...(isGeneral(format) ? { format: DATE_FORMAT } : {}) };
  }
  const iso = ISO.exec(trimmed);
  if (iso) {
    const serial = dateToSerial(Number(iso[1]), Number(iso[2]), Number(iso[3]));
    if (serial !== undefined) return { value: serial, ...(isGeneral(format) ? { format: DATE_FORMAT } : {}) };
  }
  if (/^(true|false)$/i.test(trimmed)) return { value: trimmed.toLowerCase() === 'true' };
  return { value: input };
}

function isGeneral(format: string): boolean {
  return format === '' || format.toLowerCase() === 'general';
}

export function isDateFormat(format: string): boolean {
  const bare = format.replace(/"[^"]*"/g, '').toLowerCase();
  return /d/.test(bare) && /y/.test(bare);
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The text a cell shows, as Excel would with this number format (vi-VN: decimal comma). */
export function display(value: Scalar, format: string, formula?: string): string {
  if (formula !== undefined) return String(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'number') {
    if (isDateFormat(format) && value > 0) {
      const { year, month, day } = serialToParts(value);
      return format.toLowerCase().startsWith('dd') ? `${pad(day)}/${pad(month)}/${year}` : `${day}/${month}/${year}`;
    }
    if (Number.isInteger(value)) return String(value);
    return String(Number(value.toPrecision(11))).replace('.', ',');
  }
  return value;
}

/** What the formula bar (and the in-cell editor) shows for a cell. */
export function editText(value: Scalar, format: string, formula?: string, textPrefix?: boolean): string {
  if (formula !== undefined) return formula;
  if (typeof value === 'string') return textPrefix ? `'${value}` : value;
  if (typeof value === 'number' && isDateFormat(format) && value > 0) {
    const { year, month, day } = serialToParts(value);
    return `${pad(day)}/${pad(month)}/${year}`;
  }
  return display(value, 'General');
}

/** UTF-8 bytes of a value's JSON, as a request or response of Office.js carries it. */
export function jsonBytes(value: unknown): number {
  const text = JSON.stringify(value) ?? '';
  let bytes = 0;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff) {
      bytes += 4;
      i += 1;
    } else bytes += 3;
  }
  return bytes;
}

/** 0 → A, 25 → Z, 26 → AA. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let letters = '';
  while (n > 0) {
    const rest = (n - 1) % 26;
    letters = String.fromCharCode(65 + rest) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

export function columnFromLetters(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}
