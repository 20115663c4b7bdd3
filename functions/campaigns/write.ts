import type { StoredCampaign } from '#shared/api/campaign';
import type { Campaign } from '#shared/campaign';
import type { User } from '#shared/org';
import { auditItems, type AuditEntry } from '#functions/store/audit-store';
import { batchPutAll } from '#functions/store/batch';
import { getCampaign, putCampaign } from '#functions/store/campaign-store';
import { db } from '#functions/store/client';
import { rebuildQuotaCounters } from '#functions/store/quota-counters';

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

/** A campaign replaced at the version its editor read, with each changed field in the audit log. */
export async function updateCampaign(user: User, campaign: Campaign, version: number, requestId: string): Promise<StoredCampaign> {
  const before = await getCampaign(db(), campaign.id);
  const stored = await putCampaign(db(), campaign, version);
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
