import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { CampaignSummary, type StoredCampaign } from '#shared/api/campaign';
import { Campaign } from '#shared/campaign';
import { CampaignStage, STAGE_OF_LEGACY, STAGE_OF_NEW } from '#shared/campaign-stage';
import { ApiError } from '#functions/http/errors';
import { decodeCursor, encodeCursor } from './cursor';
import type { Db } from './client';
import { keys, withoutKeys } from './keys';
import { queryAll } from './query';
import { transact } from './transact';

/** A campaign stored before the stages existed has none: it reads as open (STAGE_OF_LEGACY). */
function fromItem(item: Record<string, unknown>): StoredCampaign {
  const { version, updatedAt, stage, ...campaign } = withoutKeys(item);
  return { ...Campaign.parse(campaign), version: Number(version), updatedAt: String(updatedAt), stage: stageOf(stage) };
}

function stageOf(stored: unknown): CampaignStage {
  return stored === undefined ? STAGE_OF_LEGACY : CampaignStage.parse(stored);
}

export async function getCampaign({ doc, tableName }: Db, id: string): Promise<StoredCampaign> {
  // An id no campaign could have is not looked up (a key over 1 KB is DynamoDB's error, not the client's).
  if (!Campaign.shape.id.safeParse(id).success) throw new ApiError('CAMPAIGN_NOT_FOUND', { campaignId: id.slice(0, 80) });
  const answer = await doc.send(new GetCommand({ TableName: tableName, Key: keys.campaign(id) }));
  if (!answer.Item) throw new ApiError('CAMPAIGN_NOT_FOUND', { campaignId: id });
  return fromItem(answer.Item);
}

/** What a campaign summary reads of each item (DynamoDB answers these attributes only). */
const SUMMARY_FIELDS = Object.keys(CampaignSummary.shape);

/**
 * One page of campaign summaries, in id order. It asks for one item more than the page so that the
 * last page says it is the last (no empty page after it).
 */
export async function listCampaignPage(
  { doc, tableName }: Db,
  options: { cursor?: string; limit: number },
): Promise<{ items: CampaignSummary[]; nextCursor?: string }> {
  const answer = await doc.send(
    new QueryCommand({
      TableName: tableName,
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
      ExpressionAttributeValues: { ':pk': keys.campaignsPartition, ':prefix': keys.campaignPrefix },
      ProjectionExpression: SUMMARY_FIELDS.map((_, i) => `#f${i}`).join(', '),
      ExpressionAttributeNames: Object.fromEntries(SUMMARY_FIELDS.map((field, i) => [`#f${i}`, field])),
      Limit: options.limit + 1,
      ExclusiveStartKey: decodeCursor(options.cursor, keys.campaignsPartition),
    }),
  );
  const found = (answer.Items ?? []).map((item) => CampaignSummary.parse({ ...item, stage: stageOf(item.stage) }));
  const items = found.slice(0, options.limit);
  const more = found.length > options.limit ? keys.campaign(items.at(-1)!.id) : answer.LastEvaluatedKey;
  const nextCursor = encodeCursor(more);
  return nextCursor ? { items, nextCursor } : { items };
}

/**
 * Creates a campaign (in STAGE_OF_NEW), or replaces one at the version its editor read (optimistic
 * concurrency), keeping the stage it had at that version.
 */
export async function putCampaign(
  { doc, tableName }: Db,
  campaign: Campaign,
  expectedVersion: number | 'new',
  stage: CampaignStage = STAGE_OF_NEW,
): Promise<StoredCampaign> {
  const stored: StoredCampaign = {
    ...campaign,
    version: expectedVersion === 'new' ? 1 : expectedVersion + 1,
    updatedAt: new Date().toISOString(),
    stage,
  };
  try {
    await doc.send(
      new PutCommand({
        TableName: tableName,
        Item: { ...keys.campaign(campaign.id), ...stored },
        ...(expectedVersion === 'new'
          ? { ConditionExpression: 'attribute_not_exists(PK)' }
          : {
              ConditionExpression: 'version = :expected',
              ExpressionAttributeValues: { ':expected': expectedVersion },
            }),
      }),
    );
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) {
      throw new ApiError(expectedVersion === 'new' ? 'ALREADY_EXISTS' : 'VERSION_CONFLICT', { campaignId: campaign.id });
    }
    throw error;
  }
  return stored;
}

/**
 * Moves the campaign's stage at the version its mover read, in one transaction with its audit items:
 * either both are written or neither (a stale version: CAMPAIGN_STAGE_CONFLICT).
 */
export async function moveCampaignStage(
  db: Db,
  campaign: StoredCampaign,
  to: CampaignStage,
  audit: Record<string, unknown>[],
): Promise<StoredCampaign> {
  const moved: StoredCampaign = { ...campaign, stage: to, version: campaign.version + 1, updatedAt: new Date().toISOString() };
  const outcome = await transact(db, [
    {
      Update: {
        TableName: db.tableName,
        Key: keys.campaign(campaign.id),
        UpdateExpression: 'SET stage = :to, version = :next, updatedAt = :at',
        ConditionExpression: 'version = :expected',
        ExpressionAttributeValues: { ':to': to, ':next': moved.version, ':at': moved.updatedAt, ':expected': campaign.version },
      },
    },
    ...audit.map((Item) => ({ Put: { TableName: db.tableName, Item } })),
  ]);
  if (!outcome.ok) throw new ApiError('CAMPAIGN_STAGE_CONFLICT', { campaignId: campaign.id, version: campaign.version });
  return moved;
}

/** Every campaign whole (a yearly summary reads each one's forms): one paginated Query, tens of items. */
export async function loadAllCampaigns({ doc, tableName }: Db): Promise<StoredCampaign[]> {
  const items = await queryAll(doc, {
    TableName: tableName,
    KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
    ExpressionAttributeValues: { ':pk': keys.campaignsPartition, ':prefix': keys.campaignPrefix },
  });
  return items.map(fromItem);
}
