import { z } from 'zod';
import { Campaign } from '#shared/campaign';
import { page } from './page';

/** The campaign as the API returns it: with the server's version for optimistic concurrency. */
export const StoredCampaign = Campaign.and(z.object({ version: z.int(), updatedAt: z.string() }));
export type StoredCampaign = z.infer<typeof StoredCampaign>;

/** An update names the version its editor read, so that two admins cannot overwrite each other. */
export const CampaignUpdate = z.strictObject({ campaign: Campaign, version: z.int().min(1) });

export const CampaignPage = page(StoredCampaign);
