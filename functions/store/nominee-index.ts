import { mapLimit } from '#shared/async/map-limit';
import { nomineeKey, type NominationFields } from '#shared/nomination';
import { queryAll } from './query';
import type { Db } from './client';
import { keys } from './keys';
import { TABLE } from './table';

/** Beyond this many nominees, one pass over the campaign's nominee index costs fewer requests than a query each. */
const NOMINEE_QUERIES_MAX = 40;

/**
 * Rule 8's raw material: which live nominations name each of these nominees. The keys-only index holds
 * a campaign's nominees in one partition, sorted: a few nominees take one small Query each, whatever the
 * campaign's size; many take one pass over the index, which never reads the nominations themselves.
 */
export async function nominationsByNominee(
  db: Db,
  campaignId: string,
  nominees: readonly Pick<NominationFields, 'nomineeKind' | 'nomineeId'>[],
): Promise<Map<string, string[]>> {
  const wanted = new Map(nominees.map((n) => [keys.nomineePrefix(n.nomineeKind, n.nomineeId), nomineeKey(n)]));
  const found = new Map<string, string[]>();
  const record = (sortKey: string) => {
    const cut = sortKey.lastIndexOf('#') + 1;
    const key = wanted.get(sortKey.slice(0, cut));
    if (!key) return;
    const ids = found.get(key);
    if (ids) ids.push(sortKey.slice(cut));
    else found.set(key, [sortKey.slice(cut)]);
  };
  const query = (prefix?: string) =>
    queryAll(db.doc, {
      TableName: db.tableName,
      IndexName: TABLE.byNominee.indexName,
      KeyConditionExpression: `${TABLE.byNominee.partitionKey} = :pk${prefix ? ` AND begins_with(${TABLE.byNominee.sortKey}, :prefix)` : ''}`,
      ExpressionAttributeValues: { ':pk': keys.nomineeIndexPartition(campaignId), ...(prefix ? { ':prefix': prefix } : {}) },
    });
  const pages = wanted.size <= NOMINEE_QUERIES_MAX ? await mapLimit([...wanted.keys()], 8, (prefix) => query(prefix)) : [await query()];
  for (const item of pages.flat()) record(String(item[TABLE.byNominee.sortKey]));
  return found;
}
