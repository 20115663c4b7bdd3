import {
  CreateTableCommand,
  DeleteTableCommand,
  DescribeTableCommand,
  ResourceInUseException,
  ResourceNotFoundException,
  type DynamoDBClient,
  type TableDescription,
} from '@aws-sdk/client-dynamodb';
import { backoffDelay, type Backoff } from '#shared/async/backoff';
import { sleep } from './retry';
import { createTableInput } from './table';

/** Polling a table's status: 100 ms doubling to 2 s, no jitter (one process waits on its own table). */
const POLL: Backoff = { baseMs: 100, capMs: 2_000, fixedShare: 1 };

/**
 * Creates the table (the shape of `createTableInput`) unless it is there, and waits until it and its
 * indexes are ACTIVE. Safe to call on every start and from several processes at once.
 * Returns whether this call created the table.
 *
 * For the local runner and the tests; in AWS the CDK app owns the table.
 */
export async function ensureTable(client: DynamoDBClient, tableName: string, options: { timeoutMs?: number } = {}): Promise<boolean> {
  const deadline = Date.now() + (options.timeoutMs ?? 120_000);
  let created = false;
  for (let attempt = 0; ; attempt += 1) {
    const table = await describe(client, tableName);
    if (!table) {
      try {
        await client.send(new CreateTableCommand(createTableInput(tableName)));
        created = true;
      } catch (error) {
        // Someone else created it between our DescribeTable and CreateTable: wait for theirs.
        if (!(error instanceof ResourceInUseException)) throw error;
      }
    } else if (isActive(table)) {
      assertSameShape(table, tableName);
      return created;
    }
    // CREATING, UPDATING or DELETING (a DELETING table comes back as missing, then is created).
    if (Date.now() > deadline) {
      throw new Error(
        `Table ${tableName} is not ACTIVE after ${options.timeoutMs ?? 120_000} ms (status ${table?.TableStatus ?? 'missing'})`,
      );
    }
    await sleep(backoffDelay(attempt, POLL));
  }
}

/** Deletes the table if it is there and waits until it is gone (tests). */
export async function deleteTable(client: DynamoDBClient, tableName: string, options: { timeoutMs?: number } = {}): Promise<void> {
  try {
    await client.send(new DeleteTableCommand({ TableName: tableName }));
  } catch (error) {
    if (error instanceof ResourceNotFoundException) return;
    if (!(error instanceof ResourceInUseException)) throw error; // already DELETING
  }
  const deadline = Date.now() + (options.timeoutMs ?? 120_000);
  for (let attempt = 0; (await describe(client, tableName)) !== undefined; attempt += 1) {
    if (Date.now() > deadline) throw new Error(`Table ${tableName} is still there after ${options.timeoutMs ?? 120_000} ms`);
    await sleep(backoffDelay(attempt, POLL));
  }
}

async function describe(client: DynamoDBClient, tableName: string): Promise<TableDescription | undefined> {
  try {
    const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }));
    return Table;
  } catch (error) {
    if (error instanceof ResourceNotFoundException) return undefined;
    throw error;
  }
}

function isActive(table: TableDescription): boolean {
  return table.TableStatus === 'ACTIVE' && (table.GlobalSecondaryIndexes ?? []).every((index) => index.IndexStatus === 'ACTIVE');
}

/**
 * A table left by an older version (the on-disk data of the local runner) may lack an index the code
 * now queries: say so plainly instead of letting a Query fail later with a puzzling message.
 */
function assertSameShape(table: TableDescription, tableName: string): void {
  const wanted = createTableInput(tableName);
  const keys = (schema: { AttributeName?: string; KeyType?: string }[] | undefined) =>
    (schema ?? []).map((key) => `${key.AttributeName}:${key.KeyType}`).join(',');
  const problems: string[] = [];
  if (keys(table.KeySchema) !== keys(wanted.KeySchema))
    problems.push(`key schema ${keys(table.KeySchema)}, expected ${keys(wanted.KeySchema)}`);
  for (const index of wanted.GlobalSecondaryIndexes) {
    const found = table.GlobalSecondaryIndexes?.find((candidate) => candidate.IndexName === index.IndexName);
    if (!found) problems.push(`index ${index.IndexName} is missing`);
    else if (keys(found.KeySchema) !== keys(index.KeySchema))
      problems.push(`index ${index.IndexName} has keys ${keys(found.KeySchema)}, expected ${keys(index.KeySchema)}`);
  }
  if (problems.length > 0) {
    throw new Error(
      `Table ${tableName} exists but not in the shape this code needs: ${problems.join('; ')}. ` +
        'Locally, stop the runner and delete .local/dynamodb to start from a fresh table.',
    );
  }
}
