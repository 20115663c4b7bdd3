import { gunzipSync, gzipSync } from 'node:zlib';
import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { COMPACT_BALLOTS_FORMAT, encodeBallots, type CompactBallots } from '#shared/council/ballot-codec';
import type { Ballot } from '#shared/council/round';
import type { PendingWrite } from '#shared/council/round-steps';
import type { RoundStatus, VotingRound, VotingRoundSummary } from '#shared/council/voting-round';
import { ApiError } from '#functions/http/errors';
import { queryAll } from './query';
import type { Db } from './client';
import { keys } from './keys';
import type { TransactItem } from './transact';

type Item = Record<string, unknown>;

/**
 * A council's voting rounds. The round item keeps its status, version and counts as attributes (for
 * conditions and lists) and its candidates, result, minutes and decisions gzipped in `data`; its ballots,
 * compact (shared/council/ballot-codec.ts; rounds stored before kept them as JSON ballots, still read),
 * are one gzip stream cut into parts of at most 300 KB, each
 * stamped with the round's ballotsVersion. A submission writes its parts, deletes the old extra ones and
 * moves the round's ballotsVersion in one transaction, so a round and its ballots always agree.
 */
export const BALLOT_PART_BYTES = 300 * 1024;
/** A transaction carries at most 4 MB; the round's own item and the audit need some of it. */
export const MAX_BALLOTS_BYTES = 3_500 * 1024;
/** The round item's gzipped data must leave room for its attributes under the 400 KB item limit. */
const MAX_DATA_BYTES = 350 * 1024;

/**
 * A round as stored: how many parts its ballots take is the store's business only, and so is what a
 * confirming or annulling round keeps to finish its write (its progress is public).
 */
export type StoredRound = Omit<VotingRound, 'ballots'> & { ballotsParts: number; pending?: PendingWrite };

/** Fields kept as attributes of the round item; the rest is in `data`. */
const DATA_FIELDS = ['candidates', 'forms', 'rules', 'result', 'minutes', 'decisions', 'pending'] as const;
const SUMMARY_FIELDS = [
  'campaignId',
  'id',
  'number',
  'status',
  'fromRoundId',
  'attendance',
  'ballotCount',
  'ballotsVersion',
  'ballotsParts',
  'talliedBallotsVersion',
  'talliedAt',
  'talliedBy',
  'confirmedAt',
  'confirmedBy',
  'supersededBy',
  'annulment',
  'progress',
  'version',
  'createdAt',
  'createdBy',
  'updatedAt',
  'updatedBy',
  'candidateCount',
  'void',
] as const;

export function roundToItem(round: StoredRound): Item {
  const data: Record<string, unknown> = {};
  const plain: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(round)) {
    if ((DATA_FIELDS as readonly string[]).includes(field)) data[field] = value;
    else plain[field] = value;
  }
  const packed = gzipSync(JSON.stringify(data));
  if (packed.length > MAX_DATA_BYTES) throw new ApiError('ROUND_TOO_LARGE', { candidates: round.candidates.length, bytes: packed.length });
  return {
    ...keys.round(round.campaignId, round.number),
    ...plain,
    candidateCount: round.candidates.length,
    ...(round.result ? { void: round.result.void } : {}),
    data: packed,
  };
}

export function roundFromItem(item: Item): StoredRound {
  const { PK: _pk, SK: _sk, data, candidateCount: _count, void: _void, ...plain } = item;
  const unpacked = JSON.parse(gunzipSync(data as Uint8Array).toString()) as Partial<StoredRound>;
  return { ...(plain as unknown as StoredRound), ...unpacked };
}

/** The round as the API answers it. */
export function publicRound(round: StoredRound, ballots?: Ballot[]): VotingRound {
  const { ballotsParts: _parts, pending: _pending, ...rest } = round;
  return ballots ? { ...rest, ballots } : rest;
}

/** Bytes gzipped and cut into pieces that each fit an item (a round's ballots, a part of an upload). */
export function gzipPieces(text: string, pieceBytes: number): Buffer[] {
  const packed = gzipSync(text);
  const pieces: Buffer[] = [];
  for (let start = 0; start < packed.length; start += pieceBytes) pieces.push(packed.subarray(start, start + pieceBytes));
  return pieces;
}

/** The text of pieces gzipPieces made, joined again. */
export function gunzipPieces(pieces: readonly Uint8Array[]): string {
  return gunzipSync(Buffer.concat(pieces)).toString();
}

/** Compact ballots as one gzip stream cut into parts that each fit an item. */
export function packBallots(ballots: CompactBallots, partBytes = BALLOT_PART_BYTES): Buffer[] {
  const parts = gzipPieces(JSON.stringify(ballots), partBytes);
  const bytes = parts.reduce((sum, part) => sum + part.length, 0);
  if (bytes > MAX_BALLOTS_BYTES) throw new ApiError('PAYLOAD_TOO_LARGE', { ballotsBytes: bytes, maxBytes: MAX_BALLOTS_BYTES });
  return parts;
}

/**
 * A round's stored ballots, compact: those stored before the compact form (a JSON list of ballots) are
 * encoded against the round's candidates on the way, losslessly, so every reader sees one form.
 */
export function unpackBallots(parts: readonly Uint8Array[], candidateIds: readonly string[], mark: string): CompactBallots {
  if (parts.length === 0) return { format: COMPACT_BALLOTS_FORMAT, mark, ballots: [] };
  const stored = JSON.parse(gunzipPieces(parts)) as CompactBallots | Ballot[];
  return Array.isArray(stored) ? encodeBallots(stored, candidateIds, mark) : stored;
}

function roundNotFound(campaignId: string, number: number): ApiError {
  return new ApiError('ROUND_NOT_FOUND', { campaignId, roundId: String(number) });
}

/** One round, read consistently (a confirmation or a tally decides on what it reads). */
export async function getRound(db: Db, campaignId: string, number: number): Promise<StoredRound> {
  const answer = await db.doc.send(new GetCommand({ TableName: db.tableName, Key: keys.round(campaignId, number), ConsistentRead: true }));
  if (!answer.Item) throw roundNotFound(campaignId, number);
  return roundFromItem(answer.Item);
}

/**
 * A round and its ballots in one consistent Query of their common prefix: they were written in one
 * transaction, so the parts found are the round's current ones (checked by their ballotsVersion).
 */
export async function getRoundWithBallots(
  db: Db,
  campaignId: string,
  number: number,
): Promise<{ round: StoredRound; ballots: CompactBallots }> {
  const items = await queryAll(db.doc, {
    TableName: db.tableName,
    KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
    ExpressionAttributeValues: { ':pk': keys.nominationsPartition(campaignId), ':prefix': keys.roundItemsPrefix(number) },
    ConsistentRead: true,
  });
  const roundSK = keys.round(campaignId, number).SK;
  const item = items.find((i) => i.SK === roundSK);
  if (!item) throw roundNotFound(campaignId, number);
  const round = roundFromItem(item);
  const parts = items
    .filter((i) => i.SK !== roundSK && Number(i.part) < round.ballotsParts)
    .sort((a, b) => Number(a.part) - Number(b.part));
  if (parts.length !== round.ballotsParts || parts.some((p) => p.ballotsVersion !== round.ballotsVersion)) {
    throw new Error(`round ${number} of ${campaignId}: ballots parts do not match ballotsVersion ${round.ballotsVersion}`);
  }
  const candidateIds = round.candidates.map((c) => c.nominationId);
  const ballots = unpackBallots(
    parts.map((p) => p.data as Uint8Array),
    candidateIds,
    round.rules?.voteMark ?? 'x',
  );
  return { round, ballots };
}

/** The campaign's rounds, oldest first, without their data (the ballots' parts are filtered out). */
export async function listRounds(db: Db, campaignId: string): Promise<VotingRoundSummary[]> {
  const names = Object.fromEntries(SUMMARY_FIELDS.map((field, i) => [`#f${i}`, field]));
  const items = await queryAll(db.doc, {
    TableName: db.tableName,
    KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
    FilterExpression: 'attribute_not_exists(#part)',
    ProjectionExpression: Object.keys(names).join(', '),
    ExpressionAttributeNames: { ...names, '#part': 'part' },
    ExpressionAttributeValues: { ':pk': keys.nominationsPartition(campaignId), ':prefix': keys.roundPrefix },
    ConsistentRead: true,
  });
  return items.map((item) => {
    const { ballotsParts: _parts, ...summary } = item;
    return summary as unknown as VotingRoundSummary;
  });
}

/** The number the next round would take: one more than the last one's (any of its items tells it). */
export async function nextRoundNumber(db: Db, campaignId: string): Promise<number> {
  const answer = await db.doc.send(
    new QueryCommand({
      TableName: db.tableName,
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
      ExpressionAttributeValues: { ':pk': keys.nominationsPartition(campaignId), ':prefix': keys.roundPrefix },
      ProjectionExpression: 'SK',
      ScanIndexForward: false,
      Limit: 1,
      ConsistentRead: true,
    }),
  );
  const last = answer.Items?.[0];
  const next = (last ? keys.roundNumberOf(String(last.SK)) : 0) + 1;
  if (next > 9999) throw new Error(`campaign ${campaignId} has run out of round numbers`);
  return next;
}

/** A new round's Put: its number must be free. */
export function newRoundItem(db: Db, round: StoredRound): TransactItem {
  return { Put: { TableName: db.tableName, Item: roundToItem(round), ConditionExpression: 'attribute_not_exists(PK)' } };
}

/**
 * A round's Put over the version that was read, while it is still in one of the given statuses: the
 * round's own lost-update guard (a tally, a submission and a confirmation never overwrite each other).
 */
export function roundPutItem(db: Db, round: StoredRound, expected: { version: number; statuses: readonly RoundStatus[] }): TransactItem {
  const statuses = Object.fromEntries(expected.statuses.map((status, i) => [`:s${i}`, status]));
  return {
    Put: {
      TableName: db.tableName,
      Item: roundToItem(round),
      ConditionExpression: `version = :expected AND #status IN (${Object.keys(statuses).join(', ')})`,
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: { ':expected': expected.version, ...statuses },
    },
  };
}

/** Marks an older round superseded, if it is still open or tallied at the version that was read. */
export function supersedeItem(
  db: Db,
  round: Pick<StoredRound, 'campaignId' | 'number' | 'version'>,
  by: string,
  actor: string,
  at: string,
): TransactItem {
  return {
    Update: {
      TableName: db.tableName,
      Key: keys.round(round.campaignId, round.number),
      UpdateExpression: 'SET #status = :superseded, supersededBy = :by, version = :next, updatedAt = :at, updatedBy = :actor',
      ConditionExpression: 'version = :expected AND #status IN (:open, :tallied)',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: {
        ':superseded': 'superseded',
        ':by': by,
        ':next': round.version + 1,
        ':at': at,
        ':actor': actor,
        ':expected': round.version,
        ':open': 'open',
        ':tallied': 'tallied',
      },
    },
  };
}

/** The parts of a new set of ballots, and the deletion of the old parts beyond them. */
export function ballotPartItems(db: Db, round: StoredRound, parts: readonly Buffer[], oldParts: number): TransactItem[] {
  const puts = parts.map((data, part): TransactItem => ({
    Put: {
      TableName: db.tableName,
      Item: {
        ...keys.roundBallots(round.campaignId, round.number, part),
        part,
        parts: parts.length,
        ballotsVersion: round.ballotsVersion,
        data,
      },
    },
  }));
  const deletes: TransactItem[] = [];
  for (let part = parts.length; part < oldParts; part += 1) {
    deletes.push({ Delete: { TableName: db.tableName, Key: keys.roundBallots(round.campaignId, round.number, part) } });
  }
  return [...puts, ...deletes];
}

export function putItem(db: Db, item: Item): TransactItem {
  return { Put: { TableName: db.tableName, Item: item } };
}
