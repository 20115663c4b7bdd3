import type { StoredCampaign } from '#shared/api/campaign';
import type { User } from '#shared/org';
import type { StageAction } from '#shared/policy/campaign-stage';
import { getCampaign } from '#functions/store/campaign-store';
import { db } from '#functions/store/client';
import { pathParam } from './request';
import { refuseUnlessStageAllows } from './stage';
import type { ApiEvent } from './types';

/** The campaign a /campaigns/{campaignId}/… route names (CAMPAIGN_NOT_FOUND if there is none). */
export function campaignOf(event: ApiEvent): Promise<StoredCampaign> {
  return getCampaign(db(), pathParam(event, 'campaignId'));
}

/** The campaign of the path, once its stage lets this user do `action` (see ./stage.ts). */
export async function stagedCampaign(event: ApiEvent, user: Pick<User, 'role'>, action: StageAction): Promise<StoredCampaign> {
  const campaign = await campaignOf(event);
  await refuseUnlessStageAllows(user, campaign, action);
  return campaign;
}
