import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Nomination } from '#shared/nomination';
import { Id } from '#shared/org';
import { batchGetAll } from './batch';
import { decodeCursor, encodeCursor } from './cursor';
import { queryAll } from './query';
import type { Db } from './client';
import { keys } from './keys';
import { campaignFileCounts, countsFromItems, withFileCounts } from './file-store';
import { fromItem } from './nomination-items';

/** Reading nominations: by id, a page at a time for the API, or a whole campaign for the full checks. */

/**
 * `files`: with each nomination's file counts (what rule 5 counts when the campaign asks for files),
 * read in the same requests; without, nothing more is read.
 */
export interface ReadOptions {
  files?: boolean | undefined;
}

export async function getNominations(
  db: Db,
  campaignId: string,
  ids: readonly string[],
  options: ReadOptions = {},
): Promise<Map<string, Nomination>> {
  // An id no nomination could have is simply not found.
  const possible = ids.filter((id) => Id.safeParse(id).success);
  const items = await batchGetAll(db.doc, db.tableName, [
    ...possible.map((id) => keys.nomination(campaignId, id)),
    ...(options.files ? possible.map((id) => keys.fileCounts(campaignId, id)) : []),
  ]);
  const nominations = items.filter((item) => String(item.SK).startsWith(keys.nominationPrefix)).map(fromItem);
  const counted = options.files ? withFileCounts(nominations, countsFromItems(items)) : nominations;
  return new Map(counted.map((nomination) => [nomination.id, nomination]));
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

export async function loadAllNominations(db: Db, campaignId: string, options: ReadOptions = {}): Promise<Nomination[]> {
  const [items, counts] = await Promise.all([
    queryAll(db.doc, {
      TableName: db.tableName,
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
      ExpressionAttributeValues: { ':pk': keys.nominationsPartition(campaignId), ':prefix': keys.nominationPrefix },
    }),
    options.files ? campaignFileCounts(db, campaignId) : undefined,
  ]);
  const live = items.map(fromItem).filter((n) => !n.deletedAt);
  return counts ? withFileCounts(live, counts) : live;
}
