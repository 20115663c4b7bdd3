import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { DEFAULT_TABLE_NAME } from './table';

export interface StoreConfig {
  tableName: string;
  /** Set for DynamoDB Local; unset in AWS, where the SDK finds the regional endpoint. */
  endpoint?: string;
  region: string;
}

/** What every store function needs: the client and the table. */
export interface Db {
  doc: DynamoDBDocumentClient;
  tableName: string;
}

export function configFromEnv(env: NodeJS.ProcessEnv = process.env): StoreConfig {
  return {
    tableName: env.TABLE_NAME ?? DEFAULT_TABLE_NAME,
    endpoint: env.DYNAMODB_ENDPOINT || undefined,
    region: env.AWS_REGION ?? 'ap-southeast-1',
  };
}

/** DynamoDB requests sent by this process: round trips are what users wait for, so the bench counts them. */
export const requestCounter = { count: 0 };

export function createDocumentClient(config: StoreConfig): DynamoDBDocumentClient {
  const client = new DynamoDBClient({
    region: config.region,
    ...(config.endpoint ? { endpoint: config.endpoint, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } } : {}),
    maxAttempts: 5,
  });
  // Nothing here logs through the SDK, and its logger copies every input and output to redact them.
  client.middlewareStack.remove('loggerMiddleware');
  client.middlewareStack.add(
    (next) => async (args) => {
      requestCounter.count += 1;
      return next(args);
    },
    { step: 'finalizeRequest', name: 'countRequests' },
  );
  return DynamoDBDocumentClient.from(client, {
    marshallOptions: { removeUndefinedValues: true, convertEmptyValues: false },
  });
}

let shared: Db | undefined;

/** One client per process (per Lambda container), made on first use and reused across invocations. */
export function db(): Db {
  if (!shared) {
    const config = configFromEnv();
    shared = { doc: createDocumentClient(config), tableName: config.tableName };
  }
  return shared;
}
