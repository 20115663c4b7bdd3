import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { certificateProblem, paneTls } from '#local/dev-certs';
import { startPaneServer, type PaneServer } from '#local/pane-server';
import { startTestApi, type TestApi } from '#tests/support/api';

/**
 * npm start's task pane server (Vite in middleware mode) in front of the local API, over plain HTTP:
 * no certificate is made or needed here. What the pane relies on: taskpane.html with the local runtime
 * config, the API and the dev sign-in on the same origin under /api, the icons the manifest names.
 */
describe('the task pane dev server', () => {
  let api: TestApi;
  let pane: PaneServer;

  beforeAll(async () => {
    api = await startTestApi();
    pane = await startPaneServer({
      apiUrl: api.baseUrl,
      port: 0,
      host: '127.0.0.1',
      tls: { kind: 'http', reason: 'test' },
      logLevel: 'silent',
    });
  });
  afterAll(async () => {
    await pane?.close();
    await api?.close();
  });

  const get = (path: string, init?: RequestInit) => fetch(`http://127.0.0.1:${pane.port}${path}`, { redirect: 'manual', ...init });

  it('serves taskpane.html with office.js first and the local runtime config', async () => {
    const response = await get('/taskpane.html');
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('window.THIDUA_CONFIG = {"environment":"local","apiBaseUrl":"/api","auth":{"mode":"dev"}}');
    expect(html).toContain('<script src="https://appsforoffice.microsoft.com/lib/1/hosted/office.js"></script>');
    expect(html.indexOf('office.js')).toBeLessThan(html.indexOf('/src/main.tsx'));
    expect(pane.origin).toBe(`http://localhost:${pane.port}`);
  });

  it('sends the bare address to taskpane.html', async () => {
    const response = await get('/');
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe('/taskpane.html');
  });

  it('proxies /api/* to the API without the prefix', async () => {
    const response = await get('/api/health');
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: 'ok' });
    expect(response.headers.get('apigw-requestid')).toBeTruthy();
  });

  it('passes the bearer token through, as the pane sends it', async () => {
    expect((await get('/api/me')).status).toBe(401);
    const token = await api.tokenFor('tochuc@thidua.local');
    const response = await get('/api/me', { headers: { authorization: `Bearer ${token}` } });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ email: 'tochuc@thidua.local' });
  });

  it('reaches the dev sign-in under /api/dev and /dev', async () => {
    const users = await get('/api/dev/users');
    expect(users.status).toBe(200);
    expect((await users.json()) as unknown[]).toContainEqual(expect.objectContaining({ email: 'tochuc@thidua.local' }));
    const token = await get('/api/dev/token', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'tochuc@thidua.local' }),
    });
    expect(token.status).toBe(200);
    expect(await token.json()).toMatchObject({ token: expect.any(String) });
    expect((await get('/dev/users')).status).toBe(200);
  });

  it('serves the icons and pages the manifest names', async () => {
    for (const path of ['/icons/icon-16.png', '/icons/icon-32.png', '/icons/icon-64.png', '/icons/icon-80.png']) {
      const response = await get(path);
      expect(response.status, path).toBe(200);
      const bytes = new Uint8Array(await response.arrayBuffer());
      expect([...bytes.slice(0, 4)], path).toEqual([0x89, 0x50, 0x4e, 0x47]);
    }
    expect((await get('/commands.html')).status).toBe(200);
    expect((await get('/support.html')).status).toBe(200);
  });

  it('lets the port go when closed', async () => {
    const second = await startPaneServer({ apiUrl: api.baseUrl, port: 0, tls: { kind: 'http', reason: 'test' }, logLevel: 'silent' });
    const port = second.port;
    await second.close();
    const refused = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.destroy();
        resolve(false);
      });
      socket.once('error', () => resolve(true));
    });
    expect(refused).toBe(true);
  });

  it('says why a taken port cannot be used', async () => {
    await expect(
      startPaneServer({ apiUrl: api.baseUrl, port: pane.port, tls: { kind: 'http', reason: 'test' }, logLevel: 'silent' }),
    ).rejects.toThrow(/Port \d+ is in use/);
  });
});

describe('the pane certificate', () => {
  it('is plain HTTP when THIDUA_HTTP=1, without touching certificates', async () => {
    expect(await paneTls({ THIDUA_HTTP: '1' })).toEqual({ kind: 'http', reason: 'THIDUA_HTTP=1' });
  });

  it('is missing when the files are', () => {
    expect(certificateProblem('/nonexistent/localhost.crt', '/nonexistent/localhost.key')).toBe('no certificate yet');
  });
});
