import type { StoredCampaign } from '#shared/api/campaign';
import type { Nomination } from '#shared/nomination';
import type { User } from '#shared/org';
import { refuseDelete } from '#shared/policy/nominations';
import { makeRuleContext, quotaDeltas, quotaRefusal } from '#shared/rules/index';
import { refuseIf } from '#functions/http/auth';
import { ApiError } from '#functions/http/errors';
import { auditItems } from '#functions/store/audit-store';
import type { Db } from '#functions/store/client';
import { getNominations } from '#functions/store/nomination-reads';
import { putGuardedNomination } from '#functions/store/nomination-writes';
import { applyStatusCounts, statusCountDeltas } from '#functions/store/quota-counters';
import { loadRegistry } from '#functions/store/org-store';
import { diffNominations } from './audit-diff';

async function loadForChange(db: Db, campaignId: string, user: User, id: string, expectedVersion: number | undefined) {
  refuseIf(refuseDelete(user));
  const before = (await getNominations(db, campaignId, [id])).get(id);
  if (!before) throw new ApiError('NOMINATION_NOT_FOUND', { ids: [id] });
  refuseIf(refuseDelete(user, before));
  if (expectedVersion !== undefined && expectedVersion !== before.version) {
    throw new ApiError('VERSION_CONFLICT', { current: before });
  }
  return before;
}

/**
 * Deleting keeps the row, marked deleted and out of the indexes, lists and counts; the audit log
 * records it and `restore` brings it back. A deleted selection gives its quota place back.
 */
export async function deleteNomination(
  db: Db,
  campaign: StoredCampaign,
  user: User,
  id: string,
  expectedVersion?: number,
  requestId = 'delete',
) {
  const before = await loadForChange(db, campaign.id, user, id, expectedVersion);
  if (before.deletedAt) return before;
  const now = new Date().toISOString();
  const after: Nomination = {
    ...before,
    deletedAt: now,
    deletedBy: user.email,
    version: before.version + 1,
    updatedAt: now,
    updatedBy: user.email,
  };
  return write(db, campaign, user, before, after, 'delete', requestId);
}

export async function restoreNomination(
  db: Db,
  campaign: StoredCampaign,
  user: User,
  id: string,
  expectedVersion?: number,
  requestId = 'restore',
) {
  const before = await loadForChange(db, campaign.id, user, id, expectedVersion);
  if (!before.deletedAt) return before;
  const now = new Date().toISOString();
  const { deletedAt: _at, deletedBy: _by, ...rest } = before;
  const after: Nomination = { ...rest, version: before.version + 1, updatedAt: now, updatedBy: user.email };
  return write(db, campaign, user, before, after, 'restore', requestId);
}

async function write(
  db: Db,
  campaign: StoredCampaign,
  user: User,
  before: Nomination,
  after: Nomination,
  action: 'delete' | 'restore',
  requestId: string,
) {
  const live = (n: Nomination) => (n.deletedAt ? undefined : n);
  const deltas = quotaDeltas(campaign, live(before), live(after));
  const audit = auditItems(campaign.id, requestId, [
    { at: after.updatedAt, actor: user.email, action, nominationId: after.id, changes: diffNominations(before, after) },
  ])[0]!;
  const outcome = await putGuardedNomination(db, { nomination: after, expectedVersion: before.version }, deltas, audit);
  if (outcome.outcome === 'conflict') throw new ApiError('VERSION_CONFLICT', { id: after.id });
  if (outcome.outcome === 'saved') await applyStatusCounts(db, campaign.id, statusCountDeltas([{ before, after }]));
  if (outcome.outcome === 'refused') {
    const registry = await loadRegistry(db);
    const ctx = makeRuleContext(campaign, registry.units, registry.people);
    const issue = quotaRefusal(ctx, outcome.delta.rule, outcome.delta.scopeKey, outcome.delta.rule.max + 1);
    throw new ApiError('QUOTA_EXCEEDED', { issue }, issue.message);
  }
  return after;
}
