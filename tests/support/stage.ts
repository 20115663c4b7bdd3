import type { StoredCampaign } from '#shared/api/campaign';
import { forwardPath, type CampaignStage } from '#shared/campaign-stage';
import type { TestApi } from '#tests/support/api';
import { ADMIN, CAMPAIGN_ID } from '#tests/support/rows';

/**
 * Walks a campaign forward to `to` through POST …/stage as the administrator (a campaign made with
 * POST /campaigns starts in draft; the council votes only under review). Returns the campaign there.
 */
export async function moveCampaignTo(
  api: Pick<TestApi, 'tokenFor' | 'request'>,
  to: CampaignStage,
  campaignId = CAMPAIGN_ID,
): Promise<StoredCampaign> {
  const token = await api.tokenFor(ADMIN);
  let campaign = (await api.request<StoredCampaign>('GET', `/campaigns/${campaignId}`, { token })).body;
  for (const stage of forwardPath(campaign.stage, to)) {
    const moved = await api.request<StoredCampaign>('POST', `/campaigns/${campaignId}/stage`, {
      token,
      body: { to: stage, version: campaign.version },
    });
    if (moved.status !== 200) throw new Error(`moveCampaignTo ${stage}: ${moved.status} ${moved.text}`);
    campaign = moved.body;
  }
  if (campaign.stage !== to) throw new Error(`moveCampaignTo: ${campaignId} is ${campaign.stage}, not before ${to}`);
  return campaign;
}
