import { CampaignUpdate } from '#shared/api/campaign';
import { Campaign } from '#shared/campaign';
import { currentUser, requireRole } from '#functions/http/auth';
import { ApiError } from '#functions/http/errors';
import { parseBody, pathParam } from '#functions/http/request';
import { json } from '#functions/http/respond';
import { routeGroup } from '#functions/http/router';
import { auditItems } from '#functions/store/audit-store';
import { getCampaign, listCampaigns, putCampaign } from '#functions/store/campaign-store';
import { db } from '#functions/store/client';
import { batchPutAll } from '#functions/store/batch';
import { rebuildQuotaCounters } from '#functions/store/quota-counters';

export const handler = routeGroup({
  'GET /campaigns': async (event) => {
    await currentUser(event);
    const campaigns = await listCampaigns(db());
    return json(event, 200, { items: campaigns });
  },

  'GET /campaigns/{campaignId}': async (event) => {
    await currentUser(event);
    return json(event, 200, await getCampaign(db(), pathParam(event, 'campaignId')));
  },

  'POST /campaigns': async (event) => {
    const user = await currentUser(event);
    requireRole(user, 'admin');
    const campaign = parseBody(event, Campaign);
    const stored = await putCampaign(db(), campaign, 'new');
    await batchPutAll(
      db().doc,
      db().tableName,
      auditItems(campaign.id, event.requestContext.requestId, [
        { at: stored.updatedAt, actor: user.email, action: 'campaign.create', changes: { campaign: { to: campaign.title } } },
      ]),
    );
    return json(event, 201, stored);
  },

  'PUT /campaigns/{campaignId}': async (event) => {
    const user = await currentUser(event);
    requireRole(user, 'admin');
    const { campaign, version } = parseBody(event, CampaignUpdate);
    const id = pathParam(event, 'campaignId');
    if (campaign.id !== id) throw new ApiError('VALIDATION_FAILED', [{ path: 'campaign.id', message: 'must match the path' }]);
    const before = await getCampaign(db(), id);
    const stored = await putCampaign(db(), campaign, version);
    const changes = Object.fromEntries(
      (Object.keys(campaign) as (keyof Campaign)[])
        .filter((field) => JSON.stringify(before[field]) !== JSON.stringify(campaign[field]))
        .map((field) => [field, { from: before[field], to: campaign[field] }]),
    );
    await batchPutAll(
      db().doc,
      db().tableName,
      auditItems(id, event.requestContext.requestId, [{ at: stored.updatedAt, actor: user.email, action: 'campaign.update', changes }]),
    );
    // The counters count by the rules' scope and statuses: new rules need them counted afresh.
    if ('quotaRules' in changes) await rebuildQuotaCounters(db(), stored);
    return json(event, 200, stored);
  },
});
