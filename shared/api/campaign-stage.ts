import { z } from 'zod';
import { CampaignStage } from '#shared/campaign-stage';

/**
 * POST /campaigns/{campaignId}/stage: the stage to move to, the campaign's version its mover read (a
 * stale one is CAMPAIGN_STAGE_CONFLICT), and why, which a step back requires (STAGE_MOVES).
 */
export const StageMoveRequest = z.strictObject({
  to: CampaignStage,
  version: z.int().min(1),
  reason: z.string().trim().max(1000).optional(),
});
export type StageMoveRequest = z.infer<typeof StageMoveRequest>;
