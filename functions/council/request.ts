import { RoundQuery } from '#shared/api/round';
import { decodeBallots } from '#shared/council/ballot-codec';
import { RoundId } from '#shared/council/voting-round';
import { refuseCouncil, type CouncilAction } from '#shared/policy/council';
import { allowedUser } from '#functions/http/auth';
import { campaignOf } from '#functions/http/campaign';
import { ApiError } from '#functions/http/errors';
import { refuseUnlessStageAllows } from '#functions/http/stage';
import { parseQuery, pathParam } from '#functions/http/request';
import type { Db } from '#functions/store/client';
import { getRound, getRoundWithBallots, publicRound } from '#functions/store/round-store';
import type { ApiEvent } from '#functions/http/types';

/** The round a route names, by its number; a number no round could have is simply not found. */
export function roundNumber(event: ApiEvent): number {
  const id = pathParam(event, 'roundId');
  if (!RoundId.safeParse(id).success) throw new ApiError('ROUND_NOT_FOUND', { roundId: id.slice(0, 80) });
  return Number(id);
}

/**
 * Who acts on the council's work, and in which campaign: checked before the body is read. Reading
 * the rounds is open in every stage; running them, only while the campaign is under review.
 */
export async function councilActor(event: ApiEvent, action: CouncilAction) {
  const user = await allowedUser(event, (u) => refuseCouncil(u, action));
  const campaign = await campaignOf(event);
  if (action !== 'readRounds') await refuseUnlessStageAllows(user, campaign, 'runCouncil');
  return { user, campaign };
}

/** The round a GET names, as the API answers it: with its ballots only when asked (`?include=ballots`). */
export async function readRound(db: Db, event: ApiEvent, campaignId: string) {
  const number = roundNumber(event);
  if (parseQuery(event, RoundQuery).include !== 'ballots') return publicRound(await getRound(db, campaignId, number));
  const { round, ballots } = await getRoundWithBallots(db, campaignId, number);
  return publicRound(
    round,
    decodeBallots(
      ballots,
      round.candidates.map((c) => c.nominationId),
    ),
  );
}
