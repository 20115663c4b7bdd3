import { ConfirmRoundRequest, CreateRoundRequest, RoundQuery, SubmitBallotsRequest } from '#shared/api/round';
import { confirmRound } from '#functions/council/confirm';
import { councilActor, roundNumber } from '#functions/council/request';
import { createRound, submitBallots, tallyRound } from '#functions/council/rounds';
import { parseBody, parseQuery, rawBody } from '#functions/http/request';
import { json } from '#functions/http/respond';
import { routeGroup } from '#functions/http/router';
import { db } from '#functions/store/client';
import { getRound, getRoundWithBallots, listRounds, publicRound } from '#functions/store/round-store';

export const handler = routeGroup({
  'GET /campaigns/{campaignId}/rounds': async (event) => {
    const { campaign } = await councilActor(event, 'readRounds');
    return json(event, 200, { items: await listRounds(db(), campaign.id) });
  },

  'POST /campaigns/{campaignId}/rounds': async (event) => {
    const { user, campaign } = await councilActor(event, 'openRound');
    const request = parseBody(event, CreateRoundRequest);
    const round = await createRound(db(), campaign, user, request, event.requestContext.requestId);
    return json(event, 201, publicRound(round));
  },

  'GET /campaigns/{campaignId}/rounds/{roundId}': async (event) => {
    const { campaign } = await councilActor(event, 'readRounds');
    const query = parseQuery(event, RoundQuery);
    const number = roundNumber(event);
    if (query.include === 'ballots') {
      const { round, ballots } = await getRoundWithBallots(db(), campaign.id, number);
      return json(event, 200, publicRound(round, ballots));
    }
    return json(event, 200, publicRound(await getRound(db(), campaign.id, number)));
  },

  'PUT /campaigns/{campaignId}/rounds/{roundId}/ballots': async (event) => {
    const { user, campaign } = await councilActor(event, 'submitBallots');
    const number = roundNumber(event);
    const request = parseBody(event, SubmitBallotsRequest);
    const round = await submitBallots(db(), campaign, user, number, request, event.requestContext.requestId);
    return json(event, 200, publicRound(round));
  },

  'POST /campaigns/{campaignId}/rounds/{roundId}/tally': async (event) => {
    const { user, campaign } = await councilActor(event, 'tally');
    const round = await tallyRound(db(), campaign, user, roundNumber(event), event.requestContext.requestId);
    return json(event, 200, publicRound(round));
  },

  'POST /campaigns/{campaignId}/rounds/{roundId}/confirm': async (event) => {
    const { user, campaign } = await councilActor(event, 'confirm');
    const number = roundNumber(event);
    const request = rawBody(event).trim() === '' ? {} : parseBody(event, ConfirmRoundRequest);
    const round = await confirmRound(db(), campaign, user, number, request, event.requestContext.requestId);
    return json(event, 200, publicRound(round));
  },
});
