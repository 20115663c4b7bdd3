import { z } from 'zod';
import { Issue } from './issue';
import { QuotaUsage } from './quota';

/** GET /campaigns/{id}/validation: every finding of the campaign and the quota usage. */
export const ValidationReport = z.object({
  issues: z.array(Issue),
  quotaUsage: z.array(QuotaUsage),
  counts: z.object({ nominations: z.int(), errors: z.int(), warnings: z.int() }),
});
export type ValidationReport = z.infer<typeof ValidationReport>;
