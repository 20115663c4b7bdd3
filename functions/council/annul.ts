import type { StoredCampaign } from '#shared/api/campaign';
import { annulRefusal, planAnnulment } from '#shared/council/annul-plan';
import { orderCounters, planSteps, type PendingWrite } from '#shared/council/round-steps';
import type { AnnulRoundRequest } from '#shared/council/voting-round';
import type { User } from '#shared/org';
import { quotaDeltas } from '#shared/rules/index';
import type { Db } from '#functions/store/client';
import { getNominations } from '#functions/store/nomination-reads';
import { netQuotaDeltas } from '#functions/store/quota-counters';
import { backoff } from '#functions/store/retry';
import { getRound, listRounds, type StoredRound } from '#functions/store/round-store';
import { finishWrite, startWrite } from './round-write';
import { ROUND_RETRIES, roundRefused } from './rounds';

/**
 * An administrator annuls a confirmed round, in steps (shared/council/round-steps.ts) like its
 * confirmation: the round moved to `annulling` with who, when and why, each decided nomination locked
 * where the round left it, then moved back to eligible with its audit, and last the places given back,
 * the round `annulled` (its result and minutes kept, the minutes marked so). The counters give the
 * places back only once no nomination holds them, so a place is never counted free while taken.
 * Asking again while it is `annulling` finishes it. A nomination that moved on since (awarded,
 * deleted) refuses the annulment; so does a later round deciding this round's ties.
 */
export async function annulRound(
  db: Db,
  campaign: StoredCampaign,
  user: User,
  number: number,
  request: AnnulRoundRequest,
  requestId: string,
): Promise<StoredRound> {
  let asked = request;
  for (let attempt = 0; attempt <= ROUND_RETRIES; attempt += 1) {
    const [round, rounds] = await Promise.all([getRound(db, campaign.id, number), listRounds(db, campaign.id)]);
    const refusal = annulRefusal(round, asked, rounds, round.pending?.fromVersion);
    if (refusal) throw roundRefused(refusal);
    let written: StoredRound = round;
    if (round.status === 'confirmed') {
      const ids = (round.decisions ?? []).map((d) => d.nominationId);
      const now = new Date().toISOString();
      const plan = planAnnulment(round, await getNominations(db, campaign.id, ids), user, now);
      if ('refusal' in plan) throw roundRefused(plan.refusal);
      const deltas = netQuotaDeltas(plan.planned.flatMap((p) => quotaDeltas(campaign, p.before, p.after)));
      const counters = orderCounters(deltas.map((d) => ({ ruleId: d.rule.id, scopeKey: d.scopeKey, delta: d.delta, max: d.rule.max })));
      const pending: PendingWrite = {
        action: 'annul',
        versions: plan.planned.map((p) => p.before.version),
        counters,
        steps: planSteps(plan.planned.length, counters),
        fromVersion: round.version,
        annulment: { at: now, by: user.email, reason: request.reason },
      };
      const outcome = await startWrite(db, round, pending, round.decisions ?? [], user, requestId);
      // The round or a nomination changed between the read and the write: read again (the checks say
      // what); a collision with another transaction: wait, then try again.
      if (!outcome.ok) {
        if (!outcome.reasons.includes('ConditionalCheckFailed')) await backoff(attempt, 20, 500);
        continue;
      }
      written = outcome.after!;
    }
    const { round: after } = await finishWrite(db, campaign.id, number, user, requestId, written);
    if (after.status === 'annulled') return after;
    // Undone because a nomination moved before its lock: plan again on what is read now.
    asked = { ...asked, version: after.version };
  }
  throw new Error('annulling a round kept conflicting');
}
