import type { QuotaRule } from '#shared/campaign';
import { SEED_CAMPAIGN } from '#shared/seed/campaign-2025';

export const CAMPAIGN_ID = 'dot-thi-dua-dac-biet-2025';
export const BATCH = `/campaigns/${CAMPAIGN_ID}/nominations/batch`;
export const HR = 'tochuc@thidua.local';
export const ADMIN = 'admin@thidua.local';
export const SECRETARY = 'thuky@thidua.local';
export const VIEWER = 'lanhdao@thidua.local';
export const unitClerk = (unitId: string) => `${unitId}@thidua.local`;

/** A complete, valid row a clerk would send (the one builder, tests/support/nomination.ts). */
export { nominateIndividual as row, staffOf } from '#tests/support/nomination';

/**
 * The plan's quota rules, each counting the eligible proposals too: a cap on proposals per form (as an
 * office may set), so that HR finding a nomination eligible takes a place. Since only a confirmed round
 * selects, this is how a save meets the quota guard (the atomic cap, a race for the last place).
 */
export const QUOTA_RULES_COUNTING_ELIGIBLE: QuotaRule[] = SEED_CAMPAIGN.quotaRules.map((rule) => ({
  ...rule,
  countedStatuses: ['eligible', ...rule.countedStatuses],
}));
