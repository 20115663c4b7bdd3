import { createHash } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand, UpdateCommand, DeleteCommand } from '@aws-sdk/lib-dynamodb';
import { ApiError } from '#functions/http/errors';
import type { Db } from './client';
import { batchGetAll, batchPutAll } from './batch';
import { keys } from './keys';

/** Answers are kept a day; a retry after that is a new request. */
const KEEP_SECONDS = 24 * 3600;
/** A request that died mid-way stops blocking its retries after this long (Lambda's limit is 30 s). */
const LOCK_SECONDS = 60;
/**
 * An item holds 400 KB: a bigger answer (a save of thousands of rows with findings) is kept in parts of
 * this size beside the key's item. Never dropping it matters: a retry that re-ran a save would create
 * its new rows a second time.
 */
export const ANSWER_PART_BYTES = 350 * 1024;

export type StoredAnswer = { statusCode: number; body: unknown };

/** An answer serialised once and gzipped once: kept as is, and sent as is to a client that takes gzip. */
export interface PackedAnswer {
  statusCode: number;
  /** The body's JSON. */
  text: string;
  gzipped: Buffer;
}

export function packAnswer(answer: StoredAnswer): PackedAnswer {
  const text = JSON.stringify(answer.body);
  return { statusCode: answer.statusCode, text, gzipped: gzipSync(text) };
}

const asBuffer = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);

/**
 * A kept answer: its status and gzipped body (in the item, or in parts beside it), or (kept before they
 * were apart, for a day) both in one JSON.
 */
async function unpack(db: Db, email: string, key: string, item: Record<string, unknown>): Promise<PackedAnswer> {
  if (typeof item.parts === 'number') {
    const partKeys = Array.from({ length: item.parts }, (_, i) => keys.idempotencyPart(email, key, i));
    const found = new Map((await batchGetAll(db.doc, db.tableName, partKeys)).map((part) => [part.SK, part.body as Uint8Array]));
    const gzipped = Buffer.concat(partKeys.map((k) => asBuffer(found.get(k.SK)!)));
    return { statusCode: Number(item.statusCode), text: gunzipSync(gzipped).toString(), gzipped };
  }
  if (item.body instanceof Uint8Array) {
    const gzipped = asBuffer(item.body);
    return { statusCode: Number(item.statusCode), text: gunzipSync(gzipped).toString(), gzipped };
  }
  return packAnswer(JSON.parse(gunzipSync(item.answer as Uint8Array).toString()) as StoredAnswer);
}

/** Where the answer goes: in the key's item, or (too big for it) in parts written first. */
async function keptBody(db: Db, email: string, key: string, gzipped: Buffer, ttl: number): Promise<Record<string, unknown>> {
  if (gzipped.byteLength <= ANSWER_PART_BYTES) return { ':body': gzipped };
  const parts: Record<string, unknown>[] = [];
  for (let start = 0; start < gzipped.byteLength; start += ANSWER_PART_BYTES)
    parts.push({ ...keys.idempotencyPart(email, key, parts.length), body: gzipped.subarray(start, start + ANSWER_PART_BYTES), ttl });
  await batchPutAll(db.doc, db.tableName, parts);
  return { ':parts': parts.length };
}

/**
 * Runs `work` once per Idempotency-Key (per user): a retry with the same key and body gets the stored
 * answer; the same key with another body is refused; a retry while the first still runs waits its turn.
 * Hand-written rather than Powertools' idempotency utility because a save's answer for 5,000 rows
 * passes DynamoDB's 400 KB item size unless it is compressed.
 */
export async function once(db: Db, email: string, key: string, body: string, work: () => Promise<StoredAnswer>): Promise<PackedAnswer> {
  const Key = keys.idempotency(email, key);
  const requestHash = createHash('sha256').update(body).digest('base64url');
  const now = Math.floor(Date.now() / 1000);
  try {
    await db.doc.send(
      new PutCommand({
        TableName: db.tableName,
        Item: { ...Key, state: 'in_progress', requestHash, lockedUntil: now + LOCK_SECONDS, ttl: now + KEEP_SECONDS },
        ConditionExpression: 'attribute_not_exists(PK) OR (#state = :inProgress AND lockedUntil < :now)',
        ExpressionAttributeNames: { '#state': 'state' },
        ExpressionAttributeValues: { ':inProgress': 'in_progress', ':now': now },
      }),
    );
  } catch (error) {
    if (!(error instanceof ConditionalCheckFailedException)) throw error;
    const existing = (await db.doc.send(new GetCommand({ TableName: db.tableName, Key, ConsistentRead: true }))).Item;
    if (existing?.requestHash !== requestHash) throw new ApiError('IDEMPOTENCY_KEY_REUSED');
    if (existing.state !== 'done') throw new ApiError('REQUEST_IN_PROGRESS');
    return unpack(db, email, key, existing);
  }
  let answer: PackedAnswer;
  try {
    answer = packAnswer(await work());
  } catch (error) {
    // Nothing to replay: free the key so that the client's retry runs the work again.
    await db.doc.send(new DeleteCommand({ TableName: db.tableName, Key }));
    throw error;
  }
  // The parts (if any) are written before the key says done, so a retry never finds a partial answer.
  const kept = await keptBody(db, email, key, answer.gzipped, now + KEEP_SECONDS);
  await db.doc.send(
    new UpdateCommand({
      TableName: db.tableName,
      Key,
      UpdateExpression: `SET #state = :done, #status = :status, ${':body' in kept ? '#body = :body' : 'parts = :parts'}`,
      ExpressionAttributeNames: { '#state': 'state', '#status': 'statusCode', ...(':body' in kept ? { '#body': 'body' } : {}) },
      ExpressionAttributeValues: { ':done': 'done', ':status': answer.statusCode, ...kept },
    }),
  );
  return answer;
}
