import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Nomination } from '#shared/nomination';
import { Id } from '#shared/org';
import { batchGetAll } from './batch';
import { decodeCursor, encodeCursor } from './cursor';
import { queryAll } from './query';
import type { Db } from './client';
import { keys } from './keys';
import { fromItem } from './nomination-items';

/** Reading nominations: by id, a page at a time for the API, or a whole campaign for the full checks. */

export async function getNominations(db: Db, campaignId: string, ids: readonly string[]): Promise<Map<string, Nomination>> {
  // An id no nomination could have is simply not found.
  const possible = ids.filter((id) => Id.safeParse(id).success);
  const items = await batchGetAll(
    db.doc,
    db.tableName,
    possible.map((id) => keys.nomination(campaignId, id)),
  );
  return new Map(items.map((item) => [String(item.id), fromItem(item)]));
}

export interface NominationPage {
  items: Nomination[];
  nextCursor?: string;
}

/** One page of a campaign's nominations (a page is at most 1 MB of items, well under Lambda's 6 MB). */
export async function listNominationPage(
  { doc, tableName }: Db,
  campaignId: string,
  options: { cursor?: string; limit: number; includeDeleted: boolean },
): Promise<NominationPage> {
  const page = await doc.send(
    new QueryCommand({
      TableName: tableName,
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
      ExpressionAttributeValues: { ':pk': keys.nominationsPartition(campaignId), ':prefix': keys.nominationPrefix },
      Limit: options.limit,
      ExclusiveStartKey: decodeCursor(options.cursor, keys.nominationsPartition(campaignId)),
    }),
  );
  const items = (page.Items ?? []).map(fromItem).filter((n) => options.includeDeleted || !n.deletedAt);
  const result: NominationPage = { items };
  const nextCursor = encodeCursor(page.LastEvaluatedKey);
  if (nextCursor) result.nextCursor = nextCursor;
  return result;
}

export async function loadAllNominations({ doc, tableName }: Db, campaignId: string): Promise<Nomination[]> {
  const items = await queryAll(doc, {
    TableName: tableName,
    KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
    ExpressionAttributeValues: { ':pk': keys.nominationsPartition(campaignId), ':prefix': keys.nominationPrefix },
  });
  return items.map(fromItem).filter((n) => !n.deletedAt);
}
