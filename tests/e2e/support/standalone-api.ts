import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { startDynamoDbLocal, type DynamoDbLocal } from '#local/dynamodb-local';
import { loadLocalKeys } from '#local/keys';
import { createLocalApi, type LocalApi } from '#local/server';
import { createDocumentClient, db } from '#functions/store/client';
import { deleteTable, ensureTable } from '#functions/store/ensure-table';
import { seedDemoData } from '#functions/store/seed';
import { DEMO_USERS } from '#shared/seed/demo-office';

/**
 * The local API over its own in-memory DynamoDB Local, outside vitest (the bench, the screenshot
 * script): what tests/support/api.ts does with the test run's DynamoDB Local, plus `reset()` for a
 * fresh, seeded table between runs (the handlers' store binds TABLE_NAME once per process, so the
 * table keeps its name and is deleted and made again, as bench/run.ts does).
 */
export interface StandaloneApi {
  baseUrl: string;
  dynamo: DynamoDbLocal;
  reset(): Promise<void>;
  close(): Promise<void>;
}

const TABLE = 'e2e';
const REGION = 'ap-southeast-1';

export async function startStandaloneApi(): Promise<StandaloneApi> {
  const dynamo = await startDynamoDbLocal({ port: 0 });
  process.env.DYNAMODB_ENDPOINT = dynamo.endpoint;
  process.env.TABLE_NAME = TABLE;
  process.env.AWS_REGION = REGION;
  const client = new DynamoDBClient({
    region: REGION,
    endpoint: dynamo.endpoint,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  const doc = createDocumentClient({ tableName: TABLE, endpoint: dynamo.endpoint, region: REGION });
  await ensureTable(client, TABLE);
  await seedDemoData(doc, TABLE);
  const { HANDLERS } = await import('#local/handlers');
  const keys = await loadLocalKeys({ dir: null });
  let api: LocalApi | undefined;
  try {
    api = createLocalApi({
      handlers: HANDLERS,
      verify: (token) => keys.verifyToken(token),
      dev: { issueToken: (email) => keys.issueToken(email), users: DEMO_USERS },
      quiet: true,
      logError: (line, error) => console.error(line, error ?? ''),
    });
    const { url } = await api.listen(0);
    const running = api;
    return {
      baseUrl: url,
      dynamo,
      async reset() {
        await deleteTable(client, TABLE);
        await ensureTable(client, TABLE);
        await seedDemoData(doc, TABLE);
      },
      async close() {
        await running.close();
        doc.destroy();
        client.destroy();
        try {
          db().doc.destroy();
        } catch {
          // never made
        }
        await dynamo.stop();
      },
    };
  } catch (error) {
    await api?.close();
    await dynamo.stop();
    throw error;
  }
}
