import type { Nomination } from '#shared/nomination';
import type { User } from '#shared/org';
import { standsForRound } from './candidates';
import { joinVi } from './minutes';
import type { RoundRefusal } from './refusal';
import type { ConfirmRoundRequest, RoundDecision, VotingRound } from './voting-round';

type RoundState = Pick<VotingRound, 'id' | 'status' | 'confirmedAt' | 'supersededBy' | 'annulment'>;

/** A round that can never change again (confirmed, or replaced by a newer one) answers why. */
export function closedRoundRefusal(round: RoundState): RoundRefusal | undefined {
  if (round.status === 'confirmed') return { code: 'ROUND_CONFIRMED', details: { roundId: round.id, confirmedAt: round.confirmedAt } };
  if (round.status === 'superseded') return { code: 'ROUND_SUPERSEDED', details: { roundId: round.id, supersededBy: round.supersededBy } };
  if (round.status === 'annulled') return { code: 'ROUND_ANNULLED', details: { roundId: round.id, annulment: round.annulment } };
  // Its decisions are being written: ballots and tally wait; confirming (or annulling) again finishes it.
  if (round.status === 'confirming') return { code: 'ROUND_CONFIRMING', details: { roundId: round.id } };
  if (round.status === 'annulling') return { code: 'ROUND_ANNULLING', details: { roundId: round.id } };
  return undefined;
}

/**
 * The checks a round must pass before its result may be written onto the nominations. A round already
 * `confirming` passes: asking again finishes the write cut short (at the version it started from, the
 * one the secretary read, or the one it shows now).
 */
export function confirmRefusal(
  round: RoundState & Pick<VotingRound, 'result' | 'minutes' | 'version' | 'ballotsVersion' | 'talliedBallotsVersion'>,
  request: ConfirmRoundRequest,
  startedFrom?: number,
): RoundRefusal | undefined {
  if (round.status === 'confirming') {
    const seen = request.version === undefined || request.version === round.version || request.version === startedFrom;
    return seen
      ? undefined
      : { code: 'VERSION_CONFLICT', details: { roundId: round.id, version: round.version, expected: request.version } };
  }
  const closed = closedRoundRefusal(round);
  if (closed) return closed;
  if (round.status !== 'tallied' || !round.result)
    return { code: 'ROUND_NOT_TALLIED', details: { roundId: round.id, status: round.status } };
  if (request.version !== undefined && request.version !== round.version) {
    return { code: 'VERSION_CONFLICT', details: { roundId: round.id, version: round.version, expected: request.version } };
  }
  if (round.talliedBallotsVersion !== round.ballotsVersion) {
    const { ballotsVersion, talliedBallotsVersion } = round;
    return { code: 'BALLOTS_CHANGED', details: { roundId: round.id, ballotsVersion, talliedBallotsVersion } };
  }
  if (round.result.void) {
    // The minutes' reason in both languages says why this count is void (no quorum, too many ballots).
    const message = round.minutes?.voidReason?.text;
    return { code: 'ROUND_VOID', details: { roundId: round.id, voidReason: round.result.voidReason }, ...(message ? { message } : {}) };
  }
  return undefined;
}

/** One nomination's decision and the nomination as it will be written. */
export interface PlannedDecision {
  decision: RoundDecision;
  before: Nomination;
  after: Nomination;
}

/**
 * The decisions of a tallied round: each candidate selected goes to `selected`, each neither selected
 * nor tied to `not_selected`; the tied stay `eligible` for a further round. Every candidate decided on
 * must still be eligible, as it was when the round was opened: otherwise someone changed it meanwhile.
 */
export function planDecisions(
  round: Pick<VotingRound, 'id' | 'candidates' | 'result'>,
  current: ReadonlyMap<string, Nomination>,
  user: User,
  now: string,
): { planned: PlannedDecision[] } | { refusal: RoundRefusal } {
  const planned: PlannedDecision[] = [];
  const changed: { id: string; name: string; status?: string; version?: number; deleted?: boolean }[] = [];
  const names = new Map(round.candidates.map((c) => [c.nominationId, c.name]));
  for (const candidate of round.result?.candidates ?? []) {
    if (candidate.tied) continue;
    const before = current.get(candidate.nominationId);
    if (!before || !standsForRound(before)) {
      changed.push({
        id: candidate.nominationId,
        name: names.get(candidate.nominationId) ?? candidate.nominationId,
        ...(before
          ? { status: before.status, version: before.version, ...(before.deletedAt ? { deleted: true } : {}) }
          : { deleted: true }),
      });
      continue;
    }
    // Only this move sets selected and not selected (ROUND_MOVES.confirm); who confirms is the council policy's.
    const to = candidate.selected ? 'selected' : 'not_selected';
    planned.push({
      decision: { nominationId: before.id, from: before.status, to },
      before,
      after: { ...before, status: to, version: before.version + 1, updatedAt: now, updatedBy: user.email },
    });
  }
  if (changed.length === 0) return { planned };
  const who = joinVi(changed.map((c) => c.name));
  return {
    refusal: {
      code: 'VERSION_CONFLICT',
      details: { roundId: round.id, nominations: changed },
      message: {
        vi: `Đề nghị khen thưởng của ${who} đã được thay đổi sau khi lập vòng bỏ phiếu (không còn ở trạng thái đủ điều kiện bình xét); hãy tải lại và lập vòng bỏ phiếu mới`,
        en: `The nomination of ${who} changed after the round was opened (it is no longer eligible); reload and start a new round`,
      },
    },
  };
}

/** What the audit log records of a confirmation: the round, and who was selected, not selected or tied. */
export function confirmationChanges(round: Pick<VotingRound, 'id' | 'result'>, decisions: readonly RoundDecision[]) {
  return {
    round: { to: round.id },
    selected: { to: decisions.filter((d) => d.to === 'selected').map((d) => d.nominationId) },
    notSelected: { to: decisions.filter((d) => d.to === 'not_selected').map((d) => d.nominationId) },
    tied: { to: (round.result?.candidates ?? []).filter((c) => c.tied).map((c) => c.nominationId) },
  };
}
