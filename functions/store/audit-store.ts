import { gunzipSync, gzipSync } from 'node:zlib';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { AuditEntry } from '#shared/api/audit';
import { decodeCursor, encodeCursor } from './cursor';
import type { Db } from './client';
import { keys } from './keys';

export type { AuditEntry };

/** Entries of one write are kept together, gzipped, a few hundred to an item (items hold 400 KB). */
const ENTRIES_PER_ITEM = 400;

/** The audit items recording one write; the caller puts them in the same operation as the write. */
export function auditItems(campaignId: string, requestId: string, entries: readonly AuditEntry[]): Record<string, unknown>[] {
  const items: Record<string, unknown>[] = [];
  const at = entries[0]?.at ?? new Date().toISOString();
  for (let start = 0, part = 0; start < entries.length; start += ENTRIES_PER_ITEM, part += 1) {
    const group = entries.slice(start, start + ENTRIES_PER_ITEM);
    items.push({
      PK: keys.auditPartition(campaignId),
      SK: `${at}#${requestId}#${String(part).padStart(4, '0')}`,
      count: group.length,
      entries: gzipSync(JSON.stringify(group), { level: 1 }),
    });
  }
  return items;
}

export interface AuditPage {
  entries: AuditEntry[];
  nextCursor?: string;
}

/** The newest entries first, a page of items at a time, optionally for one nomination. */
export async function listAudit(
  { doc, tableName }: Db,
  campaignId: string,
  options: { nominationId?: string; cursor?: string; limit: number },
): Promise<AuditPage> {
  const page = await doc.send(
    new QueryCommand({
      TableName: tableName,
      KeyConditionExpression: 'PK = :pk',
      ExpressionAttributeValues: { ':pk': keys.auditPartition(campaignId) },
      ScanIndexForward: false,
      Limit: options.limit,
      ExclusiveStartKey: decodeCursor(options.cursor, keys.auditPartition(campaignId)),
    }),
  );
  const entries = (page.Items ?? []).flatMap((item) => JSON.parse(gunzipSync(item.entries as Uint8Array).toString()) as AuditEntry[]);
  const result: AuditPage = {
    entries: options.nominationId ? entries.filter((entry) => entry.nominationId === options.nominationId) : entries,
  };
  const nextCursor = encodeCursor(page.LastEvaluatedKey);
  if (nextCursor) result.nextCursor = nextCursor;
  return result;
}
