import { BatchWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

type Item = Record<string, unknown>;

/**
 * The floor: plain BatchWriteItem of the given items, 25 to a request, `concurrency` requests in flight
 * (the store's batchPutAll uses 8), unprocessed items sent again at once. Written here rather than
 * calling the store's batchPutAll so that the floor stays put while the store is optimised.
 * Returns how many requests it sent.
 */
export async function plainBatchWrite(
  doc: DynamoDBDocumentClient,
  tableName: string,
  items: readonly Item[],
  concurrency = 8,
): Promise<number> {
  const groups: Item[][] = [];
  for (let i = 0; i < items.length; i += 25) groups.push(items.slice(i, i + 25));
  let next = 0;
  let requests = 0;
  const worker = async () => {
    while (next < groups.length) {
      let pending = groups[next++]!.map((Item) => ({ PutRequest: { Item } }));
      for (let round = 0; pending.length > 0; round += 1) {
        if (round >= 20) throw new Error(`floor: ${pending.length} items still unprocessed`);
        requests += 1;
        const answer = await doc.send(new BatchWriteCommand({ RequestItems: { [tableName]: pending } }));
        pending = (answer.UnprocessedItems?.[tableName] ?? []) as typeof pending;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, groups.length) }, worker));
  return requests;
}
