import { GetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { SEED_CAMPAIGN } from '#shared/seed/campaign-2025';
import { DEMO_PEOPLE, DEMO_UNITS, DEMO_USERS } from '#shared/seed/demo-office';
import { batchPutAll } from './batch';
import { keys } from './keys';
import { personItem } from './org-store';

/**
 * Seeds the seed's campaign, the demo office and the demo users, once: a table that already holds
 * the campaign is left as it is, so a restart keeps what people typed. Returns whether it seeded.
 */
export async function seedDemoData(doc: DynamoDBDocumentClient, tableName: string): Promise<boolean> {
  const existing = await doc.send(new GetCommand({ TableName: tableName, Key: keys.campaign(SEED_CAMPAIGN.id) }));
  if (existing.Item) return false;
  const now = new Date().toISOString();
  await batchPutAll(doc, tableName, [
    ...DEMO_UNITS.map((unit) => ({ ...keys.unit(unit.id), ...unit })),
    ...DEMO_PEOPLE.map(personItem),
    ...DEMO_USERS.map((user) => ({ ...keys.user(user.email), ...user })),
  ]);
  // The campaign last: its presence is what marks the table as seeded.
  await batchPutAll(doc, tableName, [{ ...keys.campaign(SEED_CAMPAIGN.id), ...SEED_CAMPAIGN, version: 1, updatedAt: now }]);
  return true;
}
