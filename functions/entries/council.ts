import { ConfirmRoundRequest, CreateRoundRequest, RoundId, RoundQuery, SubmitBallotsRequest } from '#shared/api/round';
import type { User } from '#shared/org';
import { confirmRound } from '#functions/council/confirm';
import { createRound, submitBallots, tallyRound } from '#functions/council/rounds';
import { currentUser, requireRole } from '#functions/http/auth';
import { ApiError } from '#functions/http/errors';
import { parseBody, parseQuery, pathParam, rawBody } from '#functions/http/request';
import { json } from '#functions/http/respond';
import { routeGroup } from '#functions/http/router';
import type { ApiEvent } from '#functions/http/types';
import { getCampaign } from '#functions/store/campaign-store';
import { db } from '#functions/store/client';
import { getRound, getRoundWithBallots, listRounds, publicRound } from '#functions/store/round-store';

/** The council's secretary runs the vote; an administrator may stand in. */
const runsTheVote = (user: User) => requireRole(user, 'secretary', 'admin');
/** Everyone but a unit clerk reads the rounds (their ballots are anonymous). */
const readsRounds = (user: User) => requireRole(user, 'admin', 'hr', 'secretary', 'viewer');

function roundNumber(event: ApiEvent): number {
  const id = pathParam(event, 'roundId');
  if (!RoundId.safeParse(id).success) throw new ApiError('ROUND_NOT_FOUND', { roundId: id.slice(0, 80) });
  return Number(id);
}

/** Who may act is checked before the body is read: a forbidden request learns nothing about it. */
async function actor(event: ApiEvent, allow: (user: User) => void) {
  const user = await currentUser(event);
  allow(user);
  const campaign = await getCampaign(db(), pathParam(event, 'campaignId'));
  return { user, campaign };
}

export const handler = routeGroup({
  'GET /campaigns/{campaignId}/rounds': async (event) => {
    const { campaign } = await actor(event, readsRounds);
    return json(event, 200, { items: await listRounds(db(), campaign.id) });
  },

  'POST /campaigns/{campaignId}/rounds': async (event) => {
    const { user, campaign } = await actor(event, runsTheVote);
    const request = parseBody(event, CreateRoundRequest);
    const round = await createRound(db(), campaign, user, request, event.requestContext.requestId);
    return json(event, 201, publicRound(round));
  },

  'GET /campaigns/{campaignId}/rounds/{roundId}': async (event) => {
    const { campaign } = await actor(event, readsRounds);
    const query = parseQuery(event, RoundQuery);
    const number = roundNumber(event);
    if (query.include === 'ballots') {
      const { round, ballots } = await getRoundWithBallots(db(), campaign.id, number);
      return json(event, 200, publicRound(round, ballots));
    }
    return json(event, 200, publicRound(await getRound(db(), campaign.id, number)));
  },

  'PUT /campaigns/{campaignId}/rounds/{roundId}/ballots': async (event) => {
    const { user, campaign } = await actor(event, runsTheVote);
    const number = roundNumber(event);
    const request = parseBody(event, SubmitBallotsRequest);
    const round = await submitBallots(db(), campaign, user, number, request, event.requestContext.requestId);
    return json(event, 200, publicRound(round));
  },

  'POST /campaigns/{campaignId}/rounds/{roundId}/tally': async (event) => {
    const { user, campaign } = await actor(event, runsTheVote);
    const number = roundNumber(event);
    const round = await tallyRound(db(), campaign, user, number, event.requestContext.requestId);
    return json(event, 200, publicRound(round));
  },

  'POST /campaigns/{campaignId}/rounds/{roundId}/confirm': async (event) => {
    const { user, campaign } = await actor(event, runsTheVote);
    const number = roundNumber(event);
    const request = rawBody(event).trim() === '' ? {} : parseBody(event, ConfirmRoundRequest);
    const round = await confirmRound(db(), campaign, user, number, request, event.requestContext.requestId);
    return json(event, 200, publicRound(round));
  },
});
