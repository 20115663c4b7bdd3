import type { StoredCampaign } from '#shared/api/campaign';
import { annulledMinutes, annulRefusal, planAnnulment } from '#shared/council/annul-plan';
import type { AnnulRoundRequest } from '#shared/council/voting-round';
import type { User } from '#shared/org';
import { quotaDeltas } from '#shared/rules/index';
import { ApiError } from '#functions/http/errors';
import { auditItems, type AuditEntry } from '#functions/store/audit-store';
import type { Db } from '#functions/store/client';
import { getNominations } from '#functions/store/nomination-reads';
import { guardedDecisionItems } from '#functions/store/nomination-writes';
import { applyStatusCounts, statusCountDeltas } from '#functions/store/quota-counters';
import { getRound, listRounds, putItem, roundPutItem, type StoredRound } from '#functions/store/round-store';
import { transact, TRANSACTION_LIMIT } from '#functions/store/transact';
import { ROUND_RETRIES, roundRefused } from './rounds';

/**
 * An administrator annuls a confirmed round: its decisions go back to eligible, the places they took
 * are given back, the round (its result and minutes kept, for the record) is marked annulled with who,
 * when and why, and the audit log says so, all in one transaction. A nomination that moved on since
 * (awarded, deleted) refuses the annulment; so does a later round deciding this round's ties.
 */
export async function annulRound(
  db: Db,
  campaign: StoredCampaign,
  user: User,
  number: number,
  request: AnnulRoundRequest,
  requestId: string,
): Promise<StoredRound> {
  for (let attempt = 0; ; attempt += 1) {
    const [round, rounds] = await Promise.all([getRound(db, campaign.id, number), listRounds(db, campaign.id)]);
    const refusal = annulRefusal(round, request, rounds);
    if (refusal) throw roundRefused(refusal);
    const ids = (round.decisions ?? []).map((d) => d.nominationId);
    const now = new Date().toISOString();
    const plan = planAnnulment(round, await getNominations(db, campaign.id, ids), user, now);
    if ('refusal' in plan) throw roundRefused(plan.refusal);
    const { counters, puts } = guardedDecisionItems(
      db.tableName,
      campaign.id,
      plan.planned.map((p) => ({ nomination: p.after, expectedVersion: p.before.version, expectedStatus: p.before.status })),
      plan.planned.flatMap((p) => quotaDeltas(campaign, p.before, p.after)),
    );
    const annulment = { at: now, by: user.email, reason: request.reason };
    const annulled: StoredRound = {
      ...round,
      status: 'annulled',
      annulment,
      // Its result and minutes stay, for the record, the minutes marked annulled.
      ...(round.minutes ? { minutes: annulledMinutes(round.minutes, annulment) } : {}),
      version: round.version + 1,
      updatedAt: now,
      updatedBy: user.email,
    };
    const entries: AuditEntry[] = [
      { at: now, actor: user.email, action: 'round.annul', changes: { round: { to: round.id }, reason: { to: request.reason } } },
      ...plan.planned.map((p): AuditEntry => ({
        at: now,
        actor: user.email,
        action: 'update',
        nominationId: p.after.id,
        changes: { status: { from: p.before.status, to: p.after.status }, annulledRound: { to: round.id } },
      })),
    ];
    const items = [
      ...counters.map((c) => c.item),
      ...puts,
      roundPutItem(db, annulled, { version: round.version, statuses: ['confirmed'] }),
      ...auditItems(campaign.id, `${requestId}-${attempt}`, entries).map((item) => putItem(db, item)),
    ];
    if (items.length > TRANSACTION_LIMIT) throw new ApiError('ROUND_TOO_LARGE', { roundId: round.id, actions: items.length });
    const outcome = await transact(db, items);
    if (outcome.ok) {
      await applyStatusCounts(db, campaign.id, statusCountDeltas(plan.planned));
      return annulled;
    }
    // A nomination or the round changed between the read and the write: read again (the checks say what).
    if (attempt >= ROUND_RETRIES) throw new Error('annulling a round kept conflicting');
  }
}
