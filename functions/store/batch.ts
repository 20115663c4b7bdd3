import {
  BatchGetCommand,
  BatchWriteCommand,
  QueryCommand,
  type DynamoDBDocumentClient,
  type QueryCommandInput,
} from '@aws-sdk/lib-dynamodb';

import { backoffDelay } from '#shared/async/backoff';
import { mapLimit } from '#shared/async/map-limit';
import { ApiError } from '#functions/http/errors';

type Item = Record<string, unknown>;
type Key = Record<string, unknown>;

const BATCH_WRITE_LIMIT = 25;
const BATCH_GET_LIMIT = 100;
const MAX_ROUNDS = 10;

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Exponential backoff with full jitter, as AWS recommends for throttled and unprocessed work. */
export function backoff(attempt: number, baseMs = 25, capMs = 2000): Promise<void> {
  return sleep(backoffDelay(attempt, { baseMs, capMs, fixedShare: 0 }));
}

function chunk<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
}

/** BatchWriteItem in chunks of 25, retrying UnprocessedItems with backoff until all are written. */
export async function batchPutAll(doc: DynamoDBDocumentClient, tableName: string, items: readonly Item[], concurrency = 8) {
  await mapLimit(chunk(items, BATCH_WRITE_LIMIT), concurrency, async (group) => {
    let requests = group.map((Item) => ({ PutRequest: { Item } }));
    for (let round = 0; requests.length > 0; round += 1) {
      if (round >= MAX_ROUNDS) throw new Error(`BatchWriteItem left ${requests.length} items unprocessed`);
      if (round > 0) await backoff(round);
      const answer = await doc.send(new BatchWriteCommand({ RequestItems: { [tableName]: requests } }));
      requests = (answer.UnprocessedItems?.[tableName] ?? []) as typeof requests;
    }
  });
}

/** BatchGetItem in chunks of 100, retrying UnprocessedKeys; returns the items found (any order). */
export async function batchGetAll(doc: DynamoDBDocumentClient, tableName: string, keys: readonly Key[], concurrency = 8): Promise<Item[]> {
  const found: Item[] = [];
  await mapLimit(chunk(keys, BATCH_GET_LIMIT), concurrency, async (group) => {
    let pending: Key[] = group;
    for (let round = 0; pending.length > 0; round += 1) {
      if (round >= MAX_ROUNDS) throw new Error(`BatchGetItem left ${pending.length} keys unprocessed`);
      if (round > 0) await backoff(round);
      const answer = await doc.send(new BatchGetCommand({ RequestItems: { [tableName]: { Keys: pending, ConsistentRead: true } } }));
      found.push(...(answer.Responses?.[tableName] ?? []));
      pending = (answer.UnprocessedKeys?.[tableName]?.Keys ?? []) as Key[];
    }
  });
  return found;
}

/** Every page of a query. */
export async function queryAll(doc: DynamoDBDocumentClient, input: QueryCommandInput): Promise<Item[]> {
  const items: Item[] = [];
  let ExclusiveStartKey: Key | undefined;
  do {
    const page = await doc.send(new QueryCommand({ ...input, ExclusiveStartKey }));
    items.push(...(page.Items ?? []));
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  return items;
}

/** Counts a query's matches across pages without fetching them. */
export async function queryCount(doc: DynamoDBDocumentClient, input: QueryCommandInput): Promise<number> {
  let count = 0;
  let ExclusiveStartKey: Key | undefined;
  do {
    const page = await doc.send(new QueryCommand({ ...input, Select: 'COUNT', ExclusiveStartKey }));
    count += page.Count ?? 0;
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  return count;
}

/** A page's position as an opaque token for the client. */
export function encodeCursor(key: Key | undefined): string | undefined {
  return key ? Buffer.from(JSON.stringify(key)).toString('base64url') : undefined;
}

/** A client's cursor back into a key of the partition it pages through; anything else is a 400. */
export function decodeCursor(cursor: string | undefined, partition: string): Key | undefined {
  if (cursor === undefined) return undefined;
  let key: unknown;
  try {
    key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    key = undefined;
  }
  const valid =
    typeof key === 'object' &&
    key !== null &&
    Object.keys(key).length === 2 &&
    (key as Key).PK === partition &&
    typeof (key as Key).SK === 'string' &&
    ((key as Key).SK as string).length <= 512;
  if (!valid) throw new ApiError('VALIDATION_FAILED', [{ path: 'cursor', message: 'not a cursor this list gave out' }]);
  return key as Key;
}
