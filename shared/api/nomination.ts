import { z } from 'zod';
import { Nomination } from '#shared/nomination';
import { NominationStatus } from '#shared/status';
import { page } from './page';

/** GET /campaigns/{id}/nominations: a page at a time, filtered by unit and status. */
export const ListQuery = z.strictObject({
  unitId: z.string().max(64).optional(),
  status: NominationStatus.optional(),
  cursor: z.string().max(2000).optional(),
  limit: z.coerce.number().int().min(1).max(2000).default(1000),
  includeDeleted: z.enum(['true', 'false']).default('false'),
});

/** DELETE and restore: with the version its client read, refused when someone changed the row since. */
export const VersionQuery = z.strictObject({ version: z.coerce.number().int().min(1).optional() });

export const NominationPage = page(Nomination);
