import type { StoredCampaign } from '#shared/api/campaign';
import type { CampaignStatistics, YearlyStatistics } from '#shared/api/statistics';
import type { User } from '#shared/org';
import { statisticsScope } from '#shared/policy/statistics';
import { campaignStatistics, registryIdsOf } from '#shared/statistics/count';
import { countsInYear, yearlyStatistics } from '#shared/statistics/yearly';
import { mapLimit } from '#shared/async/map-limit';
import { loadAllCampaigns } from '#functions/store/campaign-store';
import type { Db } from '#functions/store/client';
import { loadAllNominations } from '#functions/store/nomination-reads';
import { readQuotaUsage } from '#functions/store/quota-counters';
import { getRegistryEntries } from '#functions/store/registry-reads';

/**
 * A campaign's statistics as a user may see them. The user asked for the whole campaign, so its
 * nominations are read whole (one paginated Query), beside the quota counters (one Query); then the
 * registry's entries they name (BatchGet), never one read per row.
 */
export async function statisticsOf(db: Db, campaign: StoredCampaign, user: User): Promise<CampaignStatistics> {
  const scope = statisticsScope(user);
  const [all, quotaUsage] = await Promise.all([loadAllNominations(db, campaign.id), readQuotaUsage(db, campaign)]);
  const nominations = all.filter(scope.counts);
  const registry = await getRegistryEntries(db, registryIdsOf(nominations));
  return campaignStatistics({ campaign, nominations, ...registry, quotaUsage, unitId: scope.unitId });
}

/** The year's summary over the campaigns whose period ends in it, a few campaigns at a time. */
export async function yearlyStatisticsOf(db: Db, year: number, user: User): Promise<YearlyStatistics> {
  const campaigns = (await loadAllCampaigns(db)).filter((campaign) => countsInYear(campaign, year));
  const counted = await mapLimit(campaigns, 4, async (campaign) => ({ campaign, statistics: await statisticsOf(db, campaign, user) }));
  return yearlyStatistics(year, counted);
}
