import { z } from 'zod';
import { QuotaRule } from '#shared/campaign';

/** Rule 4: how many places of one quota are used, and how many candidates compete for them. */
export const QuotaUsage = z.object({
  ruleId: z.string(),
  awardForm: z.string(),
  scope: QuotaRule.shape.scope,
  /** The unit's id for a unit quota, `*` for the whole campaign. */
  scopeKey: z.string(),
  max: z.int(),
  used: z.int(),
  candidates: z.int(),
});
export type QuotaUsage = z.infer<typeof QuotaUsage>;
