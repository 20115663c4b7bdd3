import { DeleteCommand, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { AuditEntry } from '#shared/api/audit';
import { DossierFile, PENDING_RETENTION_DAYS, type FileStatus } from '#shared/dossier-files';
import type { FileCounts, Nomination } from '#shared/nomination';
import { auditItems } from './audit-store';
import { batchGetAll } from './batch';
import type { Db } from './client';
import { keys, withoutKeys } from './keys';
import { TABLE } from './table';
import { queryAll } from './query';
import { transact, type TransactItem } from './transact';

/**
 * The dossier files' records in the table, and beside each nomination the count of its stored files
 * per document. A file's status moves and its count change in one transaction with their audit entry,
 * so the counts never drift from the records.
 */

type Item = Record<string, unknown>;

const fromItem = (item: Item): DossierFile => DossierFile.parse(withoutKeys(item));

/**
 * A file's record as the upload's request makes it: pending, not counted, its bytes not yet checked;
 * DynamoDB's TTL forgets it if no confirmation ever comes (the confirmation's Put carries no `ttl`).
 */
export async function putPendingFile({ doc, tableName }: Db, file: DossierFile): Promise<void> {
  const ttl = Math.floor(Date.parse(file.uploadedAt) / 1000) + PENDING_RETENTION_DAYS * 24 * 3600;
  await doc.send(
    new PutCommand({
      TableName: tableName,
      Item: { ...keys.file(file.campaignId, file.nominationId, file.id), ...file, [TABLE.timeToLive]: ttl },
      ConditionExpression: 'attribute_not_exists(PK)',
    }),
  );
}

export async function getFile({ doc, tableName }: Db, campaignId: string, nominationId: string, fileId: string) {
  const answer = await doc.send(
    new GetCommand({ TableName: tableName, Key: keys.file(campaignId, nominationId, fileId), ConsistentRead: true }),
  );
  return answer.Item ? fromItem(answer.Item) : undefined;
}

/** A nomination's files in upload order (ids are time-ordered): one Query. */
export async function listFiles({ doc, tableName }: Db, campaignId: string, nominationId: string): Promise<DossierFile[]> {
  const items = await queryAll(doc, {
    TableName: tableName,
    KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
    ExpressionAttributeValues: { ':pk': keys.nominationsPartition(campaignId), ':prefix': keys.nominationFilesPrefix(nominationId) },
    ConsistentRead: true,
  });
  return items.map(fromItem);
}

/** A pending record whose upload was refused (wrong type, wrong size): nothing of it stays. */
export async function forgetPendingFile({ doc, tableName }: Db, file: DossierFile): Promise<void> {
  await doc.send(
    new DeleteCommand({
      TableName: tableName,
      Key: keys.file(file.campaignId, file.nominationId, file.id),
      ConditionExpression: '#status = :pending',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: { ':pending': 'pending' },
    }),
  );
}

/**
 * Moves a file from one status to another with its count and its audit entry, in one transaction.
 * False when the file was no longer in `from` (a concurrent confirmation, deletion or restore).
 */
export async function moveFile(db: Db, file: DossierFile, from: FileStatus, after: DossierFile, audit: AuditEntry, requestId: string) {
  const delta = (after.status === 'stored' ? 1 : 0) - (from === 'stored' ? 1 : 0);
  const items: TransactItem[] = [
    {
      Put: {
        TableName: db.tableName,
        Item: { ...keys.file(file.campaignId, file.nominationId, file.id), ...after },
        ConditionExpression: '#status = :from',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':from': from },
      },
    },
    ...auditItems(file.campaignId, requestId, [audit]).map((Item) => ({ Put: { TableName: db.tableName, Item } })),
  ];
  if (delta !== 0) {
    items.push({
      Update: {
        TableName: db.tableName,
        Key: keys.fileCounts(file.campaignId, file.nominationId),
        UpdateExpression: 'ADD #count :delta',
        ExpressionAttributeNames: { '#count': keys.fileCountAttribute(file.document) },
        ExpressionAttributeValues: { ':delta': delta },
      },
    });
  }
  const result = await transact(db, items);
  return result.ok;
}

function countsOf(item: Item): FileCounts {
  const counts: FileCounts = {};
  for (const [name, value] of Object.entries(item)) {
    const document = /^D#(.+)$/.exec(name)?.[1];
    if (document && Number(value) > 0) counts[document] = Number(value);
  }
  return counts;
}

const nominationIdOf = (item: Item) => String(item.SK).slice(keys.fileCountsPrefix.length);

/** The counts among items read with others (nominations and their counts in one BatchGetItem). */
export function countsFromItems(items: readonly Item[]): Map<string, FileCounts> {
  const counted = items.filter((item) => String(item.SK).startsWith(keys.fileCountsPrefix));
  return new Map(counted.map((item) => [nominationIdOf(item), countsOf(item)]));
}

/** The file counts of some nominations (one BatchGetItem per 100), by nomination id. */
export async function fileCountsOf(db: Db, campaignId: string, ids: readonly string[]): Promise<Map<string, FileCounts>> {
  return countsFromItems(
    await batchGetAll(
      db.doc,
      db.tableName,
      ids.map((id) => keys.fileCounts(campaignId, id)),
    ),
  );
}

/** Some nominations with their stored files' counts (one BatchGetItem per 100). */
export async function withStoredFileCounts(db: Db, campaignId: string, nominations: readonly Nomination[]): Promise<Nomination[]> {
  return withFileCounts(
    nominations,
    await fileCountsOf(
      db,
      campaignId,
      nominations.map((nomination) => nomination.id),
    ),
  );
}

/** Every nomination's file counts in a campaign: one Query (an item per nomination with files). */
export async function campaignFileCounts({ doc, tableName }: Db, campaignId: string): Promise<Map<string, FileCounts>> {
  const items = await queryAll(doc, {
    TableName: tableName,
    KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
    ExpressionAttributeValues: { ':pk': keys.nominationsPartition(campaignId), ':prefix': keys.fileCountsPrefix },
  });
  return new Map(items.map((item) => [nominationIdOf(item), countsOf(item)]));
}

/** The nominations with their files' counts, as the sheet shows them and rule 5 may count them. */
export function withFileCounts<T extends Nomination>(nominations: readonly T[], counts: ReadonlyMap<string, FileCounts>): T[] {
  return nominations.map((nomination) => {
    const files = counts.get(nomination.id);
    return files && Object.keys(files).length > 0 ? { ...nomination, files } : nomination;
  });
}
