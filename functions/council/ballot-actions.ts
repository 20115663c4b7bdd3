import {
  BallotPartNumber,
  BallotUploadId,
  BallotUploadPart,
  CreateBallotUploadRequest,
  MAX_BALLOT_PART_BYTES,
} from '#shared/api/ballot-upload';
import { SubmitBallotsRequest } from '#shared/api/round';
import { ApiError } from '#functions/http/errors';
import { parseBody, parsePathParam, rawBody } from '#functions/http/request';
import { json } from '#functions/http/respond';
import type { RouteAction } from '#functions/http/router';
import type { ApiEvent } from '#functions/http/types';
import { db } from '#functions/store/client';
import { publicRound } from '#functions/store/round-store';
import { completeBallotUpload, createBallotUpload, putBallotUploadPart, readBallotUpload, submitBallots } from './ballots';
import { councilActor, roundNumber } from './request';

/**
 * The council group's actions on a round's ballots, in one request or in parts (functions/routes-ballots.ts),
 * spread into its Lambda's route table (functions/entries/council.ts): each asks shared/policy/council.ts
 * as submitting ballots does, then runs its flow in ./ballots.ts.
 */
const uploads = '/campaigns/{campaignId}/rounds/{roundId}/ballot-uploads';
const uploadId = (event: ApiEvent) => {
  const id = parsePathParam(event, 'uploadId', BallotUploadId.catch(''));
  if (!id) throw new ApiError('BALLOT_UPLOAD_NOT_FOUND', { uploadId: String(event.pathParameters?.uploadId ?? '').slice(0, 80) });
  return id;
};

export const BALLOT_ACTIONS: Record<string, RouteAction> = {
  'PUT /campaigns/{campaignId}/rounds/{roundId}/ballots': async (event) => {
    const { user, campaign } = await councilActor(event, 'submitBallots');
    const number = roundNumber(event);
    const request = parseBody(event, SubmitBallotsRequest);
    const round = await submitBallots(db(), campaign, user, number, request, event.requestContext.requestId);
    return json(event, 200, publicRound(round));
  },
  [`POST ${uploads}`]: async (event) => {
    const { user, campaign } = await councilActor(event, 'submitBallots');
    const request = parseBody(event, CreateBallotUploadRequest);
    return json(event, 201, await createBallotUpload(db(), campaign, user, roundNumber(event), request));
  },
  [`GET ${uploads}/{uploadId}`]: async (event) => {
    const { campaign } = await councilActor(event, 'submitBallots');
    return json(event, 200, await readBallotUpload(db(), campaign.id, roundNumber(event), uploadId(event)));
  },
  [`PUT ${uploads}/{uploadId}/parts/{part}`]: async (event) => {
    const { campaign } = await councilActor(event, 'submitBallots');
    const bytes = Buffer.byteLength(rawBody(event));
    if (bytes > MAX_BALLOT_PART_BYTES) throw new ApiError('PAYLOAD_TOO_LARGE', { bytes, maxBytes: MAX_BALLOT_PART_BYTES });
    const part = Number(parsePathParam(event, 'part', BallotPartNumber));
    const body = parseBody(event, BallotUploadPart);
    return json(event, 200, await putBallotUploadPart(db(), campaign.id, roundNumber(event), uploadId(event), part, body));
  },
  [`POST ${uploads}/{uploadId}/complete`]: async (event) => {
    const { user, campaign } = await councilActor(event, 'submitBallots');
    const round = await completeBallotUpload(db(), campaign, user, roundNumber(event), uploadId(event), event.requestContext.requestId);
    return json(event, 200, publicRound(round));
  },
};
