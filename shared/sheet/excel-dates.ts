import { IsoDate, parseDateVi } from '#shared/dates';

/** Excel counts days from 30/12/1899 (its 1900 leap-year bug folded in for every date after 28/02/1900). */
const EPOCH_UTC = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

export function isoToSerial(iso: IsoDate): number {
  const [y, m, d] = iso.split('-').map(Number);
  return Math.round((Date.UTC(y!, m! - 1, d!) - EPOCH_UTC) / DAY_MS);
}

export function serialToIso(serial: number): IsoDate {
  return new Date(EPOCH_UTC + Math.floor(serial) * DAY_MS).toISOString().slice(0, 10);
}

/** A date cell as Excel gives it back: a serial number, dd/MM/yyyy text, or ISO text; undefined when empty. */
export function readDateCell(value: unknown): { iso?: IsoDate; invalid?: string } {
  if (value === null || value === undefined || value === '') return {};
  if (typeof value === 'number' && Number.isFinite(value) && value > 0) return { iso: serialToIso(value) };
  const text = String(value).trim();
  const iso = parseDateVi(text) ?? (IsoDate.safeParse(text).success ? text : undefined);
  return iso ? { iso } : { invalid: text };
}
