import { mkdtemp, rm } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { certificateProblem, paneTls } from '#local/dev-certs';
import { startPaneServer, type PaneServer } from '#local/pane-server';
import { startTestApi, type TestApi } from '#tests/support/api';

/**
 * npm start's task pane server in front of the local API, over plain HTTP: no certificate is made or
 * needed here. Both ways it serves the pane: the production build (the default, built here into a
 * temporary folder) and Vite's dev server (--dev). What the pane relies on: taskpane.html with office.js
 * first and the local runtime config, the API and the dev sign-in on the same origin under /api, the
 * icons the manifest names.
 */
describe.each(['build', 'dev'] as const)('the task pane server, mode %s', (mode) => {
  let api: TestApi;
  let pane: PaneServer;
  let dir: string | undefined;

  beforeAll(async () => {
    api = await startTestApi();
    dir = mode === 'build' ? await mkdtemp(join(tmpdir(), 'thidua-pane-')) : undefined;
    pane = await startPaneServer({
      apiUrl: api.baseUrl,
      port: 0,
      host: '127.0.0.1',
      tls: { kind: 'http', reason: 'test' },
      logLevel: 'silent',
      mode,
      ...(dir ? { dir } : {}),
    });
    await pane.firstBuild;
  });
  afterAll(async () => {
    await pane?.close();
    await api?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  const get = (path: string, init?: RequestInit) => fetch(`http://127.0.0.1:${pane.port}${path}`, { redirect: 'manual', ...init });

  it('serves taskpane.html with office.js first and the local runtime config', async () => {
    const response = await get('/taskpane.html');
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('<script src="https://appsforoffice.microsoft.com/lib/1/hosted/office.js"></script>');
    const config = { environment: 'local', apiBaseUrl: '/api', auth: { mode: 'dev' } };
    if (mode === 'dev') {
      expect(html).toContain(`window.THIDUA_CONFIG = ${JSON.stringify(config)}`);
      expect(html.indexOf('office.js')).toBeLessThan(html.indexOf('/src/main.tsx'));
    } else {
      // The build reads config.json next to taskpane.html (addin/src/boot/config.ts).
      expect(await (await get('/config.json')).json()).toEqual(config);
      const entry = /<script type="module"[^>]* src="\.\/(assets\/taskpane-[\w-]+\.js)"/.exec(html)?.[1];
      expect(html.indexOf('office.js')).toBeLessThan(html.indexOf(entry!));
      const script = await get(`/${entry}`);
      expect(script.status).toBe(200);
      expect(script.headers.get('content-type')).toMatch(/^text\/javascript/);
      expect(script.headers.get('cache-control')).toContain('immutable');
      expect(response.headers.get('cache-control')).toBe('no-cache');
    }
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

  it.runIf(mode === 'build')('serves /demo/: the stand-in Excel host, labelled, with the pane on the stand-in office.js', async () => {
    const page = await (await get('/demo/')).text();
    expect(page).toContain('Mô phỏng Excel: không phải Microsoft Excel');
    expect(page).toContain('<script src="/demo/host.js" data-pane="/demo/pane/taskpane.html">');
    const host = await get('/demo/host.js');
    expect(host.status).toBe(200);
    expect(await host.text()).toContain('thiduaHost');
    const taskpane = await (await get('/demo/pane/taskpane.html')).text();
    expect(taskpane).toContain('<script src="/demo/office-standin.js"></script>');
    expect(taskpane).not.toContain('appsforoffice.microsoft.com');
    expect(await (await get('/demo/pane/config.json')).json()).toMatchObject({ auth: { mode: 'dev' } });
    expect((await get('/demo/office-standin.js')).status).toBe(200);
    expect((await get('/demo/pane/icons/icon-32.png')).status).toBe(200);
  });

  it.runIf(mode === 'build')('keeps to the build folder', async () => {
    for (const path of ['/..%2f..%2fpackage.json', '/demo/pane/..%2f..%2fpackage.json', '/assets/..%2f..%2f..%2fpackage.json'])
      expect([400, 404], path).toContain((await get(path)).status);
  });

  it('lets the port go when closed', async () => {
    const second = await startPaneServer({
      apiUrl: api.baseUrl,
      port: 0,
      tls: { kind: 'http', reason: 'test' },
      logLevel: 'silent',
      mode: 'dev',
    });
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
      startPaneServer({ apiUrl: api.baseUrl, port: pane.port, tls: { kind: 'http', reason: 'test' }, logLevel: 'silent', mode: 'dev' }),
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
