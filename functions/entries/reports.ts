import { AuditQuery } from '#shared/api/audit';
import { mayRead } from '#shared/permissions';
import { makeRuleContext, validateCampaign } from '#shared/rules/index';
import { currentUser, requireRole } from '#functions/http/auth';
import { parseQuery, pathParam } from '#functions/http/request';
import { json } from '#functions/http/respond';
import { routeGroup } from '#functions/http/router';
import { listAudit } from '#functions/store/audit-store';
import { getCampaign } from '#functions/store/campaign-store';
import { db } from '#functions/store/client';
import { loadAllNominations } from '#functions/store/nomination-reads';
import { loadRegistry } from '#functions/store/org-store';

export const handler = routeGroup({
  /** Every issue of the campaign, and the quota usage per award form and scope. */
  'GET /campaigns/{campaignId}/validation': async (event) => {
    const user = await currentUser(event);
    const campaign = await getCampaign(db(), pathParam(event, 'campaignId'));
    const [registry, nominations] = await Promise.all([loadRegistry(db()), loadAllNominations(db(), campaign.id)]);
    const report = validateCampaign(makeRuleContext(campaign, registry.units, registry.people), nominations);
    if (user.role !== 'unit') return json(event, 200, report);
    // A unit clerk sees the findings on the unit's own nominations; quotas stay campaign-wide.
    const visible = new Set(nominations.filter((n) => mayRead(user, n)).map((n) => n.id));
    const issues = report.issues.filter((issue) => issue.nominationId && visible.has(issue.nominationId));
    const errors = issues.filter((issue) => issue.severity === 'error').length;
    return json(event, 200, { ...report, issues, counts: { nominations: visible.size, errors, warnings: issues.length - errors } });
  },

  /** Who changed what, when, from what to what: newest first. */
  'GET /campaigns/{campaignId}/audit': async (event) => {
    const user = await currentUser(event);
    requireRole(user, 'admin', 'hr', 'secretary', 'viewer');
    const query = parseQuery(event, AuditQuery);
    const campaign = await getCampaign(db(), pathParam(event, 'campaignId'));
    const page = await listAudit(db(), campaign.id, {
      limit: query.limit,
      ...(query.nominationId ? { nominationId: query.nominationId } : {}),
      ...(query.cursor ? { cursor: query.cursor } : {}),
    });
    return json(event, 200, { entries: page.entries, nextCursor: page.nextCursor ?? null });
  },
});
