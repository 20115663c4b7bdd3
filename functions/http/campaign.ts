import type { StoredCampaign } from '#shared/api/campaign';
import { getCampaign } from '#functions/store/campaign-store';
import { db } from '#functions/store/client';
import { pathParam } from './request';
import type { ApiEvent } from './types';

/** The campaign a /campaigns/{campaignId}/… route names (CAMPAIGN_NOT_FOUND if there is none). */
export function campaignOf(event: ApiEvent): Promise<StoredCampaign> {
  return getCampaign(db(), pathParam(event, 'campaignId'));
}
