import type { BallotPartReceipt, BallotUpload, BallotUploadPart, CreateBallotUploadRequest } from '#shared/api/ballot-upload';
import { MAX_BALLOT_PART_BYTES } from '#shared/api/ballot-upload';
import type { CompactBallot, CompactBallots } from '#shared/council/ballot-codec';
import type { Attendance, Ballot } from '#shared/council/round';
import type { CreateRoundRequest, VotingRound, VotingRoundSummary } from '#shared/council/voting-round';
import { utf8Length, type ChunkLimits } from './chunk';
import { isApiRequestError } from './errors';

/** The council's routes: its rounds, their ballots (whole, or in parts that resume), tally, confirmation, annulment. */
export interface CouncilApi {
  /** The council's voting rounds (without candidates, result or ballots). */
  listRounds(campaignId: string): Promise<VotingRoundSummary[]>;
  /** One round with its candidates, result and minutes. */
  getRound(campaignId: string, roundId: string): Promise<VotingRound>;
  /** Opens a round: the eligible nominations, or (fromRoundId) the tied candidates of a confirmed round. */
  createRound(campaignId: string, request: CreateRoundRequest): Promise<VotingRound>;
  /** Replaces the round's ballots in one request (and its attendance, when given). */
  submitBallots(campaignId: string, roundId: string, ballots: readonly Ballot[], attendance?: Attendance): Promise<VotingRound>;
  /**
   * Replaces the round's ballots, sent compact in parts of at most `partBytes` (an upload: declared,
   * its parts sent, completed). When a part's fate is unknown (the network dropped), it asks which parts
   * arrived and sends only the others; `upload.uploadId` keeps the upload, so that sending the same
   * ballots again after a failure resumes it rather than starting over.
   */
  sendBallots(campaignId: string, roundId: string, ballots: CompactBallots, options?: SendBallotsOptions): Promise<VotingRound>;
  /** Counts the round's ballots: the result and the minutes. */
  tallyRound(campaignId: string, roundId: string): Promise<VotingRound>;
  /** Confirms the tallied round (`version`: the round as the secretary saw it). */
  confirmRound(campaignId: string, roundId: string, version?: number): Promise<VotingRound>;
  /** An administrator annuls the confirmed round, with the reason (`version`: the round as read). */
  annulRound(campaignId: string, roundId: string, reason: string, version: number): Promise<VotingRound>;
}

export interface BallotsProgress {
  /** Ballots whose part the server has, of all of them. */
  sent: number;
  total: number;
  partsSent: number;
  parts: number;
}

export interface SendBallotsOptions {
  attendance?: Attendance;
  onProgress?: (progress: BallotsProgress) => void;
  /** The upload in hand: set once declared, read to resume it. */
  upload?: { uploadId?: string };
  partBytes?: number;
}

export interface CouncilTransport {
  request<T>(method: string, path: string, init?: { body?: string }): Promise<T>;
  limits?: Pick<ChunkLimits, 'ballotPartBytes'>;
}

/** The pane's parts: half the API's limit, so that a part is quick to send again. */
export const BALLOT_PART_BYTES = MAX_BALLOT_PART_BYTES / 2;
/** How often one sending asks which parts arrived and goes on, before it gives up and says so. */
const RESUMES = 3;
const ENVELOPE_BYTES = '{"first":100000,"ballots":[]}'.length;

/** Consecutive parts of the ballots, each within `maxBytes` of JSON (a single larger ballot goes alone). */
export function ballotParts(ballots: readonly CompactBallot[], maxBytes = BALLOT_PART_BYTES): BallotUploadPart[] {
  const parts: BallotUploadPart[] = [];
  let current: CompactBallot[] = [];
  let bytes = ENVELOPE_BYTES;
  let first = 0;
  for (const ballot of ballots) {
    // Bits are ASCII; only the rare other marks may hold letters of several bytes.
    const text = JSON.stringify(ballot);
    const size = ballot.length > 2 ? utf8Length(text) : text.length;
    if (current.length > 0 && bytes + 1 + size > maxBytes) {
      parts.push({ first, ballots: current });
      first += current.length;
      current = [];
      bytes = ENVELOPE_BYTES;
    }
    bytes += size + 1;
    current.push(ballot);
  }
  if (current.length > 0 || parts.length === 0) parts.push({ first, ballots: current });
  return parts;
}

/** Network failures and 5xx may have reached the server: whether the part arrived is unknown. */
const fateUnknown = (error: unknown) => !isApiRequestError(error) || error.status === 0 || error.status >= 500;

export function councilClient(transport: CouncilTransport): CouncilApi {
  const { request } = transport;
  const rounds = (campaignId: string) => `/campaigns/${encodeURIComponent(campaignId)}/rounds`;
  const round = (campaignId: string, roundId: string) => `${rounds(campaignId)}/${encodeURIComponent(roundId)}`;
  const uploads = (campaignId: string, roundId: string) => `${round(campaignId, roundId)}/ballot-uploads`;

  /** The upload in hand, if it can still take these parts; an expired or spent one is simply not resumed. */
  async function resumable(campaignId: string, roundId: string, uploadId: string | undefined, ballots: number, parts: number) {
    if (!uploadId) return undefined;
    try {
      const upload = await request<BallotUpload>('GET', `${uploads(campaignId, roundId)}/${uploadId}`);
      return upload.status === 'open' && upload.ballots === ballots && upload.parts === parts ? upload : undefined;
    } catch (error) {
      if (isApiRequestError(error) && (error.code === 'BALLOT_UPLOAD_NOT_FOUND' || error.code === 'BALLOT_UPLOAD_OTHER_ROUND'))
        return undefined;
      throw error;
    }
  }

  return {
    listRounds: async (campaignId) => (await request<{ items: VotingRoundSummary[] }>('GET', rounds(campaignId))).items,
    getRound: (campaignId, roundId) => request<VotingRound>('GET', round(campaignId, roundId)),
    createRound: (campaignId, body) => request<VotingRound>('POST', rounds(campaignId), { body: JSON.stringify(body) }),
    submitBallots: (campaignId, roundId, ballots, attendance) =>
      request<VotingRound>('PUT', `${round(campaignId, roundId)}/ballots`, {
        body: JSON.stringify({ ...(attendance ? { attendance } : {}), ballots }),
      }),
    tallyRound: (campaignId, roundId) => request<VotingRound>('POST', `${round(campaignId, roundId)}/tally`, { body: '{}' }),
    confirmRound: (campaignId, roundId, version) =>
      request<VotingRound>('POST', `${round(campaignId, roundId)}/confirm`, {
        body: JSON.stringify(version === undefined ? {} : { version }),
      }),
    annulRound: (campaignId, roundId, reason, version) =>
      request<VotingRound>('POST', `${round(campaignId, roundId)}/annul`, { body: JSON.stringify({ reason, version }) }),

    async sendBallots(campaignId, roundId, ballots, options = {}) {
      const holder = options.upload ?? {};
      const parts = ballotParts(ballots.ballots, options.partBytes ?? transport.limits?.ballotPartBytes);
      const total = ballots.ballots.length;
      let upload = await resumable(campaignId, roundId, holder.uploadId, total, parts.length);
      if (!upload) {
        const declare: CreateBallotUploadRequest = {
          ballots: total,
          parts: parts.length,
          mark: ballots.mark,
          ...(options.attendance ? { attendance: options.attendance } : {}),
        };
        upload = await request<BallotUpload>('POST', uploads(campaignId, roundId), { body: JSON.stringify(declare) });
        holder.uploadId = upload.uploadId;
      }
      const path = `${uploads(campaignId, roundId)}/${upload.uploadId}`;
      const received = new Set(upload.received);
      const progress = () =>
        options.onProgress?.({
          sent: parts.reduce((sum, part, k) => sum + (received.has(k) ? part.ballots.length : 0), 0),
          total,
          partsSent: received.size,
          parts: parts.length,
        });
      progress();
      for (let resumed = 0; ; resumed += 1) {
        try {
          for (const [k, part] of parts.entries()) {
            if (received.has(k)) continue;
            await request<BallotPartReceipt>('PUT', `${path}/parts/${k}`, { body: JSON.stringify(part) });
            received.add(k);
            progress();
          }
          break;
        } catch (error) {
          if (!fateUnknown(error) || resumed >= RESUMES) throw error;
          // Ask which parts arrived before sending any again: a part whose answer was lost is not sent twice.
          for (const k of (await request<BallotUpload>('GET', path)).received) received.add(k);
          progress();
        }
      }
      const done = await request<VotingRound>('POST', `${path}/complete`, { body: '{}' });
      holder.uploadId = undefined;
      return done;
    },
  };
}
