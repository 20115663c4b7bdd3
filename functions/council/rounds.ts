import type { StoredCampaign } from '#shared/api/campaign';
import {
  candidatesFor,
  formsFor,
  formsWithPlaces,
  roundSizeRefusal,
  standsForRound,
  tiesToDecide,
  wantedForm,
} from '#shared/council/candidates';
import { closedRoundRefusal } from '#shared/council/confirm-plan';
import { compactBallotsFingerprint } from '#shared/council/fingerprint';
import type { RoundRefusal } from '#shared/council/refusal';
import { buildMinutes } from '#shared/council/minutes';
import { isLiveRound, LIVE_ROUND_STATUSES } from '#shared/council/round-status';
import { roundRules } from '#shared/council/rules';
import { tally } from '#shared/council/tally';
import type { CreateRoundRequest } from '#shared/council/voting-round';
import { todayInVietnam } from '#shared/dates';
import type { Nomination } from '#shared/nomination';
import type { User } from '#shared/org';
import { METRIC, timed } from '#functions/commons/powertools';
import { ApiError } from '#functions/http/errors';
import { auditItems, type AuditEntry } from '#functions/store/audit-store';
import { backoff } from '#functions/store/retry';
import type { Db } from '#functions/store/client';
import { getNominations, loadAllNominations } from '#functions/store/nomination-reads';
import { readQuotaUsage } from '#functions/store/quota-counters';
import { loadRegistry } from '#functions/store/org-store';
import {
  getRound,
  getRoundWithBallots,
  listRounds,
  newRoundItem,
  nextRoundNumber,
  putItem,
  roundPutItem,
  supersedeItem,
  type StoredRound,
} from '#functions/store/round-store';
import { transact } from '#functions/store/transact';
import { sha256 } from './sha256';

/** Conflicting writers of one round are rare (one secretary); a few tries settle any race. */
export const ROUND_RETRIES = 12;

/** shared/council's refusal of a round, as the API answers it. */
export function roundRefused(refusal: RoundRefusal): ApiError {
  return new ApiError(refusal.code, refusal.details, refusal.message);
}

/** A round that can never change again answers why. */
export function refuseIfClosed(round: StoredRound): void {
  const closed = closedRoundRefusal(round);
  if (closed) throw roundRefused(closed);
}

/**
 * Who stands in a new round: the campaign's eligible nominations (of the forms asked for), or the
 * candidates tied in a confirmed round that are still eligible, for the places the tie left.
 */
async function chooseCandidates(db: Db, campaign: StoredCampaign, request: CreateRoundRequest) {
  if (!request.fromRoundId) {
    const all = await loadAllNominations(db, campaign.id);
    return { nominations: all.filter(standsForRound).filter((n) => wantedForm(request, n.awardForm)), cap: undefined };
  }
  const ties = tiesToDecide(await getRound(db, campaign.id, Number(request.fromRoundId)), request);
  if ('refusal' in ties) throw roundRefused(ties.refusal);
  const found = await getNominations(db, campaign.id, ties.nominationIds);
  const nominations = ties.nominationIds.map((id) => found.get(id)).filter((n): n is Nomination => standsForRound(n));
  return { nominations, cap: ties.cap };
}

/**
 * Opens a round under the campaign's council rules of this moment, kept with it (its tally uses them,
 * whatever the campaign's rules become). Older open or tallied rounds that share a candidate are superseded by it in the same
 * transaction as its creation; a confirmed round is never touched. The round's number is taken by a
 * conditional Put, so two rounds created at once get two numbers.
 */
export async function createRound(
  db: Db,
  campaign: StoredCampaign,
  user: User,
  request: CreateRoundRequest,
  requestId: string,
): Promise<StoredRound> {
  const [chosen, registry, usage] = await Promise.all([
    chooseCandidates(db, campaign, request),
    loadRegistry(db),
    readQuotaUsage(db, campaign),
  ]);
  if (chosen.nominations.length === 0)
    throw new ApiError('NO_CANDIDATES', request.fromRoundId ? { fromRoundId: request.fromRoundId } : { status: 'eligible' });
  const voting = formsWithPlaces(campaign, formsFor(campaign, chosen.nominations, usage, chosen.cap), chosen.nominations, request);
  if ('refusal' in voting) throw roundRefused(voting.refusal);
  const { forms, nominations } = voting;
  const tooLarge = roundSizeRefusal(nominations.length);
  if (tooLarge) throw roundRefused(tooLarge);
  const candidates = candidatesFor(campaign, nominations, registry);
  const ids = new Set(candidates.map((c) => c.nominationId));

  for (let attempt = 0; ; attempt += 1) {
    const [number, rounds] = await Promise.all([nextRoundNumber(db, campaign.id), listRounds(db, campaign.id)]);
    const older = await Promise.all(rounds.filter(isLiveRound).map((r) => getRound(db, campaign.id, r.number)));
    const superseded = older.filter((r) => r.candidates.some((c) => ids.has(c.nominationId)));
    const now = new Date().toISOString();
    const round: StoredRound = {
      campaignId: campaign.id,
      id: String(number),
      number,
      status: 'open',
      ...(request.fromRoundId ? { fromRoundId: request.fromRoundId } : {}),
      candidates,
      forms,
      rules: campaign.council,
      attendance: request.attendance,
      ballotCount: 0,
      ballotsVersion: 0,
      ballotsParts: 0,
      version: 1,
      createdAt: now,
      createdBy: user.email,
      updatedAt: now,
      updatedBy: user.email,
    };
    const entry: AuditEntry = {
      at: now,
      actor: user.email,
      action: 'round.create',
      changes: {
        round: { to: round.id },
        candidates: { to: candidates.length },
        forms: { to: forms },
        rules: { to: round.rules },
        attendance: { to: round.attendance },
        ...(round.fromRoundId ? { fromRoundId: { to: round.fromRoundId } } : {}),
        ...(superseded.length > 0 ? { superseded: { to: superseded.map((r) => r.id) } } : {}),
      },
    };
    const outcome = await transact(db, [
      newRoundItem(db, round),
      ...superseded.map((r) => supersedeItem(db, r, round.id, user.email, now)),
      ...auditItems(campaign.id, `${requestId}-${attempt}`, [entry]).map((item) => putItem(db, item)),
    ]);
    if (outcome.ok) return round;
    if (attempt >= ROUND_RETRIES) throw new Error('creating a round kept conflicting');
    // The number was taken, or an older round moved on: read again and retry.
    if (!outcome.reasons.includes('ConditionalCheckFailed')) await backoff(attempt, 20, 500);
  }
}

/**
 * Counts a round's ballots by the council rules it was opened under and stores the result and the minutes,
 * with the ballotsVersion it counted (a confirmation confirms exactly this) and the ballots' fingerprint
 * (the minutes print it; anyone can recompute it from the ballot sheet).
 */
export async function tallyRound(db: Db, campaign: StoredCampaign, user: User, number: number, requestId: string): Promise<StoredRound> {
  for (let attempt = 0; ; attempt += 1) {
    const { round, ballots } = await getRoundWithBallots(db, campaign.id, number);
    refuseIfClosed(round);
    const rules = roundRules(round, campaign);
    const result = {
      ...timed(METRIC.tallyTime, () =>
        tally(rules, { candidates: round.candidates, forms: round.forms, attendance: round.attendance, ballots }),
      ),
      fingerprint: await compactBallotsFingerprint(
        round.number,
        ballots,
        round.candidates.map((c) => c.nominationId),
        sha256,
      ),
    };
    const now = new Date().toISOString();
    const minutes = buildMinutes({ campaign, round, result, date: todayInVietnam(new Date(now)) });
    const after: StoredRound = {
      ...round,
      status: 'tallied',
      result,
      minutes,
      talliedBallotsVersion: round.ballotsVersion,
      talliedAt: now,
      talliedBy: user.email,
      version: round.version + 1,
      updatedAt: now,
      updatedBy: user.email,
    };
    const entry: AuditEntry = {
      at: now,
      actor: user.email,
      action: 'round.tally',
      changes: {
        round: { to: round.id },
        ballotsVersion: { to: round.ballotsVersion },
        void: { to: result.void },
        ballots: { to: result.ballots },
        selected: { to: result.forms.flatMap((form) => form.selected) },
        tied: { to: result.forms.flatMap((form) => form.tie?.nominationIds ?? []) },
        fingerprint: { to: result.fingerprint.sha256 },
      },
    };
    const outcome = await transact(db, [
      roundPutItem(db, after, { version: round.version, statuses: LIVE_ROUND_STATUSES }),
      ...auditItems(campaign.id, `${requestId}-${attempt}`, [entry]).map((item) => putItem(db, item)),
    ]);
    if (outcome.ok) return after;
    if (attempt >= ROUND_RETRIES) throw new Error('tallying kept conflicting');
    if (outcome.reasons[0] !== 'ConditionalCheckFailed') await backoff(attempt, 20, 500);
  }
}
