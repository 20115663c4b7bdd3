import { CampaignBody, CampaignListQuery, CampaignUpdate } from '#shared/api/campaign';
import { StageMoveRequest } from '#shared/api/campaign-stage';
import { refuseStageMover } from '#shared/policy/campaign-stage';
import { refuseOrg } from '#shared/policy/org';
import { moveStage } from '#functions/campaigns/stage';
import { createCampaign, updateCampaign } from '#functions/campaigns/write';
import { allowedUser } from '#functions/http/auth';
import { campaignOf } from '#functions/http/campaign';
import { ApiError } from '#functions/http/errors';
import { parseBody, parseQuery, pathParam } from '#functions/http/request';
import { json } from '#functions/http/respond';
import { routeGroup } from '#functions/http/router';
import { listCampaignPage } from '#functions/store/campaign-store';
import { db } from '#functions/store/client';

export const handler = routeGroup({
  'GET /campaigns': async (event) => {
    await allowedUser(event, (user) => refuseOrg(user, 'readCampaigns'));
    const { limit, cursor } = parseQuery(event, CampaignListQuery);
    const page = await listCampaignPage(db(), { limit, ...(cursor ? { cursor } : {}) });
    return json(event, 200, { items: page.items, nextCursor: page.nextCursor ?? null });
  },

  'GET /campaigns/{campaignId}': async (event) => {
    await allowedUser(event, (user) => refuseOrg(user, 'readCampaigns'));
    return json(event, 200, await campaignOf(event));
  },

  'POST /campaigns': async (event) => {
    const user = await allowedUser(event, (u) => refuseOrg(u, 'writeCampaigns'));
    const { stage: _stage, ...campaign } = parseBody(event, CampaignBody);
    return json(event, 201, await createCampaign(user, campaign, event.requestContext.requestId));
  },

  'PUT /campaigns/{campaignId}': async (event) => {
    const user = await allowedUser(event, (u) => refuseOrg(u, 'writeCampaigns'));
    const { campaign: body, version } = parseBody(event, CampaignUpdate);
    const { stage: _stage, ...campaign } = body;
    if (campaign.id !== pathParam(event, 'campaignId')) {
      throw new ApiError('VALIDATION_FAILED', [{ path: 'campaign.id', message: 'must match the path' }]);
    }
    return json(event, 200, await updateCampaign(user, campaign, version, event.requestContext.requestId));
  },

  'POST /campaigns/{campaignId}/stage': async (event) => {
    const user = await allowedUser(event, refuseStageMover);
    const request = parseBody(event, StageMoveRequest);
    return json(event, 200, await moveStage(user, await campaignOf(event), request, event.requestContext.requestId));
  },
});
