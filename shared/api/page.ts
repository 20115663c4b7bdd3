import { z } from 'zod';

/** A page of a list: `nextCursor` is null (or absent) on the last page. */
export interface Page<T> {
  items: T[];
  nextCursor?: string | null;
}

export const page = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), nextCursor: z.string().nullable().optional() });

/** A list that always fits one answer (the office's units, a campaign's rounds). */
export const list = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item) });
