import { z } from 'zod';
import { Campaign } from '#shared/campaign';
import { CampaignStage } from '#shared/campaign-stage';
import { page } from './page';

/**
 * The campaign as the API returns it: with the server's version for optimistic concurrency (a stage
 * move takes a version too) and its stage, which only POST /campaigns/{id}/stage moves.
 */
export const StoredCampaign = Campaign.and(z.object({ version: z.int(), updatedAt: z.string(), stage: CampaignStage }));
export type StoredCampaign = z.infer<typeof StoredCampaign>;

/**
 * A campaign as POST /campaigns and PUT /campaigns/{id} take it: the plan, and, so that a client may
 * send back what it read, the stage, which they ignore (a new campaign starts in draft, an update
 * keeps the stored one: only POST …/stage moves it).
 */
export const CampaignBody = Campaign.safeExtend({ stage: CampaignStage.optional() });

/** An update names the version its editor read, so that two admins cannot overwrite each other. */
export const CampaignUpdate = z.strictObject({ campaign: CampaignBody, version: z.int().min(1) });

/**
 * A campaign as the list names it: enough for the pane's picker and a caption, not the plan (its
 * forms, quotas, criteria and council). The whole campaign is GET /campaigns/{id}; a list of whole
 * campaigns outgrew Lambda's 6 MB answer at about 750 of them.
 */
export const CampaignSummary = z.object({
  id: Campaign.shape.id,
  title: Campaign.shape.title,
  issuer: Campaign.shape.issuer,
  period: Campaign.shape.period,
  submissionDeadline: Campaign.shape.submissionDeadline,
  stage: CampaignStage,
  version: z.int(),
  updatedAt: z.string(),
});
export type CampaignSummary = z.infer<typeof CampaignSummary>;

/** GET /campaigns: a page at a time, in id order. */
export const CampaignListQuery = z.strictObject({
  cursor: z.string().max(2000).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});

export const CampaignPage = page(CampaignSummary);
