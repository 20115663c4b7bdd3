import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { z } from 'zod';
import { ApiError } from '#functions/http/errors';
import type { Db } from './client';
import { keys } from './keys';

/** A setting of the office as stored: its value, its version (0: never saved), who saved it and when. */
export interface StoredSetting<T> {
  value: T;
  version: number;
  updatedAt?: string;
  updatedBy?: string;
}

/** The setting, or undefined when the office has never saved it (its default applies). */
export async function getOfficeSetting<S extends z.ZodType>(
  { doc, tableName }: Db,
  name: string,
  schema: S,
): Promise<StoredSetting<z.infer<S>> | undefined> {
  const answer = await doc.send(new GetCommand({ TableName: tableName, Key: keys.officeSetting(name) }));
  if (!answer.Item) return undefined;
  const { value, version, updatedAt, updatedBy } = answer.Item;
  return { value: schema.parse(value), version: Number(version), updatedAt: String(updatedAt), updatedBy: String(updatedBy) };
}

/**
 * Saves the setting over the version its editor read (0: none saved yet), in one conditional write:
 * an editor who read an older version is refused with VERSION_CONFLICT, never silently overwritten.
 */
export async function putOfficeSetting<T>(
  { doc, tableName }: Db,
  name: string,
  value: T,
  expectedVersion: number,
  updatedBy: string,
): Promise<StoredSetting<T>> {
  const stored = { value, version: expectedVersion + 1, updatedAt: new Date().toISOString(), updatedBy };
  try {
    await doc.send(
      new PutCommand({
        TableName: tableName,
        Item: { ...keys.officeSetting(name), ...stored },
        ...(expectedVersion === 0
          ? { ConditionExpression: 'attribute_not_exists(PK)' }
          : { ConditionExpression: 'version = :expected', ExpressionAttributeValues: { ':expected': expectedVersion } }),
      }),
    );
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException)
      throw new ApiError('VERSION_CONFLICT', { setting: name, version: expectedVersion });
    throw error;
  }
  return stored;
}
