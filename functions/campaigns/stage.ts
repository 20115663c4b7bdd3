import type { StoredCampaign } from '#shared/api/campaign';
import type { StageMoveRequest } from '#shared/api/campaign-stage';
import { stageMoveRefusal } from '#shared/council/round-steps';
import type { User } from '#shared/org';
import { refuseStageMove, stageMoveRefusalMessage } from '#shared/policy/campaign-stage';
import { ApiError } from '#functions/http/errors';
import { auditItems } from '#functions/store/audit-store';
import { moveCampaignStage } from '#functions/store/campaign-store';
import { db } from '#functions/store/client';
import { listRounds } from '#functions/store/round-store';

/**
 * Moves the campaign's stage as shared/policy allows, from the version its mover read, the move and
 * its reason in the audit log in the same transaction.
 */
export async function moveStage(
  user: User,
  campaign: StoredCampaign,
  request: StageMoveRequest,
  requestId: string,
): Promise<StoredCampaign> {
  const { to, version, reason } = request;
  if (version !== campaign.version) throw new ApiError('CAMPAIGN_STAGE_CONFLICT', { version: campaign.version, stage: campaign.stage });
  const refusal = refuseStageMove(user, campaign, to, reason);
  if (refusal)
    throw new ApiError(refusal, { role: user.role, from: campaign.stage, to }, stageMoveRefusalMessage(refusal, campaign.stage, to));
  const writing = stageMoveRefusal(to, await listRounds(db(), campaign.id));
  if (writing) throw new ApiError(writing.code, writing.details);
  const entry = {
    at: new Date().toISOString(),
    actor: user.email,
    action: 'campaign.stage' as const,
    changes: { stage: { from: campaign.stage, to }, ...(reason ? { reason: { to: reason } } : {}) },
  };
  return moveCampaignStage(db(), campaign, to, auditItems(campaign.id, requestId, [entry]));
}
