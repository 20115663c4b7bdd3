import type { StoredCampaign } from '#shared/api/campaign';
import type { User } from '#shared/org';
import { refuseInStage, stageRefusalMessage, type StageAction } from '#shared/policy/campaign-stage';
import { db } from '#functions/store/client';
import { getUnit } from '#functions/store/org-store';
import { ApiError } from './errors';

/**
 * Refuses what the campaign's stage does not allow this user, with a message that says where the
 * campaign stands and whom to ask, naming the HR office as the registry does. The campaign is the one
 * the handler already read; the HR office is read only for a refusal, so an allowed request costs nothing.
 */
export async function refuseUnlessStageAllows(user: Pick<User, 'role'>, campaign: StoredCampaign, action: StageAction): Promise<void> {
  const refusal = refuseInStage(user, campaign, action);
  if (!refusal) return;
  const hrOffice = (await getUnit(db(), campaign.hrUnitId).catch(() => undefined))?.name;
  const message = stageRefusalMessage(refusal, campaign, action, hrOffice);
  throw new ApiError(refusal, { stage: campaign.stage, action }, message);
}
