import * as api from '#shared/api/statistics';
import type { Route } from './route';

/** The statistics (issue 11, section 3), listed beside functions/routes.ts's routes and read through its ROUTES. */
export const STATISTICS_ROUTES: readonly Route[] = [
  {
    method: 'GET',
    path: '/campaigns/{campaignId}/statistics',
    group: 'reports',
    auth: true,
    summary:
      "The campaign's figures: nominations and awards per unit, award form, status, gender and nominee kind, with the quota usage (a unit clerk's limited to its unit)",
    response: api.CampaignStatistics,
  },
  {
    method: 'GET',
    path: '/statistics/yearly',
    group: 'reports',
    auth: true,
    summary: "The year's figures per award form and nominee kind over the campaigns ending in it (not a unit clerk's)",
    query: api.YearlyStatisticsQuery,
    response: api.YearlyStatistics,
  },
];
