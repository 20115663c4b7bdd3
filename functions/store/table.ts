/**
 * The single table's shape, shared by the CDK app, the local runner and the tests so that the table
 * they create is the same. The key layout of the items lives in ./keys.ts and nowhere else.
 */
export const TABLE = {
  partitionKey: 'PK',
  sortKey: 'SK',
  /** Epoch seconds after which DynamoDB may delete the item (idempotency records, unconfirmed uploads' records). */
  timeToLive: 'ttl',
  /** GSI1: nominations by nominee within a campaign (rule 8, one achievement one award). */
  byNominee: { indexName: 'GSI1', partitionKey: 'GSI1PK', sortKey: 'GSI1SK' },
} as const;

export const DEFAULT_TABLE_NAME = 'thidua';

/** The CreateTable input the local runner and the tests use (CDK declares the same shape). */
export function createTableInput(tableName: string) {
  const keysOnly = { ProjectionType: 'KEYS_ONLY' as const };
  return {
    TableName: tableName,
    BillingMode: 'PAY_PER_REQUEST' as const,
    AttributeDefinitions: [
      { AttributeName: TABLE.partitionKey, AttributeType: 'S' as const },
      { AttributeName: TABLE.sortKey, AttributeType: 'S' as const },
      { AttributeName: TABLE.byNominee.partitionKey, AttributeType: 'S' as const },
      { AttributeName: TABLE.byNominee.sortKey, AttributeType: 'S' as const },
    ],
    KeySchema: [
      { AttributeName: TABLE.partitionKey, KeyType: 'HASH' as const },
      { AttributeName: TABLE.sortKey, KeyType: 'RANGE' as const },
    ],
    GlobalSecondaryIndexes: [TABLE.byNominee].map((index) => ({
      IndexName: index.indexName,
      KeySchema: [
        { AttributeName: index.partitionKey, KeyType: 'HASH' as const },
        { AttributeName: index.sortKey, KeyType: 'RANGE' as const },
      ],
      Projection: keysOnly,
    })),
  };
}
