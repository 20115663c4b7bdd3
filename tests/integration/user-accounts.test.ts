import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrgSheetResult } from '#shared/api/org-sheets';
import { useAccounts } from '#functions/org/accounts';
import { cognitoAccounts } from '#functions/org/cognito-accounts';
import { localOidcAccounts, type LocalInvitation } from '#local/oidc-accounts';
import { startLocalOidc, type LocalOidc } from '#local/oidc-server';
import { startTestApi, type TestApi } from '#tests/support/api';
import { unreachableCognito } from '#tests/support/cognito';
import { ADMIN } from '#tests/support/rows';

/**
 * The office's sign-in accounts follow the Người dùng sheet (issue 12): a user added gets an account
 * and an invitation, a removed one is disabled, re-adding enables the same account. Over the real
 * handlers and DynamoDB Local, with the accounts of the local OpenID Connect server (oidc-provider) in
 * place of Cognito; Cognito's own adapter is checked by the requests it sends to an endpoint that
 * answers in Cognito's protocol, and by the save's answer when Cognito cannot be reached.
 */
let api: TestApi;
let admin: string;
let oidc: LocalOidc;
const outbox: LocalInvitation[] = [];

beforeAll(async () => {
  api = await startTestApi();
  admin = await api.tokenFor(ADMIN);
  oidc = await startLocalOidc({ redirectUris: ['http://127.0.0.1:9/signin.html'], accounts: [] });
  useAccounts(localOidcAccounts(oidc, outbox));
});
afterAll(async () => {
  useAccounts(undefined);
  await oidc?.close();
  await api?.close();
});

const user = (email: string, displayName = 'Phạm Thị Mới') => ({ email, displayName, role: 'viewer' as const });

async function saveUsers(body: unknown): Promise<OrgSheetResult> {
  const answer = await api.request('PUT', '/users', { token: admin, body });
  expect(answer.status, answer.text.slice(0, 400)).toBe(200);
  return answer.body;
}

const stored = async (email: string) =>
  ((await api.request('GET', '/users', { token: admin })).body.items as { email: string }[]).some((u) => u.email === email);

describe('with the local OpenID Connect server', () => {
  it('invites a user added in the sheet, once, with a temporary password', async () => {
    const result = await saveUsers({ rows: [{ rowKey: '2', user: user('Moi.Nguoi@SoNoiVu.gov.vn') }] });
    expect(result.rows[0]).toMatchObject({ outcome: 'saved', findings: [] });
    expect(oidc.accounts.get('moi.nguoi@sonoivu.gov.vn')).toMatchObject({ name: 'Phạm Thị Mới' });
    expect(oidc.accounts.get('moi.nguoi@sonoivu.gov.vn')?.disabled).toBeFalsy();
    expect(outbox).toEqual([{ email: 'moi.nguoi@sonoivu.gov.vn', temporaryPassword: expect.stringMatching(/^\S{12}$/) }]);
    expect(oidc.accounts.get('moi.nguoi@sonoivu.gov.vn')?.password).toBe(outbox[0]!.temporaryPassword);

    // A change to a user already in the table makes no second account.
    await saveUsers({ rows: [{ rowKey: '2', user: user('moi.nguoi@sonoivu.gov.vn', 'Phạm Thị Mới Đổi') }] });
    expect(outbox).toHaveLength(1);
  });

  it('disables the account of a user removed from the sheet, and enables it again when they are added back', async () => {
    const removal = await saveUsers({ rows: [], removed: ['moi.nguoi@sonoivu.gov.vn'] });
    expect(removal.removed).toEqual([{ id: 'moi.nguoi@sonoivu.gov.vn', outcome: 'deleted' }]);
    expect(oidc.accounts.get('moi.nguoi@sonoivu.gov.vn')?.disabled).toBe(true);

    await saveUsers({ rows: [{ rowKey: '5', user: user('moi.nguoi@sonoivu.gov.vn') }] });
    expect(oidc.accounts.get('moi.nguoi@sonoivu.gov.vn')?.disabled).toBe(false);
    expect(outbox).toHaveLength(1);
  });

  it('leaves alone the account of a removal that is refused (the last admin)', async () => {
    oidc.accounts.put({ email: ADMIN, password: 'x' });
    const users = (await api.request('GET', '/users', { token: admin })).body.items as { email: string; role: string }[];
    const others = users.filter((u) => u.role === 'admin' && u.email !== ADMIN).map((u) => u.email);
    const result = await saveUsers({ rows: [], removed: [ADMIN, ...others] });
    expect(result.removed.find((r) => r.id === ADMIN)?.outcome).toBe('kept');
    expect(oidc.accounts.get(ADMIN)?.disabled).toBeFalsy();
  });
});

describe("with Cognito out of reach (the SDK's own error)", () => {
  beforeAll(() => useAccounts(unreachableCognito()));
  afterAll(() => useAccounts(localOidcAccounts(oidc, outbox)));

  it('refuses the new row, writes nothing, and says to save it again', async () => {
    const result = await saveUsers({
      rows: [
        { rowKey: '2', user: user('chua.co@sonoivu.gov.vn') },
        { rowKey: '3', user: user('moi.nguoi@sonoivu.gov.vn', 'Phạm Thị Mới Lần Ba') },
      ],
    });
    expect(result.rows[0]).toMatchObject({ outcome: 'refused', findings: [{ code: 'ACCOUNT_NOT_INVITED', field: 'email' }] });
    expect(result.rows[0]!.findings[0]!.message.vi).toMatch(/^Chưa lưu: không tạo được tài khoản đăng nhập/);
    // A user already in the table needs no account: saved as usual.
    expect(result.rows[1]).toMatchObject({ outcome: 'saved' });
    expect(await stored('chua.co@sonoivu.gov.vn')).toBe(false);

    const one = await api.request('PUT', '/users/chua.co@sonoivu.gov.vn', { token: admin, body: user('chua.co@sonoivu.gov.vn') });
    expect(one.status).toBe(422);
    expect(one.body.code).toBe('ACCOUNT_NOT_INVITED');
  });

  it('deletes a removed user and says their account is still to be disabled', async () => {
    const result = await saveUsers({ rows: [], removed: ['moi.nguoi@sonoivu.gov.vn'] });
    expect(result.removed[0]).toMatchObject({ id: 'moi.nguoi@sonoivu.gov.vn', outcome: 'deleted' });
    expect(result.removed[0]!.reason?.en).toMatch(/could not be disabled .*ask your IT staff/);
  });
});

describe("Cognito's adapter", () => {
  let server: Server;
  const calls: { target: string; body: Record<string, unknown> }[] = [];
  let answer: (target: string) => { status: number; body: unknown } = () => ({ status: 200, body: {} });
  let client: CognitoIdentityProviderClient;

  beforeAll(async () => {
    // Answers as Cognito's JSON 1.1 endpoint does, and records what it was asked.
    server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const target = String(req.headers['x-amz-target']).replace('AWSCognitoIdentityProviderService.', '');
        calls.push({ target, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) });
        const { status, body } = answer(target);
        res.writeHead(status, { 'content-type': 'application/x-amz-json-1.1' }).end(JSON.stringify(body));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    client = new CognitoIdentityProviderClient({
      region: 'ap-southeast-1',
      endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
      credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
      maxAttempts: 1,
    });
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('creates the user by e-mail with the invitation sent by e-mail, and enables one that exists', async () => {
    const port = cognitoAccounts(client, 'ap-southeast-1_Pool');
    await port.invite({ email: 'a@sonoivu.gov.vn', displayName: 'Nguyễn Văn A' });
    expect(calls.at(-1)).toEqual({
      target: 'AdminCreateUser',
      body: {
        UserPoolId: 'ap-southeast-1_Pool',
        Username: 'a@sonoivu.gov.vn',
        UserAttributes: [
          { Name: 'email', Value: 'a@sonoivu.gov.vn' },
          { Name: 'email_verified', Value: 'true' },
          { Name: 'name', Value: 'Nguyễn Văn A' },
        ],
        DesiredDeliveryMediums: ['EMAIL'],
      },
    });
    answer = (target) =>
      target === 'AdminCreateUser'
        ? { status: 400, body: { __type: 'UsernameExistsException', message: 'exists' } }
        : { status: 200, body: {} };
    await port.invite({ email: 'a@sonoivu.gov.vn', displayName: 'Nguyễn Văn A' });
    expect(calls.slice(-2).map((call) => call.target)).toEqual(['AdminCreateUser', 'AdminEnableUser']);
  });

  it('disables a removed user, and finds nothing wrong with one Cognito does not know', async () => {
    const port = cognitoAccounts(client, 'ap-southeast-1_Pool');
    answer = () => ({ status: 400, body: { __type: 'UserNotFoundException', message: 'no such user' } });
    await expect(port.disable('b@sonoivu.gov.vn')).resolves.toBeUndefined();
    expect(calls.at(-1)).toEqual({ target: 'AdminDisableUser', body: { UserPoolId: 'ap-southeast-1_Pool', Username: 'b@sonoivu.gov.vn' } });
    answer = () => ({ status: 400, body: { __type: 'TooManyRequestsException', message: 'slow down' } });
    await expect(port.disable('b@sonoivu.gov.vn')).rejects.toThrow(/slow down/);
  });
});
