import type { StoredCampaign } from '#shared/api/campaign';
import type { Campaign } from '#shared/campaign';
import { quotaChangeRefusal } from '#shared/council/round-steps';
import type { User } from '#shared/org';
import { ApiError } from '#functions/http/errors';
import { refuseUnlessStageAllows } from '#functions/http/stage';
import { auditItems, type AuditEntry } from '#functions/store/audit-store';
import { batchPutAll } from '#functions/store/batch';
import { getCampaign, putCampaign } from '#functions/store/campaign-store';
import { db } from '#functions/store/client';
import { rebuildQuotaCounters } from '#functions/store/quota-counters';
import { listRounds } from '#functions/store/round-store';
import { refuseBreakingChange } from './change-check';

/** A stale save answers with the campaign as it now stands, so the editor can reload it or overwrite it. */
const conflict = (current: StoredCampaign) =>
  new ApiError('VERSION_CONFLICT', { campaignId: current.id, version: current.version, current });

async function audit(campaignId: string, requestId: string, entry: AuditEntry) {
  await batchPutAll(db().doc, db().tableName, auditItems(campaignId, requestId, [entry]));
}

/** A new campaign, and its creation in the audit log. */
export async function createCampaign(user: User, campaign: Campaign, requestId: string): Promise<StoredCampaign> {
  const stored = await putCampaign(db(), campaign, 'new');
  await audit(campaign.id, requestId, {
    at: stored.updatedAt,
    actor: user.email,
    action: 'campaign.create',
    changes: { campaign: { to: campaign.title } },
  });
  return stored;
}

/**
 * A campaign replaced at the version its editor read, with each changed field in the audit log; its
 * stage stays (the version condition makes sure it is the one read here), and an archive is refused.
 */
export async function updateCampaign(user: User, campaign: Campaign, version: number, requestId: string): Promise<StoredCampaign> {
  const before = await getCampaign(db(), campaign.id);
  await refuseUnlessStageAllows(user, before, 'editCampaign');
  if (before.version !== version) throw conflict(before);
  await refuseBreakingChange(db(), before, campaign);
  if (JSON.stringify(before.quotaRules) !== JSON.stringify(campaign.quotaRules)) {
    const writing = quotaChangeRefusal(before, campaign, await listRounds(db(), campaign.id));
    if (writing) throw new ApiError(writing.code, writing.details);
  }
  const stored = await putCampaign(db(), campaign, version, before.stage).catch(async (error: unknown) => {
    // Another admin saved between the read and the write (the put is conditional on the version).
    throw error instanceof ApiError && error.code === 'VERSION_CONFLICT' ? conflict(await getCampaign(db(), campaign.id)) : error;
  });
  const changes = Object.fromEntries(
    (Object.keys(campaign) as (keyof Campaign)[])
      .filter((field) => JSON.stringify(before[field]) !== JSON.stringify(campaign[field]))
      .map((field) => [field, { from: before[field], to: campaign[field] }]),
  );
  await audit(campaign.id, requestId, { at: stored.updatedAt, actor: user.email, action: 'campaign.update', changes });
  // The counters count by the rules' scope and statuses: new rules need them counted afresh.
  if ('quotaRules' in changes) await rebuildQuotaCounters(db(), stored);
  return stored;
}
