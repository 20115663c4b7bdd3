import * as api from '#shared/api/index';
import type { Route } from './route';

/**
 * A round's ballots sent in parts (issue 13, shared/api/ballot-upload.ts), in the council's group;
 * listed beside functions/routes.ts's routes and read through its ROUTES.
 */
const uploads = '/campaigns/{campaignId}/rounds/{roundId}/ballot-uploads';

export const BALLOT_UPLOAD_ROUTES: readonly Route[] = [
  {
    method: 'POST',
    path: uploads,
    group: 'council',
    auth: true,
    summary:
      "Begin sending a round's ballots in parts: how many ballots, in how many parts, the mark their bits stand for (secretary); forgotten after a day unless completed",
    body: api.CreateBallotUploadRequest,
    response: api.BallotUpload,
    status: 201,
  },
  {
    method: 'GET',
    path: `${uploads}/{uploadId}`,
    group: 'council',
    auth: true,
    summary: 'Which parts of a ballot upload arrived, so that only the others are sent again (secretary)',
    response: api.BallotUpload,
  },
  {
    method: 'PUT',
    path: `${uploads}/{uploadId}/parts/{part}`,
    group: 'council',
    auth: true,
    summary: 'One part of the ballots, compact, at most 1 MB; sending the same part again replaces it (secretary)',
    body: api.BallotUploadPart,
    response: api.BallotPartReceipt,
  },
  {
    method: 'POST',
    path: `${uploads}/{uploadId}/complete`,
    group: 'council',
    auth: true,
    summary:
      "Replace the round's ballots with the upload's, as PUT …/ballots does, in one transaction; refused while a part is missing or the parts overlap (secretary, recorded)",
    response: api.VotingRound,
  },
];
