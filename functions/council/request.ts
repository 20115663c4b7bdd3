import { RoundId } from '#shared/council/voting-round';
import { refuseCouncil, type CouncilAction } from '#shared/policy/council';
import { allowedUser } from '#functions/http/auth';
import { campaignOf } from '#functions/http/campaign';
import { ApiError } from '#functions/http/errors';
import { pathParam } from '#functions/http/request';
import type { ApiEvent } from '#functions/http/types';

/** The round a route names, by its number; a number no round could have is simply not found. */
export function roundNumber(event: ApiEvent): number {
  const id = pathParam(event, 'roundId');
  if (!RoundId.safeParse(id).success) throw new ApiError('ROUND_NOT_FOUND', { roundId: id.slice(0, 80) });
  return Number(id);
}

/** Who acts on the council's work, and in which campaign: checked before the body is read. */
export async function councilActor(event: ApiEvent, action: CouncilAction) {
  const user = await allowedUser(event, (u) => refuseCouncil(u, action));
  const campaign = await campaignOf(event);
  return { user, campaign };
}
