import type { CampaignStatistics, YearlyStatistics } from '#shared/api/statistics';

/** The statistics routes (shared/api/statistics.ts): a campaign's figures, and a year's for the TT 02/2023 forms. */
export interface StatisticsApi {
  /** The campaign's figures as the user may see them (a unit clerk's limited to its unit). */
  campaignStatistics(campaignId: string): Promise<CampaignStatistics>;
  /** The year's figures over the campaigns ending in it (not a unit clerk's). */
  yearlyStatistics(year: number): Promise<YearlyStatistics>;
}

type Request = <T>(method: string, path: string, init?: { query?: Record<string, string | undefined> }) => Promise<T>;

export function statisticsClient(request: Request): StatisticsApi {
  return {
    campaignStatistics: (campaignId) => request<CampaignStatistics>('GET', `/campaigns/${encodeURIComponent(campaignId)}/statistics`),
    yearlyStatistics: (year) => request<YearlyStatistics>('GET', '/statistics/yearly', { query: { year: String(year) } }),
  };
}
