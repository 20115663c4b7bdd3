import { afterAll, beforeAll, expect, it } from 'vitest';
import { HostPage } from './support/host-page';
import { signInThroughDialog, startOidcE2e } from './support/oidc';
import { ADMIN, HR } from './support/people';
import { mixedNominations, sheetRow } from './support/rows';

/**
 * Scenario: an office without Microsoft 365 signs in with its own accounts. The pane opens Office's
 * dialog on its sign-in page, which runs the authorization-code flow with PKCE against a real OpenID
 * Connect server (oidc-provider, run here); the person types the account's e-mail and password on the
 * issuer's login page, and the pane is signed in with the ID token and loads the campaign. A message
 * from another origin is ignored. When the session expires, the pane asks again, and the rows typed
 * but not saved stay in the sheet and save once signed in again.
 */
const ACCOUNT = { email: HR, password: 'Thu-nghiem-2025!' };
let world: Awaited<ReturnType<typeof startOidcE2e>>;
beforeAll(async () => {
  world = await startOidcE2e([ACCOUNT]);
});
afterAll(async () => world?.close());

const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

it('signs in through the dialog against the issuer, ignoring a message from another origin, and loads the campaign', async () => {
  const excel = await HostPage.open(world.suite.browser, world.suite.server);
  await excel.waitForState((state) => state.auth.status === 'signed-out');
  const opened = excel.context.waitForEvent('page');
  await excel.pane.getByRole('button', { name: 'Đăng nhập' }).click();
  const dialog = await opened;
  await dialog.getByLabel('Thư điện tử').waitFor();
  // The dialog went from the pane's sign-in page to the issuer's login page.
  expect(dialog.url().startsWith(`${world.oidc.issuer}/interaction/`)).toBe(true);
  const [pageUrl] = await excel.host((host) => host.dialogUrls());
  const sent = new URL(pageUrl!);
  expect(sent.origin + sent.pathname).toBe(`${world.suite.server.url}/pane/signin.html`);
  const state = sent.searchParams.get('state')!;
  const nonce = sent.searchParams.get('nonce')!;
  expect(state).toMatch(/^[\w-]{43}$/);

  // A page of another origin answers first, with the right state and nonce and an administrator's
  // e-mail: the pane ignores it, and the dialog stays open.
  const now = Math.floor(Date.now() / 1000);
  const idToken = `${part({ alg: 'none' })}.${part({ iss: world.oidc.issuer, aud: world.oidc.clientId, email: ADMIN, nonce, iat: now, exp: now + 3600 })}.`;
  const forged = JSON.stringify({ status: 'success', state, idToken });
  expect(await excel.host((host, arg) => host.dialogMessage(arg.forged, 'https://evil.example'), { forged })).toBe(true);
  expect((await excel.state()).auth.status).toBe('signing-in');
  expect(dialog.isClosed()).toBe(false);

  await dialog.getByLabel('Thư điện tử').fill(ACCOUNT.email);
  await dialog.getByLabel('Mật khẩu').fill('not the password');
  await dialog.getByRole('button', { name: 'Đăng nhập' }).click();
  await dialog.getByText('Sai thư điện tử hoặc mật khẩu.').waitFor();
  await dialog.getByLabel('Thư điện tử').fill(ACCOUNT.email);
  await dialog.getByLabel('Mật khẩu').fill(ACCOUNT.password);
  await dialog.getByRole('button', { name: 'Đăng nhập' }).click();

  const signedIn = await excel.waitForState((current) => current.auth.status === 'signed-in' && !!current.user && !current.busy);
  expect(signedIn.user).toMatchObject({ email: HR, role: 'hr' });
  await expect.poll(() => dialog.isClosed()).toBe(true);
  const loaded = await excel.openSheet();
  expect(loaded.sheet).toBe('ready');
  expect(loaded.error).toBeUndefined();

  // The API got the issuer's ID token; nothing of it is kept in the pane's storage.
  const bearer = world.suite.server.requests.find((request) => request.path.startsWith('/api/me'));
  expect(bearer?.status).toBe(200);
  const stored = await excel.paneFrame().evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }));
  expect(stored).not.toContain('eyJ');
  expect(excel.log.errors).toEqual([]);
});

it('asks to sign in again when the session expires, keeping the unsaved rows, which save afterwards', async () => {
  // A short-lived token for this sign-in only.
  world.oidc.setIdTokenTtl(30);
  const excel = await HostPage.open(world.suite.browser, world.suite.server);
  await excel.waitForState((state) => state.auth.status === 'signed-out');
  await signInThroughDialog(excel, ACCOUNT);
  // No earlier than the token was issued.
  const signedInAt = Date.now();
  world.oidc.setIdTokenTtl(3600);
  // The rows wait for "Lưu": typed, not saved.
  await excel.setAutosave(false);
  await excel.openSheet();
  const changes = mixedNominations(3);
  await excel.pasteRows(changes.map(sheetRow));
  await excel.waitForState((state) => state.edited);

  // The token lives 30 s (the pane gives it up a tenth early): the save after it finds the session gone.
  await new Promise((resolve) => setTimeout(resolve, Math.max(0, signedInAt + 30_000 - Date.now())));
  await excel.save();
  const failed = await excel.waitForState((state) => state.auth.status === 'signed-out' && !state.saving);
  expect(failed.error?.vi).toBe('Phiên đăng nhập đã hết hạn, hãy đăng nhập lại. Các dòng chưa lưu vẫn còn trong bảng.');
  expect((await excel.table()).rowCount).toBe(3);
  expect((await excel.column('id')).every((cell) => cell.value === '')).toBe(true);
  expect(await world.suite.nominations()).toHaveLength(0);

  // Signing in again: the issuer still knows the person, so the dialog closes by itself.
  await signInThroughDialog(excel, ACCOUNT);
  await excel.waitForState((state) => state.unsavedRows === 3 && !state.busy);
  const saved = await excel.save();
  expect(saved.state.lastSave).toMatchObject({ saved: 3, refused: 0 });
  expect(saved.state.unsavedRows).toBe(0);
  expect(await world.suite.nominations()).toHaveLength(3);
  expect(excel.log.errors).toEqual([]);
});
