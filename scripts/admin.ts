/**
 * `npm run admin -- <email> [--name "Họ tên"] [--table T --region R [--user-pool P]]`: makes or restores an
 * administrator, the one step of a new office that the pane cannot do (nobody is there to grant the
 * first role). A user with another role becomes admin (their unit dropped); a new one is created.
 *
 * Without --table it writes to the local table of `npm start` (TABLE_NAME, default thidua): in the
 * DynamoDB Local that `npm start` runs, or, when none runs, in one started here on the same data
 * directory (.local/dynamodb) and stopped afterwards. With --table it writes to that table in AWS with
 * the SDK's default credentials (AWS_PROFILE, environment, SSO, instance role). --endpoint URL (or
 * DYNAMODB_ENDPOINT) names another DynamoDB Local. With --user-pool (the stack's UserPoolId output,
 * which `npm run deploy` prints in the command) it also makes the person's Cognito account, which
 * e-mails them an invitation with a temporary password, or enables the one they have.
 */
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { DynamoDBClient, ResourceNotFoundException } from '@aws-sdk/client-dynamodb';
import { User } from '#shared/org';
import { cognitoPool, type Accounts } from '#functions/org/accounts';
import { toNfc } from '#shared/text';
import { createDocumentClient, type Db, type StoreConfig } from '#functions/store/client';
import { ensureTable } from '#functions/store/ensure-table';
import { getUser, putUser } from '#functions/store/org-store';
import { DEFAULT_TABLE_NAME } from '#functions/store/table';
import { startDynamoDbLocal, type DynamoDbLocal } from '#local/dynamodb-local';
import { dynamoDbLocalRunningOn } from '#local/pid-file';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const USAGE = 'usage: npm run admin -- <email> [--name "Họ tên"] [--table T --region R [--user-pool P]] [--endpoint URL]';

export interface AdminRequest {
  email: string;
  name?: string;
  table?: string;
  region?: string;
  endpoint?: string;
  userPool?: string;
}

/** What the command did, for its message. */
export type AdminOutcome =
  | { kind: 'created'; user: User }
  | { kind: 'promoted'; user: User; from: User['role'] }
  | { kind: 'renamed'; user: User }
  | { kind: 'unchanged'; user: User };

/** The command line as a request, or what is wrong with it. */
export function parseAdminArgs(args: readonly string[]): AdminRequest | { problem: string } {
  const request: Partial<AdminRequest> = {};
  const options = {
    '--name': 'name',
    '--table': 'table',
    '--region': 'region',
    '--endpoint': 'endpoint',
    '--user-pool': 'userPool',
  } as const;
  for (let index = 0; index < args.length; index += 1) {
    const arg = args[index]!;
    const [flag, inline] =
      arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg];
    if (flag in options) {
      const value = inline ?? args[++index];
      if (value === undefined || value === '') return { problem: `${flag}: thiếu giá trị / needs a value` };
      request[options[flag as keyof typeof options]] = value;
    } else if (arg.startsWith('-')) return { problem: `tùy chọn không rõ / unknown option: ${arg}` };
    else if (request.email === undefined) request.email = arg.trim().toLowerCase();
    else return { problem: `chỉ một e-mail / one e-mail only: "${request.email}", "${arg}"` };
  }
  if (!request.email) return { problem: 'thiếu e-mail / an e-mail is needed' };
  if (!User.shape.email.safeParse(request.email).success) return { problem: `e-mail không hợp lệ / not an e-mail: ${request.email}` };
  return request as AdminRequest;
}

/** Makes `email` an administrator in the table, keeping their name unless a new one is given. */
export async function makeAdmin(db: Db, email: string, name?: string): Promise<AdminOutcome> {
  const before = await getUser(db, email);
  const displayName = toNfc((name ?? before?.displayName ?? email.split('@')[0]!).trim());
  const user = User.parse({ email, displayName, role: 'admin' });
  if (before?.role === 'admin' && before.displayName === displayName) return { kind: 'unchanged', user: before };
  await putUser(db, user);
  if (!before) return { kind: 'created', user };
  if (before.role !== 'admin') return { kind: 'promoted', user, from: before.role };
  return { kind: 'renamed', user };
}

/** What the command prints: Vietnamese first, then English. */
export function describeOutcome(outcome: AdminOutcome, table: string): string[] {
  const who = `${outcome.user.email} (${outcome.user.displayName})`;
  switch (outcome.kind) {
    case 'created':
      return [`Đã tạo quản trị viên ${who} trong bảng ${table}.`, `Created administrator ${who} in table ${table}.`];
    case 'promoted':
      return [
        `Đã chuyển ${who} từ vai trò "${outcome.from}" sang quản trị viên (admin) trong bảng ${table}.`,
        `Made ${who} an administrator (was "${outcome.from}") in table ${table}.`,
      ];
    case 'renamed':
      return [`${who} vẫn là quản trị viên; đã cập nhật họ tên.`, `${who} stays an administrator; the name was updated.`];
    case 'unchanged':
      return [`${who} đã là quản trị viên; không thay đổi gì.`, `${who} is already an administrator; nothing changed.`];
  }
}

/** What --user-pool did, Vietnamese first. */
export function describeAccount(account: 'invited' | 'enabled', email: string, pool: string): string[] {
  return account === 'invited'
    ? [
        `Đã tạo tài khoản đăng nhập ${email} trong ${pool}; Cognito gửi thư mời kèm mật khẩu tạm (hết hạn sau 3 ngày).`,
        `Made the sign-in account ${email} in ${pool}; Cognito e-mails an invitation with a temporary password (valid 3 days).`,
      ]
    : [
        `Tài khoản đăng nhập ${email} đã có trong ${pool} và đang dùng được.`,
        `The sign-in account ${email} is already in ${pool}, enabled.`,
      ];
}

interface Target {
  config: StoreConfig;
  /** A DynamoDB Local this command started, to stop when done. */
  started?: DynamoDbLocal;
}

/** The table to write to: a named AWS table, a given endpoint, or the local one of `npm start`. */
async function target(request: AdminRequest, env: NodeJS.ProcessEnv): Promise<Target> {
  const region = request.region ?? env.AWS_REGION ?? env.AWS_DEFAULT_REGION ?? 'ap-southeast-1';
  if (request.table && !request.endpoint) return { config: { tableName: request.table, region } };
  const tableName = request.table ?? env.TABLE_NAME ?? DEFAULT_TABLE_NAME;
  const endpoint = request.endpoint ?? env.DYNAMODB_ENDPOINT;
  if (endpoint) return { config: { tableName, region, endpoint } };
  const dataDir = join(ROOT, '.local/dynamodb');
  const running = dynamoDbLocalRunningOn(dataDir);
  if (running?.port) return { config: { tableName, region, endpoint: `http://127.0.0.1:${running.port}` } };
  // Nothing runs on the local data: start DynamoDB Local on it for this one write, as npm start would.
  const started = await startDynamoDbLocal({ port: 0, dataDir });
  const client = new DynamoDBClient({
    region,
    endpoint: started.endpoint,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  await ensureTable(client, tableName).finally(() => client.destroy());
  return { config: { tableName, region, endpoint: started.endpoint }, started };
}

/** The command, testable: its exit code; what it says goes to `out` (and problems to `err`). */
export async function runAdmin(
  args: readonly string[],
  io: {
    env?: NodeJS.ProcessEnv;
    out?: (line: string) => void;
    err?: (line: string) => void;
    /** The accounts of --user-pool; Cognito's by default. */
    accountsOf?: (userPool: string, region: string) => Accounts;
  } = {},
): Promise<number> {
  const { env = process.env, out = console.log, err = console.error, accountsOf = cognitoPool } = io;
  const request = parseAdminArgs(args);
  if ('problem' in request) {
    err(request.problem);
    err(USAGE);
    return 2;
  }
  let found: Target | undefined;
  try {
    found = await target(request, env);
    const doc = createDocumentClient(found.config);
    try {
      const outcome = await makeAdmin({ doc, tableName: found.config.tableName }, request.email, request.name);
      describeOutcome(outcome, found.config.tableName).forEach((line) => out(line));
      if (request.userPool) {
        const account = await accountsOf(request.userPool, found.config.region).invite(outcome.user);
        describeAccount(account, outcome.user.email, request.userPool).forEach((line) => out(line));
      }
      return 0;
    } finally {
      doc.destroy();
    }
  } catch (error) {
    if (error instanceof ResourceNotFoundException) {
      err(`Không tìm thấy bảng ${found?.config.tableName}: kiểm tra --table và --region (hoặc chạy npm start để tạo bảng cục bộ).`);
      err(`Table ${found?.config.tableName} not found: check --table and --region (or run npm start to make the local table).`);
    } else {
      err(`Không thực hiện được / Failed: ${(error as Error).message}`);
    }
    return 1;
  } finally {
    await found?.started?.stop();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) process.exit(await runAdmin(process.argv.slice(2)));
