import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { DEFAULT_TABLE_NAME } from './table';

export interface StoreConfig {
  tableName: string;
  /** Set for DynamoDB Local; unset in AWS, where the SDK finds the regional endpoint. */
  endpoint?: string;
  region: string;
}

export function configFromEnv(env: NodeJS.ProcessEnv = process.env): StoreConfig {
  return {
    tableName: env.TABLE_NAME ?? DEFAULT_TABLE_NAME,
    endpoint: env.DYNAMODB_ENDPOINT || undefined,
    region: env.AWS_REGION ?? 'ap-southeast-1',
  };
}

/** One client per process (per Lambda container), reused across invocations. */
export function createDocumentClient(config: StoreConfig): DynamoDBDocumentClient {
  const client = new DynamoDBClient({
    region: config.region,
    ...(config.endpoint
      ? { endpoint: config.endpoint, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }
      : {}),
    maxAttempts: 5,
  });
  return DynamoDBDocumentClient.from(client, {
    marshallOptions: { removeUndefinedValues: true, convertEmptyValues: false },
  });
}
