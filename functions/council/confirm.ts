import type { StoredCampaign } from '#shared/api/campaign';
import { confirmationChanges, confirmRefusal, planDecisions } from '#shared/council/confirm-plan';
import type { ConfirmRoundRequest } from '#shared/council/voting-round';
import type { User } from '#shared/org';
import { makeRuleContext, quotaDeltas, quotaRefusal } from '#shared/rules/index';
import { ApiError } from '#functions/http/errors';
import { auditItems, type AuditEntry } from '#functions/store/audit-store';
import { backoff } from '#functions/store/retry';
import type { Db } from '#functions/store/client';
import { getNominations } from '#functions/store/nomination-reads';
import { guardedDecisionItems } from '#functions/store/nomination-writes';
import { applyStatusCounts, readQuotaUsage, statusCountDeltas } from '#functions/store/quota-counters';
import { loadRegistry } from '#functions/store/org-store';
import { getRound, putItem, roundPutItem, type StoredRound } from '#functions/store/round-store';
import { transact, TRANSACTION_LIMIT } from '#functions/store/transact';
import { ROUND_RETRIES, roundRefused } from './rounds';

/**
 * Confirms a tallied round: every decision, the quota counters, the round and the audit in ONE
 * transaction. Each nomination is written only at the version and status it was read in; each quota
 * counter takes the net change of all decisions under the same guard as a save, so a confirmation can
 * never push a form over its cap, whatever HR saved meanwhile. A full quota is answered 409
 * QUOTA_EXCEEDED with its figures and nothing is written; a collision with another transaction is
 * retried; a nomination changed between the read and the write is read again.
 */
export async function confirmRound(
  db: Db,
  campaign: StoredCampaign,
  user: User,
  number: number,
  request: ConfirmRoundRequest,
  requestId: string,
): Promise<StoredRound> {
  for (let attempt = 0; ; attempt += 1) {
    const round = await getRound(db, campaign.id, number);
    const refusal = confirmRefusal(round, request);
    if (refusal) throw roundRefused(refusal);
    const current = await getNominations(
      db,
      campaign.id,
      round.candidates.map((c) => c.nominationId),
    );
    const now = new Date().toISOString();
    const plan = planDecisions(round, current, user, now);
    if ('refusal' in plan) throw roundRefused(plan.refusal);
    const { planned } = plan;
    const deltas = planned.flatMap((p) => quotaDeltas(campaign, p.before, p.after));
    const { counters, puts } = guardedDecisionItems(
      db.tableName,
      campaign.id,
      planned.map((p) => ({ nomination: p.after, expectedVersion: p.before.version, expectedStatus: p.before.status })),
      deltas,
    );
    const decisions = planned.map((p) => p.decision);
    const confirmed: StoredRound = {
      ...round,
      status: 'confirmed',
      decisions,
      confirmedAt: now,
      confirmedBy: user.email,
      version: round.version + 1,
      updatedAt: now,
      updatedBy: user.email,
    };
    const entries: AuditEntry[] = [
      {
        at: now,
        actor: user.email,
        action: 'round.confirm',
        changes: confirmationChanges(round, decisions),
      },
      ...planned.map((p): AuditEntry => ({
        at: now,
        actor: user.email,
        action: 'update',
        nominationId: p.after.id,
        changes: { status: { from: p.before.status, to: p.after.status }, councilRound: { to: round.id } },
      })),
    ];
    const items = [
      ...counters.map((c) => c.item),
      ...puts,
      roundPutItem(db, confirmed, { version: round.version, statuses: ['tallied'] }),
      ...auditItems(campaign.id, `${requestId}-${attempt}`, entries).map((item) => putItem(db, item)),
    ];
    if (items.length > TRANSACTION_LIMIT) {
      throw new ApiError('ROUND_TOO_LARGE', { roundId: round.id, actions: items.length, maxActions: TRANSACTION_LIMIT });
    }

    const outcome = await transact(db, items);
    if (outcome.ok) {
      await applyStatusCounts(db, campaign.id, statusCountDeltas(planned));
      return confirmed;
    }
    const full = counters.findIndex((_, i) => outcome.reasons[i] === 'ConditionalCheckFailed');
    if (full >= 0) throw await quotaExceeded(db, campaign, round, counters[full]!.delta);
    if (attempt >= ROUND_RETRIES) throw new Error('confirming a round kept conflicting');
    // A nomination or the round changed between the read and the write: read again (the checks then
    // say what changed). Anything else collided with another transaction: wait, then try again.
    if (!outcome.reasons.includes('ConditionalCheckFailed')) await backoff(attempt, 20, 500);
  }
}

/** The refusal of a confirmation that would overfill a quota, with the figures it would have reached. */
async function quotaExceeded(
  db: Db,
  campaign: StoredCampaign,
  round: StoredRound,
  delta: { rule: StoredCampaign['quotaRules'][number]; scopeKey: string; delta: number },
) {
  const [registry, usage] = await Promise.all([loadRegistry(db), readQuotaUsage(db, campaign)]);
  const used = usage.find((u) => u.ruleId === delta.rule.id && u.scopeKey === delta.scopeKey)?.used ?? 0;
  const ctx = makeRuleContext(campaign, registry.units, registry.people);
  const issue = quotaRefusal(ctx, delta.rule, delta.scopeKey, used + delta.delta);
  return new ApiError('QUOTA_EXCEEDED', { roundId: round.id, issue, used, max: delta.rule.max, adding: delta.delta }, issue.message);
}
