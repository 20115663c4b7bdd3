import { AnnulRoundRequest, ConfirmRoundRequest, CreateRoundRequest } from '#shared/api/round';
import { annulRound } from '#functions/council/annul';
import { confirmRound } from '#functions/council/confirm';
import { councilActor, readRound, roundNumber } from '#functions/council/request';
import { BALLOT_ACTIONS } from '#functions/council/ballot-actions';
import { createRound, tallyRound } from '#functions/council/rounds';
import { parseBody, rawBody } from '#functions/http/request';
import { json } from '#functions/http/respond';
import { routeGroup } from '#functions/http/router';
import { db } from '#functions/store/client';
import { listRounds, publicRound } from '#functions/store/round-store';

export const handler = routeGroup({
  ...BALLOT_ACTIONS,
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
    return json(event, 200, await readRound(db(), event, campaign.id));
  },
  'POST /campaigns/{campaignId}/rounds/{roundId}/tally': async (event) => {
    const { user, campaign } = await councilActor(event, 'tally');
    const round = await tallyRound(db(), campaign, user, roundNumber(event), event.requestContext.requestId);
    return json(event, 200, publicRound(round));
  },
  'POST /campaigns/{campaignId}/rounds/{roundId}/confirm': async (event) => {
    const { user, campaign } = await councilActor(event, 'confirm');
    const request = rawBody(event).trim() === '' ? {} : parseBody(event, ConfirmRoundRequest);
    return json(
      event,
      200,
      publicRound(await confirmRound(db(), campaign, user, roundNumber(event), request, event.requestContext.requestId)),
    );
  },
  'POST /campaigns/{campaignId}/rounds/{roundId}/annul': async (event) => {
    const { user, campaign } = await councilActor(event, 'annul');
    const request = parseBody(event, AnnulRoundRequest);
    return json(
      event,
      200,
      publicRound(await annulRound(db(), campaign, user, roundNumber(event), request, event.requestContext.requestId)),
    );
  },
});
