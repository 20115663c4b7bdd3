import type { TallyMinutes } from '#shared/api/minutes';
import { formatDateVi, todayInVietnam } from '#shared/dates';
import type { Nomination } from '#shared/nomination';
import type { User } from '#shared/org';
import { ROUND_MOVES } from '#shared/status';
import { joinVi } from './minutes';
import type { RoundRefusal } from './refusal';
import type { AnnulRoundRequest, VotingRound, VotingRoundSummary } from './voting-round';

type AnnulledRound = Pick<VotingRound, 'id' | 'status' | 'version' | 'decisions' | 'candidates'>;

/**
 * Whether a round's confirmed result may be annulled: only a confirmed round, at the version the
 * administrator read, and only while no later round decides its ties (annul that one first). A round
 * already `annulling` passes: asking again finishes the annulment cut short (at the version it started
 * from or the one it shows now).
 */
export function annulRefusal(
  round: AnnulledRound,
  request: AnnulRoundRequest,
  rounds: readonly Pick<VotingRoundSummary, 'id' | 'status' | 'fromRoundId'>[],
  startedFrom?: number,
): RoundRefusal | undefined {
  if (round.status === 'annulling') {
    if (request.version === round.version || request.version === startedFrom) return undefined;
    return { code: 'VERSION_CONFLICT', details: { roundId: round.id, version: round.version, expected: request.version } };
  }
  if (round.status !== 'confirmed') return { code: 'ROUND_NOT_CONFIRMED', details: { roundId: round.id, status: round.status } };
  if (request.version !== round.version)
    return { code: 'VERSION_CONFLICT', details: { roundId: round.id, version: round.version, expected: request.version } };
  const later = rounds.filter((r) => r.fromRoundId === round.id && r.status !== 'annulled' && r.status !== 'superseded');
  if (later.length > 0) return { code: 'DECISION_MOVED_ON', details: { roundId: round.id, laterRounds: later.map((r) => r.id) } };
  return undefined;
}

export interface PlannedUndo {
  before: Nomination;
  after: Nomination;
}

/**
 * Each nomination the round decided goes back to eligible, provided it still stands where the round
 * left it: an award recorded since, a deletion or any other move refuses the annulment, naming them.
 */
export function planAnnulment(
  round: AnnulledRound,
  current: ReadonlyMap<string, Nomination>,
  user: User,
  now: string,
): { planned: PlannedUndo[] } | { refusal: RoundRefusal } {
  const names = new Map(round.candidates.map((c) => [c.nominationId, c.name]));
  const planned: PlannedUndo[] = [];
  const moved: { id: string; name: string; status?: string }[] = [];
  for (const decision of round.decisions ?? []) {
    const before = current.get(decision.nominationId);
    if (!before || before.deletedAt || before.status !== decision.to) {
      moved.push({ id: decision.nominationId, name: names.get(decision.nominationId) ?? decision.nominationId, status: before?.status });
      continue;
    }
    const [to] = ROUND_MOVES.annul.to;
    planned.push({ before, after: { ...before, status: to, version: before.version + 1, updatedAt: now, updatedBy: user.email } });
  }
  if (moved.length === 0) return { planned };
  const who = joinVi(moved.map((m) => m.name));
  return {
    refusal: {
      code: 'DECISION_MOVED_ON',
      details: { roundId: round.id, nominations: moved },
      message: {
        vi: `Đề nghị của ${who} đã thay đổi sau khi xác nhận kết quả (đã khen thưởng hoặc bị xóa); không thể hủy kết quả vòng này`,
        en: `The nomination of ${who} changed after the result was confirmed (awarded or deleted); this round cannot be annulled`,
      },
    },
  };
}

/** The minutes as kept after an annulment: unchanged, but marked annulled, the reason stated first in the conclusion. */
export function annulledMinutes(minutes: TallyMinutes, annulment: { at: string; by: string; reason: string }): TallyMinutes {
  const day = formatDateVi(todayInVietnam(new Date(annulment.at)));
  const sentence = `KẾT QUẢ VÒNG BỎ PHIẾU NÀY ĐÃ BỊ HỦY ngày ${day}. Lý do: ${annulment.reason}`;
  return { ...minutes, annulment, conclusion: [sentence, ...minutes.conclusion] };
}
