import { AuditQuery } from '#shared/api/audit';
import { YearlyStatisticsQuery } from '#shared/api/statistics';
import { refuseOrg } from '#shared/policy/org';
import { refuseYearlyStatistics } from '#shared/policy/statistics';
import { allowedUser, currentUser } from '#functions/http/auth';
import { campaignOf } from '#functions/http/campaign';
import { parseQuery } from '#functions/http/request';
import { json } from '#functions/http/respond';
import { routeGroup } from '#functions/http/router';
import { campaignValidation } from '#functions/nominations/validation';
import { listAudit } from '#functions/store/audit-store';
import { db } from '#functions/store/client';
import { statisticsOf, yearlyStatisticsOf } from '#functions/statistics/statistics';

export const handler = routeGroup({
  /** Every issue of the campaign (the award register's included), and the quota usage per award form and scope, as the user may see them. */
  'GET /campaigns/{campaignId}/validation': async (event) => {
    const user = await currentUser(event);
    return json(event, 200, await campaignValidation(db(), await campaignOf(event), user));
  },

  /** Who changed what, when, from what to what: newest first. */
  'GET /campaigns/{campaignId}/audit': async (event) => {
    await allowedUser(event, (user) => refuseOrg(user, 'readAudit'));
    const query = parseQuery(event, AuditQuery);
    const campaign = await campaignOf(event);
    const page = await listAudit(db(), campaign.id, {
      limit: query.limit,
      ...(query.nominationId ? { nominationId: query.nominationId } : {}),
      ...(query.cursor ? { cursor: query.cursor } : {}),
    });
    return json(event, 200, { entries: page.entries, nextCursor: page.nextCursor ?? null });
  },

  /** The campaign at a glance (the Thống kê sheet); a unit clerk's limited to its unit (shared/policy/statistics.ts). */
  'GET /campaigns/{campaignId}/statistics': async (event) => {
    const [user, campaign] = await Promise.all([currentUser(event), campaignOf(event)]);
    return json(event, 200, await statisticsOf(db(), campaign, user));
  },

  /** The year's figures for the statistics forms of Thông tư 02/2023/TT-BNV (biểu 0601–0605). */
  'GET /statistics/yearly': async (event) => {
    const user = await allowedUser(event, refuseYearlyStatistics);
    return json(event, 200, await yearlyStatisticsOf(db(), parseQuery(event, YearlyStatisticsQuery).year, user));
  },
});
