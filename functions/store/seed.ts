import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

/**
 * Seeds the seed's campaign, the demo office and the demo users, once: a table that already
 * holds the campaign is left as it is. Returns whether it seeded.
 */
export async function seedDemoData(_doc: DynamoDBDocumentClient, _tableName: string): Promise<boolean> {
  throw new Error('not yet written');
}
