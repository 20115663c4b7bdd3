import { z } from 'zod';

/** Dates travel as ISO yyyy-MM-dd (a calendar date, no time zone); people see dd/MM/yyyy. */
export const IsoDate = z.iso.date();
export type IsoDate = string;

export function formatDateVi(iso: IsoDate): string {
  const [year, month, day] = iso.split('-');
  return `${day}/${month}/${year}`;
}

/** Parses dd/MM/yyyy (or d/M/yyyy) into ISO; undefined when it is not a real calendar date. */
export function parseDateVi(text: string): IsoDate | undefined {
  const match = /^\s*(\d{1,2})\/(\d{1,2})\/(\d{4})\s*$/.exec(text);
  if (!match) return undefined;
  const [, d, m, y] = match;
  const iso = `${y}-${m!.padStart(2, '0')}-${d!.padStart(2, '0')}`;
  return IsoDate.safeParse(iso).success ? iso : undefined;
}

/** ISO dates compare correctly as strings; this names the intent. */
export function isAfter(a: IsoDate, b: IsoDate): boolean {
  return a > b;
}

/** Today's date in Vietnam (UTC+7), where every deadline of the plan is set. */
export function todayInVietnam(now: Date = new Date()): IsoDate {
  return new Date(now.getTime() + 7 * 3600_000).toISOString().slice(0, 10);
}
