import { randomUUID } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { createDocumentClient, type Db } from '#functions/store/client';
import { ensureTable } from '#functions/store/ensure-table';
import { getUser, putUser } from '#functions/store/org-store';
import { localOidcAccounts, type LocalInvitation } from '#local/oidc-accounts';
import { startLocalOidc, type LocalOidc } from '#local/oidc-server';
import { parseAdminArgs, runAdmin } from '#scripts/admin';

/** `npm run admin`, run as its main function against the run's DynamoDB Local, in a table of its own. */
const tableName = `admin-${randomUUID().slice(0, 8)}`;
let endpoint: string;
let db: Db;
let oidc: LocalOidc;
const outbox: LocalInvitation[] = [];

beforeAll(async () => {
  endpoint = inject('dynamodbEndpoint');
  const client = new DynamoDBClient({
    region: 'ap-southeast-1',
    endpoint,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  await ensureTable(client, tableName);
  client.destroy();
  db = { doc: createDocumentClient({ tableName, endpoint, region: 'ap-southeast-1' }), tableName };
  oidc = await startLocalOidc({ redirectUris: ['http://127.0.0.1:9/signin.html'], accounts: [] });
});
afterAll(async () => {
  db.doc.destroy();
  await oidc?.close();
});

async function admin(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const env = { DYNAMODB_ENDPOINT: endpoint, TABLE_NAME: tableName };
  const pools: string[] = [];
  // --user-pool's accounts: the local OpenID Connect server's, in place of Cognito (which is not here).
  const accountsOf = (pool: string, region: string) => (pools.push(`${pool} ${region}`), localOidcAccounts(oidc, outbox));
  const code = await runAdmin(args, { env, out: (line) => out.push(line), err: (line) => err.push(line), accountsOf });
  return { code, out, err, pools };
}

describe('npm run admin', () => {
  it('creates an administrator, saying so in Vietnamese and English', async () => {
    const { code, out } = await admin('Moi.QuanTri@Thidua.local', '--name', 'Nguyễn Thị Hoà');
    expect(code).toBe(0);
    expect(out).toEqual([
      `Đã tạo quản trị viên moi.quantri@thidua.local (Nguyễn Thị Hoà) trong bảng ${tableName}.`,
      `Created administrator moi.quantri@thidua.local (Nguyễn Thị Hoà) in table ${tableName}.`,
    ]);
    const stored = await getUser(db, 'moi.quantri@thidua.local');
    expect(stored).toEqual({ email: 'moi.quantri@thidua.local', displayName: 'Nguyễn Thị Hoà'.normalize('NFC'), role: 'admin' });
  });

  it('restores the admin role of a user who has another, keeping their name and dropping their unit', async () => {
    await putUser(db, { email: 'vanthu@thidua.local', displayName: 'Lê Văn Thư', role: 'unit', unitId: 'VP' });
    const { code, out } = await admin('vanthu@thidua.local');
    expect(code).toBe(0);
    expect(out[0]).toContain('từ vai trò "unit" sang quản trị viên');
    expect(out[1]).toContain('(was "unit")');
    expect(await getUser(db, 'vanthu@thidua.local')).toEqual({ email: 'vanthu@thidua.local', displayName: 'Lê Văn Thư', role: 'admin' });
  });

  it('changes nothing for an administrator already there, and names a new user after the e-mail when no name is given', async () => {
    expect((await admin('vanthu@thidua.local')).out[1]).toContain('already an administrator; nothing changed');
    await admin('ketoan@thidua.local');
    expect((await getUser(db, 'ketoan@thidua.local'))?.displayName).toBe('ketoan');
  });

  it('with --user-pool, also makes the sign-in account, which invites them, or finds the one they have', async () => {
    const first = await admin(
      'truongphong@sonoivu.gov.vn',
      '--name',
      'Nguyễn Văn An',
      '--user-pool',
      'ap-southeast-1_Pool',
      '--region',
      'ap-southeast-1',
    );
    expect(first.code).toBe(0);
    expect(first.pools).toEqual(['ap-southeast-1_Pool ap-southeast-1']);
    expect(first.out.slice(2)).toEqual([
      'Đã tạo tài khoản đăng nhập truongphong@sonoivu.gov.vn trong ap-southeast-1_Pool; Cognito gửi thư mời kèm mật khẩu tạm (hết hạn sau 3 ngày).',
      'Made the sign-in account truongphong@sonoivu.gov.vn in ap-southeast-1_Pool; Cognito e-mails an invitation with a temporary password (valid 3 days).',
    ]);
    expect(outbox.map((invitation) => invitation.email)).toEqual(['truongphong@sonoivu.gov.vn']);
    expect(oidc.accounts.get('truongphong@sonoivu.gov.vn')?.name).toBe('Nguyễn Văn An'.normalize('NFC'));
    expect(await getUser(db, 'truongphong@sonoivu.gov.vn')).toMatchObject({ role: 'admin' });

    const again = await admin('truongphong@sonoivu.gov.vn', '--user-pool', 'ap-southeast-1_Pool');
    expect(again.out.at(-1)).toBe('The sign-in account truongphong@sonoivu.gov.vn is already in ap-southeast-1_Pool, enabled.');
    expect(outbox).toHaveLength(1);
    // Without --user-pool, no account is touched.
    expect((await admin('khac@sonoivu.gov.vn')).pools).toEqual([]);
  });

  it('refuses a bad command line with the usage, writing nothing', async () => {
    const { code, err } = await admin('khong-phai-email');
    expect(code).toBe(2);
    expect(err.join('\n')).toMatch(/not an e-mail[\s\S]*usage: npm run admin/);
    expect(parseAdminArgs(['a@b.vn', '--table'])).toEqual({ problem: '--table: thiếu giá trị / needs a value' });
    expect(parseAdminArgs(['a@b.vn', '--table=T', '--region', 'ap-southeast-1'])).toEqual({
      email: 'a@b.vn',
      table: 'T',
      region: 'ap-southeast-1',
    });
  });

  it('says the table is missing, in both languages, rather than failing obscurely', async () => {
    const { code, err } = await admin('a@b.vn', '--endpoint', endpoint, '--table', 'khong-co-bang-nay');
    expect(code).toBe(1);
    expect(err[0]).toContain('Không tìm thấy bảng khong-co-bang-nay');
    expect(err[1]).toContain('Table khong-co-bang-nay not found');
  });
});
