import { gunzipSync, gzipSync } from 'node:zlib';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { DocumentRecord } from '#shared/api/documents';
import type { Db } from './client';
import { keys, withoutKeys } from './keys';
import { queryAll } from './query';
import type { TransactItem } from './transact';

/**
 * Generated documents' records and the office's register of numbers. A record and the number it took
 * are written in one transaction with the register's counter, so two documents never share a number
 * and a number typed by hand is refused when another document holds it.
 */
export interface StoredDocument {
  record: DocumentRecord;
  /** The fingerprints of the lines it listed (shared/documents/register.ts lineDigest). */
  digest: string;
}

function fromItem(item: Record<string, unknown>): StoredDocument {
  const { digest, ...record } = withoutKeys(item);
  return { record: record as DocumentRecord, digest: gunzipSync(digest as Uint8Array).toString('utf8') };
}

export async function getDocument(db: Db, campaignId: string, key: string): Promise<StoredDocument | undefined> {
  const answer = await db.doc.send(new GetCommand({ TableName: db.tableName, Key: keys.document(campaignId, key), ConsistentRead: true }));
  return answer.Item ? fromItem(answer.Item) : undefined;
}

/** The campaign's records, without their digests: what the pane lists. */
export async function listDocuments(db: Db, campaignId: string): Promise<DocumentRecord[]> {
  const items = await queryAll(db.doc, {
    TableName: db.tableName,
    KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
    ExpressionAttributeValues: { ':pk': keys.nominationsPartition(campaignId), ':prefix': keys.documentPrefix },
  });
  return items.map((item) => fromItem(item).record);
}

/** The last number the register gave for a type in a year (0 before the first). */
export async function lastNumber(db: Db, type: string, year: number): Promise<number> {
  const answer = await db.doc.send(
    new GetCommand({ TableName: db.tableName, Key: keys.registerCounter(type, year), ConsistentRead: true }),
  );
  return Number(answer.Item?.last ?? 0);
}

/** The record's Put over the version that was read (none: it must be new). */
export function documentPutItem(db: Db, stored: StoredDocument, expectedVersion: number | undefined): TransactItem {
  const { record, digest } = stored;
  return {
    Put: {
      TableName: db.tableName,
      Item: { ...keys.document(record.campaignId, record.key), ...record, digest: gzipSync(digest, { level: 1 }) },
      ...(expectedVersion === undefined
        ? { ConditionExpression: 'attribute_not_exists(PK)' }
        : { ConditionExpression: 'version = :expected', ExpressionAttributeValues: { ':expected': expectedVersion } }),
    },
  };
}

/**
 * Taking a number: the claim of the number (free, or this document's already), and the counter moved
 * up to it when it passes the last one given (at the value that was read, so two takers collide).
 */
export function takeNumberItems(db: Db, type: string, year: number, number: number, owner: string, last: number): TransactItem[] {
  const claim: TransactItem = {
    Put: {
      TableName: db.tableName,
      Item: { ...keys.registerNumber(type, year, number), owner },
      ConditionExpression: 'attribute_not_exists(PK) OR #owner = :owner',
      ExpressionAttributeNames: { '#owner': 'owner' },
      ExpressionAttributeValues: { ':owner': owner },
    },
  };
  if (number <= last) return [claim];
  const counter: TransactItem = {
    Put: {
      TableName: db.tableName,
      Item: { ...keys.registerCounter(type, year), last: number },
      ConditionExpression: last === 0 ? 'attribute_not_exists(PK) OR #last = :zero' : '#last = :last',
      ExpressionAttributeNames: { '#last': 'last' },
      ExpressionAttributeValues: last === 0 ? { ':zero': 0 } : { ':last': last },
    },
  };
  return [claim, counter];
}

/** Gives back a number a draft held before it was renumbered. */
export function releaseNumberItem(db: Db, type: string, year: number, number: number, owner: string): TransactItem {
  return {
    Delete: {
      TableName: db.tableName,
      Key: keys.registerNumber(type, year, number),
      ConditionExpression: '#owner = :owner',
      ExpressionAttributeNames: { '#owner': 'owner' },
      ExpressionAttributeValues: { ':owner': owner },
    },
  };
}
