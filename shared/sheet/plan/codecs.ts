import type { Localized } from '#shared/localized';
import { toNfc } from '#shared/text';
import { cellText, dateCell, sheetText, type CellValue } from '#shared/sheet/cells';
import { readDateCell } from '#shared/sheet/excel-dates';
import { matchLabel, NO, normalize, YES } from '#shared/sheet/labels';

/**
 * How one cell of the "Kế hoạch" sheet holds one value of the campaign: what it writes, its number
 * format, and how it reads back what people leave in Excel (spaces around, dates as serials or
 * dd/MM/yyyy text, numbers as text). A reading it cannot make sense of is a problem at that cell.
 */
export interface Codec {
  format: 'text' | 'date' | 'number';
  write(value: unknown): CellValue;
  /** The value for the campaign; undefined leaves the field out (blank optional cell). */
  read(cell: CellValue, problem: (message: Localized) => void): unknown;
}

export const TEXT_FORMAT = '@';
export const DATE_FORMAT = 'dd/mm/yyyy';
export const NUMBER_FORMAT = 'General';

const typed = (cell: CellValue): string => toNfc(cellText(cell));

/**
 * Text that would read as a formula, or lose a leading apostrophe (Excel's own text prefix), is
 * written behind the prefix, so that the cell holds it as typed.
 */
export const asText = (value: string): string => (value.startsWith("'") ? `'${value}` : sheetText(value));

/** Free text; a blank cell reads as '' (the schema says whether that is allowed). */
export const text: Codec = {
  format: 'text',
  write: (value) => asText(value === undefined ? '' : String(value)),
  read: (cell) => typed(cell),
};

/** Free text a blank cell leaves out. */
export const optionalText: Codec = { ...text, read: (cell) => typed(cell) || undefined };

export const date: Codec = {
  format: 'date',
  write: (value) => dateCell(value as string | undefined),
  read(cell, problem) {
    const { iso, invalid } = readDateCell(typeof cell === 'string' ? toNfc(cell) : cell);
    if (invalid)
      problem({ vi: `"${invalid}" không phải ngày: hãy gõ theo dạng dd/MM/yyyy`, en: `"${invalid}" is not a date: type it as dd/MM/yyyy` });
    return iso;
  },
};

/** A whole number, typed as a number or as text ("3", " 3 ", "3,0"). */
export const integer: Codec = {
  format: 'number',
  write: (value) => (typeof value === 'number' ? value : ''),
  read(cell, problem) {
    if (typeof cell === 'number') return cell;
    const raw = typed(cell);
    if (!raw) return undefined;
    const number = Number(raw.replace(',', '.'));
    if (!Number.isFinite(number))
      problem({ vi: `"${raw}" không phải số: hãy gõ một số nguyên`, en: `"${raw}" is not a number: type a whole number` });
    return Number.isFinite(number) ? number : undefined;
  },
};

function unknownChoice(raw: string, labels: readonly string[]): Localized {
  const list = labels.map((label) => `"${label}"`).join(', ');
  return { vi: `Không hiểu "${raw}": hãy chọn một trong ${list}`, en: `"${raw}" is not understood: choose one of ${list}` };
}

/** One of an enumeration, shown by its Vietnamese label; the code itself is understood too. */
export function choice<K extends string>(labels: Record<K, string>): Codec {
  return {
    format: 'text',
    write: (value) => (value === undefined ? '' : labels[value as K]),
    read(cell, problem) {
      const raw = typed(cell);
      if (!raw) return undefined;
      const key = matchLabel(labels, raw);
      if (!key) problem(unknownChoice(raw, Object.values(labels)));
      return key;
    },
  };
}

export const yesNo: Codec = {
  format: 'text',
  write: (value) => (value === undefined ? '' : value ? YES : NO),
  read(cell, problem) {
    if (typeof cell === 'boolean') return cell;
    const raw = typed(cell);
    if (!raw) return undefined;
    const wanted = normalize(raw);
    if ([YES, 'x', 'true', 'yes'].some((word) => normalize(word) === wanted)) return true;
    if ([NO, 'false', 'no'].some((word) => normalize(word) === wanted)) return false;
    problem(unknownChoice(raw, [YES, NO]));
    return undefined;
  },
};

/** Several of an enumeration in one cell, separated by commas or semicolons ("Tập thể, Cá nhân"). */
export function choices<K extends string>(labels: Record<K, string>): Codec {
  const one = choice(labels);
  return {
    format: 'text',
    write: (value) => ((value as K[] | undefined) ?? []).map((key) => labels[key]).join(', '),
    read(cell, problem) {
      const parts = typed(cell)
        .split(/[,;\n]/)
        .map((part) => part.trim())
        .filter(Boolean);
      return parts.map((part) => one.read(part, problem)).filter((key) => key !== undefined);
    },
  };
}
