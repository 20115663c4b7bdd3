import { randomUUID } from 'node:crypto';
import type { StoredCampaign } from '#shared/api/campaign';
import type { BallotPartReceipt, BallotUpload, BallotUploadPart, CreateBallotUploadRequest } from '#shared/api/ballot-upload';
import { encodeBallots, type CompactBallots } from '#shared/council/ballot-codec';
import { assembleParts } from '#shared/council/ballot-parts';
import type { Attendance } from '#shared/council/round';
import { LIVE_ROUND_STATUSES } from '#shared/council/round-status';
import { roundRules } from '#shared/council/rules';
import type { SubmitBallotsRequest } from '#shared/council/voting-round';
import type { User } from '#shared/org';
import { ApiError } from '#functions/http/errors';
import { auditItems, type AuditEntry } from '#functions/store/audit-store';
import {
  BALLOT_UPLOAD_RETENTION_SECONDS,
  completedUploadItem,
  getBallotUpload,
  putBallotPart,
  putBallotUpload,
  readBallotParts,
  type StoredBallotUpload,
} from '#functions/store/ballot-upload-store';
import type { Db } from '#functions/store/client';
import { backoff } from '#functions/store/retry';
import { ballotPartItems, getRound, packBallots, putItem, roundPutItem, type StoredRound } from '#functions/store/round-store';
import { transact } from '#functions/store/transact';
import { refuseIfClosed, ROUND_RETRIES } from './rounds';

/** What replaces a round's ballots: the ballots (compact, against the round read), the attendance, the upload it completes. */
interface BallotsSource {
  ballots: (round: StoredRound) => CompactBallots;
  attendance?: Attendance;
  upload?: StoredBallotUpload;
}

/**
 * The one way a round's ballots are stored, whether they came in one request or in parts: the new parts,
 * the deletion of old extra parts, the round (back to open, its old tally dropped), the audit entry and,
 * for an upload, its completion, in one transaction.
 */
async function replaceBallots(db: Db, campaign: StoredCampaign, user: User, number: number, source: BallotsSource, requestId: string) {
  for (let attempt = 0; ; attempt += 1) {
    const round = await getRound(db, campaign.id, number);
    refuseIfClosed(round);
    const ballots = source.ballots(round);
    const parts = packBallots(ballots);
    const now = new Date().toISOString();
    const { result: _result, minutes: _minutes, talliedAt: _at, talliedBy: _by, talliedBallotsVersion: _tv, ...rest } = round;
    const after: StoredRound = {
      ...rest,
      status: 'open',
      attendance: source.attendance ?? round.attendance,
      ballotCount: ballots.ballots.length,
      ballotsVersion: round.ballotsVersion + 1,
      ballotsParts: parts.length,
      version: round.version + 1,
      updatedAt: now,
      updatedBy: user.email,
    };
    const changes: AuditEntry['changes'] = {
      round: { to: round.id },
      ballots: { from: round.ballotCount, to: after.ballotCount },
      ballotsVersion: { from: round.ballotsVersion, to: after.ballotsVersion },
      ...(source.upload ? { upload: { to: source.upload.uploadId }, parts: { to: source.upload.parts } } : {}),
    };
    if (JSON.stringify(after.attendance) !== JSON.stringify(round.attendance))
      changes.attendance = { from: round.attendance, to: after.attendance };
    if (round.status !== after.status) changes.status = { from: round.status, to: after.status };
    const entry: AuditEntry = { at: now, actor: user.email, action: 'round.ballots', changes };
    const outcome = await transact(db, [
      roundPutItem(db, after, { version: round.version, statuses: LIVE_ROUND_STATUSES }),
      ...ballotPartItems(db, after, parts, round.ballotsParts),
      ...auditItems(campaign.id, `${requestId}-${attempt}`, [entry]).map((item) => putItem(db, item)),
      ...(source.upload ? [completedUploadItem(db, source.upload, after.ballotsVersion)] : []),
    ]);
    if (outcome.ok) return after;
    // Another request completed this upload meanwhile: answer as a retried completion is answered.
    if (source.upload && outcome.reasons.at(-1) === 'ConditionalCheckFailed')
      return completedRound(db, campaign.id, source.upload.uploadId);
    if (attempt >= ROUND_RETRIES) throw new Error('submitting ballots kept conflicting');
    if (outcome.reasons[0] !== 'ConditionalCheckFailed') await backoff(attempt, 20, 500);
  }
}

/** `PUT …/ballots`: the ballots in one request, as sent, made compact against the round's candidates. */
export function submitBallots(
  db: Db,
  campaign: StoredCampaign,
  user: User,
  number: number,
  request: SubmitBallotsRequest,
  requestId: string,
) {
  const ballots = (round: StoredRound) =>
    encodeBallots(
      request.ballots,
      round.candidates.map((c) => c.nominationId),
      roundRules(round, campaign).voteMark,
    );
  return replaceBallots(
    db,
    campaign,
    user,
    number,
    { ballots, ...(request.attendance ? { attendance: request.attendance } : {}) },
    requestId,
  );
}

const uploadNotFound = (uploadId: string) => new ApiError('BALLOT_UPLOAD_NOT_FOUND', { uploadId });

/** The upload a route names, of this round: refused when it is gone or belongs to another round. */
function ofRound<T extends { upload: StoredBallotUpload }>(found: T | undefined, number: number, uploadId: string): T {
  if (!found) throw uploadNotFound(uploadId);
  if (found.upload.roundId !== String(number))
    throw new ApiError('BALLOT_UPLOAD_OTHER_ROUND', { uploadId, roundId: found.upload.roundId, requested: String(number) });
  return found;
}

/** The round a completed upload made, if its ballots are still the round's; else the upload is spent. */
async function completedRound(db: Db, campaignId: string, uploadId: string): Promise<StoredRound> {
  const found = await getBallotUpload(db, campaignId, uploadId);
  if (!found) throw uploadNotFound(uploadId);
  const round = await getRound(db, campaignId, Number(found.upload.roundId));
  if (round.ballotsVersion === found.upload.ballotsVersion) return round;
  throw new ApiError('BALLOT_UPLOAD_COMPLETED', { uploadId, ballotsVersion: found.upload.ballotsVersion, current: round.ballotsVersion });
}

const answer = (upload: StoredBallotUpload, received: number[]): BallotUpload => {
  const { campaignId: _campaign, attendance: _attendance, ...rest } = upload;
  return { ...rest, received };
};

/** `POST …/ballot-uploads`: an upload declared for a round that still takes ballots. */
export async function createBallotUpload(db: Db, campaign: StoredCampaign, user: User, number: number, request: CreateBallotUploadRequest) {
  refuseIfClosed(await getRound(db, campaign.id, number));
  const now = new Date();
  const upload: StoredBallotUpload = {
    campaignId: campaign.id,
    uploadId: randomUUID().replaceAll('-', ''),
    roundId: String(number),
    ballots: request.ballots,
    parts: request.parts,
    mark: request.mark,
    ...(request.attendance ? { attendance: request.attendance } : {}),
    status: 'open',
    createdAt: now.toISOString(),
    createdBy: user.email,
    expiresAt: new Date(now.getTime() + BALLOT_UPLOAD_RETENTION_SECONDS * 1000).toISOString(),
  };
  await putBallotUpload(db, upload);
  return answer(upload, []);
}

/** `GET …/ballot-uploads/{uploadId}`: the parts that arrived, so that the pane sends only the others. */
export async function readBallotUpload(db: Db, campaignId: string, number: number, uploadId: string): Promise<BallotUpload> {
  const { upload, received } = ofRound(await getBallotUpload(db, campaignId, uploadId), number, uploadId);
  return answer(upload, received);
}

/** `PUT …/parts/{k}`: one part stored whole; the same part again replaces it. */
export async function putBallotUploadPart(
  db: Db,
  campaignId: string,
  number: number,
  uploadId: string,
  part: number,
  body: BallotUploadPart,
): Promise<BallotPartReceipt> {
  const { upload } = ofRound(await getBallotUpload(db, campaignId, uploadId), number, uploadId);
  if (part >= upload.parts) throw new ApiError('BALLOT_PART_OUT_OF_RANGE', { part, parts: upload.parts });
  if (upload.status !== 'open' || !(await putBallotPart(db, upload, part, body, randomUUID()))) {
    // Completed meanwhile (or forgotten): say which.
    const now = await getBallotUpload(db, campaignId, uploadId);
    throw now ? new ApiError('BALLOT_UPLOAD_COMPLETED', { uploadId }) : uploadNotFound(uploadId);
  }
  return { uploadId, part, first: body.first, ballots: body.ballots.length };
}

/**
 * `POST …/complete`: the parts assembled (shared/council/ballot-parts.ts) and stored as `PUT …/ballots`
 * stores ballots. Completing again answers the round it made while its ballots are still the round's.
 */
export async function completeBallotUpload(
  db: Db,
  campaign: StoredCampaign,
  user: User,
  number: number,
  uploadId: string,
  requestId: string,
) {
  const { upload, parts } = ofRound(await readBallotParts(db, campaign.id, uploadId), number, uploadId);
  if (upload.status === 'completed') return completedRound(db, campaign.id, uploadId);
  const ballots = (round: StoredRound) => {
    const assembled = assembleParts(upload, parts, round.candidates);
    if ('refusal' in assembled) throw new ApiError(assembled.refusal.code, { uploadId, ...assembled.refusal.details });
    return assembled.ballots;
  };
  return replaceBallots(
    db,
    campaign,
    user,
    number,
    { ballots, ...(upload.attendance ? { attendance: upload.attendance } : {}), upload },
    requestId,
  );
}
