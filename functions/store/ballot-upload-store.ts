import { PutCommand } from '@aws-sdk/lib-dynamodb';
import type { BallotUpload, BallotUploadPart } from '#shared/api/ballot-upload';
import type { Attendance } from '#shared/council/round';
import type { Db } from './client';
import { keys } from './keys';
import { queryAll } from './query';
import { gunzipPieces, gzipPieces } from './round-store';
import { TABLE } from './table';
import { transact, type TransactItem } from './transact';

/**
 * A round's ballots being sent in parts (shared/api/ballot-upload.ts). The upload's item holds what was
 * declared; each part is kept gzipped, in pieces of at most 300 KB (a part of 1 MB may not fit one
 * 400 KB item), written together in one transaction and stamped with that write's id, so a part is
 * whole or absent, and the same part sent twice simply replaces itself. Every item carries the table's
 * TTL: an upload never completed is forgotten after a day, as the dossier files' pending records are.
 */
export const BALLOT_UPLOAD_RETENTION_SECONDS = 24 * 3600;
const PIECE_BYTES = 300 * 1024;

type Item = Record<string, unknown>;

/** An upload as stored: what the API answers of it, less what the query finds (the parts received). */
export type StoredBallotUpload = Omit<BallotUpload, 'received'> & { campaignId: string; attendance?: Attendance };

const ttlOf = (upload: Pick<StoredBallotUpload, 'expiresAt'>) => Math.floor(Date.parse(upload.expiresAt) / 1000);

export async function putBallotUpload(db: Db, upload: StoredBallotUpload): Promise<void> {
  await db.doc.send(
    new PutCommand({
      TableName: db.tableName,
      Item: { ...keys.ballotUpload(upload.campaignId, upload.uploadId), ...upload, [TABLE.timeToLive]: ttlOf(upload) },
      ConditionExpression: 'attribute_not_exists(PK)',
    }),
  );
}

/** A part's pieces, in one transaction; false when the upload is gone or no longer open. */
export async function putBallotPart(db: Db, upload: StoredBallotUpload, part: number, body: BallotUploadPart, writeId: string) {
  const pieces = gzipPieces(JSON.stringify(body), PIECE_BYTES);
  const items: TransactItem[] = [
    {
      ConditionCheck: {
        TableName: db.tableName,
        Key: keys.ballotUpload(upload.campaignId, upload.uploadId),
        ConditionExpression: '#status = :open',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':open': 'open' },
      },
    },
    ...pieces.map((data, piece): TransactItem => ({
      Put: {
        TableName: db.tableName,
        Item: {
          ...keys.ballotUploadPiece(upload.campaignId, upload.uploadId, part, piece),
          part,
          piece,
          pieces: pieces.length,
          writeId,
          ballots: body.ballots.length,
          data,
          [TABLE.timeToLive]: ttlOf(upload),
        },
      },
    })),
  ];
  return (await transact(db, items)).ok;
}

/** The upload and, by part, the pieces of its last complete write (older, stale pieces left out). */
function assemble(items: readonly Item[], campaignId: string, uploadId: string) {
  const ownSK = keys.ballotUpload(campaignId, uploadId).SK;
  const own = items.find((item) => item.SK === ownSK);
  if (!own) return undefined;
  const { PK: _pk, SK: _sk, [TABLE.timeToLive]: _ttl, ...upload } = own;
  const byPart = new Map<number, Item[]>();
  for (const item of items) {
    if (item.SK === ownSK) continue;
    const list = byPart.get(Number(item.part)) ?? [];
    list.push(item);
    byPart.set(Number(item.part), list);
  }
  const parts = new Map<number, Item[]>();
  for (const [part, list] of byPart) {
    const first = list.find((item) => Number(item.piece) === 0);
    if (!first) continue;
    const current = list
      .filter((item) => item.writeId === first.writeId && Number(item.piece) < Number(first.pieces))
      .sort((a, b) => Number(a.piece) - Number(b.piece));
    if (current.length === Number(first.pieces)) parts.set(part, current);
  }
  return { upload: upload as StoredBallotUpload, parts };
}

/** The upload and which parts arrived, in one consistent Query that leaves the parts' bytes behind. */
export async function getBallotUpload(db: Db, campaignId: string, uploadId: string) {
  const items = await queryUpload(db, campaignId, uploadId, false);
  const found = assemble(items, campaignId, uploadId);
  return found && { upload: found.upload, received: [...found.parts.keys()].sort((a, b) => a - b) };
}

/** The upload and its parts' bodies, by part number. */
export async function readBallotParts(db: Db, campaignId: string, uploadId: string) {
  const items = await queryUpload(db, campaignId, uploadId, true);
  const found = assemble(items, campaignId, uploadId);
  if (!found) return undefined;
  const parts = new Map<number, BallotUploadPart>();
  for (const [part, pieces] of found.parts) parts.set(part, JSON.parse(gunzipPieces(pieces.map((p) => p.data as Uint8Array))));
  return { upload: found.upload, parts };
}

async function queryUpload(db: Db, campaignId: string, uploadId: string, withData: boolean): Promise<Item[]> {
  return queryAll(db.doc, {
    TableName: db.tableName,
    KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
    ExpressionAttributeValues: { ':pk': keys.nominationsPartition(campaignId), ':prefix': keys.ballotUploadPrefix(uploadId) },
    ConsistentRead: true,
    // Which parts arrived needs every attribute but the bytes.
    ...(withData ? {} : { ProjectionExpression: PROJECTION.join(', '), ExpressionAttributeNames: PROJECTION_NAMES }),
  });
}

const FIELDS = ['SK', 'uploadId', 'roundId', 'ballots', 'parts', 'mark', 'status', 'ballotsVersion', 'createdAt', 'createdBy'];
const MORE = ['expiresAt', 'campaignId', 'attendance', 'part', 'piece', 'pieces', 'writeId'];
const PROJECTION_NAMES = Object.fromEntries([...FIELDS, ...MORE].map((name, i) => [`#a${i}`, name]));
const PROJECTION = Object.keys(PROJECTION_NAMES);

/** Marks the upload completed with the ballotsVersion it made, if it is still open: in the ballots' transaction. */
export function completedUploadItem(db: Db, upload: StoredBallotUpload, ballotsVersion: number): TransactItem {
  return {
    Update: {
      TableName: db.tableName,
      Key: keys.ballotUpload(upload.campaignId, upload.uploadId),
      UpdateExpression: 'SET #status = :completed, ballotsVersion = :version',
      ConditionExpression: '#status = :open',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: { ':completed': 'completed', ':version': ballotsVersion, ':open': 'open' },
    },
  };
}
