import { BatchGetCommand, BatchWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { mapLimit } from '#shared/async/map-limit';
import { backoff } from './retry';

type Item = Record<string, unknown>;
type Key = Record<string, unknown>;

const BATCH_WRITE_LIMIT = 25;
const BATCH_GET_LIMIT = 100;
const MAX_ROUNDS = 10;

function chunk<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
}

/** BatchWriteItem in chunks of 25, retrying UnprocessedItems with backoff until all are written. */
export async function batchPutAll(doc: DynamoDBDocumentClient, tableName: string, items: readonly Item[], concurrency = 8) {
  await batchWriteAll(doc, tableName, { puts: items }, concurrency);
}

/** Puts and deletes together, in BatchWriteItem chunks of 25 (no two on one item), retrying what is left unprocessed. */
export async function batchWriteAll(
  doc: DynamoDBDocumentClient,
  tableName: string,
  { puts = [], deletes = [] }: { puts?: readonly Item[]; deletes?: readonly Key[] },
  concurrency = 8,
) {
  const all = [...puts.map((Item) => ({ PutRequest: { Item } })), ...deletes.map((Key) => ({ DeleteRequest: { Key } }))];
  await mapLimit(chunk(all, BATCH_WRITE_LIMIT), concurrency, async (group) => {
    let requests: typeof all = group;
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
