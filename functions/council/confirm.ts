import type { StoredCampaign } from '#shared/api/campaign';
import { confirmRefusal, planDecisions } from '#shared/council/confirm-plan';
import { orderCounters, planSteps, type PendingWrite, type StepCounter } from '#shared/council/round-steps';
import type { ConfirmRoundRequest } from '#shared/council/voting-round';
import type { User } from '#shared/org';
import { makeRuleContext, quotaDeltas, quotaRefusal } from '#shared/rules/index';
import { ApiError } from '#functions/http/errors';
import { backoff } from '#functions/store/retry';
import type { Db } from '#functions/store/client';
import { getNominations } from '#functions/store/nomination-reads';
import { netQuotaDeltas, readQuotaUsage } from '#functions/store/quota-counters';
import { loadRegistry } from '#functions/store/org-store';
import { getRound, type StoredRound } from '#functions/store/round-store';
import { finishWrite, startWrite } from './round-write';
import { ROUND_RETRIES, roundRefused } from './rounds';

/**
 * Confirms a tallied round, in steps (shared/council/round-steps.ts): the places its decisions take
 * reserved on the quota counters with the round's move to `confirming` (a full quota refuses it, 409
 * QUOTA_EXCEEDED with its figures, nothing written), each decided nomination locked at the version and
 * status it was read in, then the decisions written with their audit, the last step leaving the round
 * `confirmed`. Asking again while it is `confirming` finishes it; a nomination changed before it was
 * locked undoes what was done and the plan is made again from what is read then.
 */
export async function confirmRound(
  db: Db,
  campaign: StoredCampaign,
  user: User,
  number: number,
  request: ConfirmRoundRequest,
  requestId: string,
): Promise<StoredRound> {
  let asked = request;
  for (let attempt = 0; ; attempt += 1) {
    if (attempt > ROUND_RETRIES) throw new Error('confirming a round kept conflicting');
    const round = await getRound(db, campaign.id, number);
    const refusal = confirmRefusal(round, asked, round.pending?.fromVersion);
    if (refusal) throw roundRefused(refusal);
    let written: StoredRound | undefined;
    if (round.status === 'tallied') {
      const started = await start(db, campaign, user, round, requestId);
      if (started === 'again') continue;
      if (started === 'wait') {
        await backoff(attempt, 20, 500);
        continue;
      }
      written = started;
    }
    const { round: after, undone } = await finishWrite(db, campaign.id, number, user, requestId, written ?? round);
    if (undone?.why === 'quota') throw await quotaExceeded(db, campaign, after, undone.pending.counters);
    if (after.status === 'confirmed') return after;
    // Undone because a candidate changed before its lock: plan again on what is read now (the undo moved the version).
    asked = { ...asked, version: after.version };
  }
}

/**
 * Plans the decisions on the candidates as they are now and starts writing them: the round started, or 'again'
 * when the round moved or a candidate changed meanwhile (read again), or 'wait' after a collision.
 */
async function start(db: Db, campaign: StoredCampaign, user: User, round: StoredRound, requestId: string) {
  const current = await getNominations(
    db,
    campaign.id,
    round.candidates.map((c) => c.nominationId),
  );
  const plan = planDecisions(round, current, user, new Date().toISOString());
  if ('refusal' in plan) throw roundRefused(plan.refusal);
  const { planned } = plan;
  const counters = orderCounters(
    netQuotaDeltas(planned.flatMap((p) => quotaDeltas(campaign, p.before, p.after))).map((d) => ({
      ruleId: d.rule.id,
      scopeKey: d.scopeKey,
      delta: d.delta,
      max: d.rule.max,
    })),
  );
  const pending: PendingWrite = {
    action: 'confirm',
    versions: planned.map((p) => p.before.version),
    counters,
    steps: planSteps(planned.length, counters),
    fromVersion: round.version,
  };
  const decisions = planned.map((p) => p.decision);
  const outcome = await startWrite(db, round, pending, decisions, user, requestId);
  if (outcome.ok) return outcome.after!;
  const [roundReason, ...stepReasons] = outcome.reasons;
  // The round moved meanwhile (another confirmation started it, new ballots): read again.
  if (roundReason === 'ConditionalCheckFailed') return 'again';
  const first = pending.steps[0]!;
  const failed = stepReasons.findIndex((reason) => reason === 'ConditionalCheckFailed');
  if (first.kind === 'reserve' && failed >= 0 && failed < first.end - first.start) {
    throw await quotaExceeded(db, campaign, round, [counters[first.start + failed]!]);
  }
  // A candidate changed between the read and the lock: read again (the plan then says what changed).
  // Anything else collided with another transaction.
  return failed >= 0 ? 'again' : 'wait';
}

/** The refusal of a confirmation that would overfill a quota, with the figures of the first counter without room. */
async function quotaExceeded(db: Db, campaign: StoredCampaign, round: StoredRound, counters: readonly StepCounter[]) {
  const [registry, usage] = await Promise.all([loadRegistry(db), readQuotaUsage(db, campaign)]);
  const usedOf = (c: StepCounter) => usage.find((u) => u.ruleId === c.ruleId && u.scopeKey === c.scopeKey)?.used ?? 0;
  const taken = counters.filter((c) => c.delta > 0);
  const counter = taken.find((c) => usedOf(c) + c.delta > c.max) ?? taken[0]!;
  const rule = campaign.quotaRules.find((r) => r.id === counter.ruleId) ?? {
    ...campaign.quotaRules[0]!,
    id: counter.ruleId,
    max: counter.max,
  };
  const used = usedOf(counter);
  const ctx = makeRuleContext(campaign, registry.units, registry.people);
  const issue = quotaRefusal(ctx, rule, counter.scopeKey, used + counter.delta);
  return new ApiError('QUOTA_EXCEEDED', { roundId: round.id, issue, used, max: counter.max, adding: counter.delta }, issue.message);
}
