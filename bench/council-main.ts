/**
 * The council tally bench on its own (`npx tsx bench/council-main.ts`): the same as the council part of
 * `npm run bench` (bench/council.ts), with a DynamoDB Local, table and local API of its own, so that it
 * can run without the save path. Same environment variables (BENCH_COUNCIL_RUNS, …).
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { startDynamoDbLocal, type DynamoDbLocal } from '#local/dynamodb-local';
import type { LocalApi } from '#local/server';
import { db } from '#functions/store/client';
import { ensureTable } from '#functions/store/ensure-table';
import { seedDemoData } from '#functions/store/seed';
import { runCouncilBench } from './council';
import { startBenchApi } from './local-api';
import { CallLog } from './profile';

const TABLE_NAME = 'bench-council';
const REGION = 'ap-southeast-1';
const started = performance.now();
const progress = (line: string) => console.log(`[${((performance.now() - started) / 1000).toFixed(1).padStart(6)} s] ${line}`);

let dynamo: DynamoDbLocal | undefined;
let admin: DynamoDBClient | undefined;
let api: LocalApi | undefined;

async function shutdown(): Promise<void> {
  await api?.close().catch(() => {});
  admin?.destroy();
  if (dynamo) db().doc.destroy();
  await dynamo?.stop();
}
process.on('SIGINT', () => void shutdown().finally(() => process.exit(130)));
process.on('SIGTERM', () => void shutdown().finally(() => process.exit(143)));

async function main(): Promise<void> {
  progress('Starting DynamoDB Local (in memory, a free port)…');
  dynamo = await startDynamoDbLocal({ port: 0 });
  // The product's store makes its one client from these on first use.
  process.env.DYNAMODB_ENDPOINT = dynamo.endpoint;
  process.env.TABLE_NAME = TABLE_NAME;
  process.env.AWS_REGION = REGION;
  admin = new DynamoDBClient({
    region: REGION,
    endpoint: dynamo.endpoint,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  await ensureTable(admin, TABLE_NAME);
  await seedDemoData(db().doc, TABLE_NAME);
  const log = new CallLog();
  log.attach(db().doc, 'product');

  const started = await startBenchApi();
  api = started.api;
  progress(`DynamoDB Local on ${dynamo.endpoint}, local API on ${started.url}`);
  await runCouncilBench({ baseUrl: started.url, issueToken: started.issueToken, log, progress });
}

let code = 0;
try {
  await main();
} catch (error) {
  console.error('\ncouncil bench failed:', error);
  code = 1;
} finally {
  await shutdown();
}
process.exit(code);
