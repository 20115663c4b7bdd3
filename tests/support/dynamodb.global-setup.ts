import type { TestProject } from 'vitest/node';
import { startDynamoDbLocal } from '#local/dynamodb-local';

/**
 * One in-memory DynamoDB Local for the whole integration run, on a free port. Each test file makes
 * its own table in it (tests/support/api.ts), so files never see each other's data.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  // Java's start alone can pass the default 30 s on a loaded machine (seen at a load of 15 on 2 cores):
  // a run must not fail before its first test for that.
  const db = await startDynamoDbLocal({ port: 0, startTimeoutMs: 120_000 });
  project.provide('dynamodbEndpoint', db.endpoint);
  if (process.env.THIDUA_TEST_VERBOSE) console.log(`[integration] DynamoDB Local on ${db.endpoint}, answered in ${db.startedInMs} ms`);
  return () => db.stop();
}

declare module 'vitest' {
  export interface ProvidedContext {
    /** The in-memory DynamoDB Local of this run, e.g. http://127.0.0.1:41234. */
    dynamodbEndpoint: string;
  }
}
