import { readFile } from 'node:fs/promises';
import { createServer, request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import { CONTENT_TYPES } from '#local/content-types';
import { bundle } from './assets';

/**
 * The e2e tests' web server, one origin for everything the browser loads:
 *   /host.html          the stand-in Excel host (grid + the pane in an iframe), ?excelApi=&latency=&pane=
 *   /gateway.html       the host without the pane, with the add-in's Excel gateway bundled on the page
 *   /host/*.js          the host's bundles, and office-standin.js (what the pane gets for office.js)
 *   /pane/*             the built pane (buildPane); taskpane.html with office.js swapped for the stand-in,
 *                       config.json with the local runtime config (dev sign-in, API at /api)
 *   /api/* and /dev/*   proxied to the local API (/api taken off, as the dev server does), each request
 *                       logged and counted; `network` makes them fail like a dropped connection.
 */
export const OFFICE_JS_URL = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';

export const LOCAL_RUNTIME_CONFIG = { environment: 'local', apiBaseUrl: '/api', auth: { mode: 'dev' } };

export type Fault = 'reset' | 'drop-response' | 'http-503';

export interface ProxiedRequest {
  method: string;
  /** The path as the browser asked for it (with /api). */
  path: string;
  status: number;
  requestBytes: number;
  responseBytes: number;
  /** ms since the server started. */
  start: number;
  ms: number;
  fault?: Fault;
  idempotencyKey?: string;
}

interface Rule {
  match: (method: string, path: string) => boolean;
  fault: Fault;
  remaining: number;
  after?: () => void;
}

/** The network between the pane and the API, as the tests break it. */
export class Network {
  private isDown = false;
  private rules: Rule[] = [];

  /** Every /api and /dev request fails as a dropped connection (the socket is reset) until up(). */
  down(): void {
    this.isDown = true;
  }

  up(): void {
    this.isDown = false;
    this.rules = [];
  }

  get state(): 'up' | 'down' {
    return this.isDown ? 'down' : 'up';
  }

  /**
   * The next `times` matching requests fail this way. 'drop-response': the API gets the request and
   * answers, the answer is lost (the connection drops on the way back).
   */
  fail(fault: Fault, options: { method?: string; path?: RegExp; times?: number; after?: () => void } = {}): void {
    this.rules.push({
      fault,
      remaining: options.times ?? 1,
      match: (method, path) => (!options.method || options.method === method) && (!options.path || options.path.test(path)),
      ...(options.after ? { after: options.after } : {}),
    });
  }

  /** The fault for this request, if any; `after` runs once the request has been let through to its fault. */
  faultFor(method: string, path: string): { fault: Fault; after?: () => void } | undefined {
    if (this.isDown) return { fault: 'reset' };
    const rule = this.rules.find((candidate) => candidate.remaining > 0 && candidate.match(method, path));
    if (!rule) return undefined;
    rule.remaining -= 1;
    return { fault: rule.fault, ...(rule.after ? { after: rule.after } : {}) };
  }
}

export interface E2eServerOptions {
  /** The local API's base URL (startTestApi().baseUrl). */
  apiUrl?: string;
  /**
   * The local runner's dev sign-in (GET /dev/users, POST /dev/token), answered here rather than
   * proxied: for an API started without its dev routes (bench/run.ts's).
   */
  dev?: {
    users: readonly { email: string; displayName?: string; role?: string; unitId?: string }[];
    issueToken(email: string): Promise<string>;
  };
  /** The built pane (buildPane().dir). */
  paneDir?: string;
  /** config.json of the pane; a function when it is known only once the server listens (the local issuer's redirect URI). */
  runtimeConfig?: unknown;
  port?: number;
}

export interface E2eServer {
  url: string;
  hostUrl(query?: Record<string, string | number>): string;
  readonly requests: ProxiedRequest[];
  /** Requests to the API (not /dev) since `since` (ms on the server's clock, see now()). */
  apiRequestsSince(since: number): ProxiedRequest[];
  now(): number;
  readonly network: Network;
  close(): Promise<void>;
}

const TYPES = CONTENT_TYPES;

export const OFFICE_STANDIN = `/* office.js in the stand-in host: the pane takes the host's Office, Excel and OfficeExtension;
   a page in an Office dialog (a popup the pane opened, e.g. signin.html) takes the dialog's Office. */
(function () {
  var host = null, opener = null;
  try { host = window.parent !== window ? window.parent.thiduaHost : null; } catch (e) { host = null; }
  try { opener = window.opener ? window.opener.thiduaHost : null; } catch (e) { opener = null; }
  if (host) host.attachPane(window);
  else if (opener) opener.attachDialog(window);
  else console.warn('thidua e2e: taskpane.html opened outside the stand-in host, so there is no Office here');
})();
`;

function hostPage(scripts: { src: string; pane?: string }[]): string {
  return `<!doctype html>
<html lang="vi">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Excel (giả lập)</title><link rel="icon" href="data:,"></head>
<body>${scripts.map(({ src, pane }) => `<script src="${src}"${pane ? ` data-pane="${pane}"` : ''}></script>`).join('')}</body>
</html>`;
}

const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'upgrade', 'proxy-connection', 'te', 'trailer']);

async function readAll(stream: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream as AsyncIterable<Buffer>) chunks.push(chunk);
  return Buffer.concat(chunks);
}

export async function startE2eServer(options: E2eServerOptions = {}): Promise<E2eServer> {
  const started = performance.now();
  const now = () => performance.now() - started;
  const requests: ProxiedRequest[] = [];
  const network = new Network();
  const runtimeConfig = () =>
    JSON.stringify((typeof options.runtimeConfig === 'function' ? options.runtimeConfig() : options.runtimeConfig) ?? LOCAL_RUNTIME_CONFIG);

  const send = (res: ServerResponse, status: number, type: string, body: string | Buffer) => {
    res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', 'content-length': Buffer.byteLength(body) });
    res.end(body);
  };

  /** The dev routes as local/server.ts answers them, for an API without them. */
  async function devRoute(req: IncomingMessage, res: ServerResponse, path: string): Promise<boolean> {
    const dev = options.dev;
    if (!dev) return false;
    const bare = path.replace(/^\/api/, '').split('?')[0];
    if (req.method === 'GET' && bare === '/dev/users') {
      send(res, 200, TYPES['.json']!, JSON.stringify(dev.users));
      return true;
    }
    if (req.method === 'POST' && bare === '/dev/token') {
      const body = JSON.parse((await readAll(req)).toString('utf8') || '{}') as { email?: string };
      const email = String(body.email ?? '')
        .trim()
        .toLowerCase();
      if (!dev.users.some((user) => user.email === email)) {
        send(
          res,
          403,
          TYPES['.json']!,
          JSON.stringify({
            code: 'UNKNOWN_USER',
            message: { vi: 'Tài khoản chưa được cấp quyền sử dụng', en: 'This account has not been given access' },
          }),
        );
        return true;
      }
      send(res, 200, TYPES['.json']!, JSON.stringify({ token: await dev.issueToken(email) }));
      return true;
    }
    return false;
  }

  async function proxy(req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
    const method = req.method ?? 'GET';
    if (/^(\/api)?\/dev\//.test(path) && (await devRoute(req, res, path))) return;
    const begun = now();
    const body = await readAll(req);
    const entry: ProxiedRequest = { method, path, status: 0, requestBytes: body.length, responseBytes: 0, start: begun, ms: 0 };
    const key = req.headers['idempotency-key'];
    if (typeof key === 'string') entry.idempotencyKey = key;
    requests.push(entry);
    const chosen = network.faultFor(method, path);
    const fault = chosen?.fault;
    if (fault) entry.fault = fault;
    if (fault === 'reset') {
      entry.ms = now() - begun;
      chosen?.after?.();
      req.socket.destroy();
      return;
    }
    if (fault === 'http-503') {
      entry.status = 503;
      entry.ms = now() - begun;
      chosen?.after?.();
      send(res, 503, 'application/json', JSON.stringify({ message: 'Service Unavailable' }));
      return;
    }
    if (!options.apiUrl) {
      send(res, 502, 'text/plain', 'no API behind this e2e server');
      return;
    }
    const target = new URL(options.apiUrl);
    const upstreamPath = path.startsWith('/api') ? path.slice(4) || '/' : path;
    const headers: Record<string, string | string[]> = {};
    for (const [name, value] of Object.entries(req.headers)) if (value !== undefined && !HOP_BY_HOP.has(name)) headers[name] = value;
    headers.host = target.host;
    headers['content-length'] = String(body.length);
    await new Promise<void>((resolve) => {
      const upstream = httpRequest(
        {
          protocol: target.protocol,
          hostname: target.hostname,
          port: target.port,
          method,
          path: upstreamPath.startsWith('/') ? upstreamPath : `/${upstreamPath}`,
          headers,
        },
        (answer) => {
          void readAll(answer).then(
            (payload) => {
              entry.status = answer.statusCode ?? 502;
              entry.responseBytes = payload.length;
              entry.ms = now() - begun;
              if (fault === 'drop-response') {
                // The API did the work; the answer is lost on the way back.
                chosen?.after?.();
                req.socket.destroy();
                resolve();
                return;
              }
              const out: Record<string, string | string[]> = {};
              for (const [name, value] of Object.entries(answer.headers))
                if (value !== undefined && !HOP_BY_HOP.has(name)) out[name] = value;
              out['content-length'] = String(payload.length);
              res.writeHead(entry.status, out);
              res.end(payload);
              resolve();
            },
            () => resolve(),
          );
        },
      );
      upstream.on('error', (error) => {
        entry.status = 502;
        entry.ms = now() - begun;
        if (!res.headersSent) send(res, 502, 'text/plain', `the local API did not answer: ${error.message}`);
        resolve();
      });
      upstream.end(body);
    });
  }

  async function servePane(res: ServerResponse, path: string): Promise<void> {
    if (!options.paneDir) return send(res, 404, 'text/plain', 'no pane built for this server (buildPane)');
    if (path === '/pane/config.json') return send(res, 200, TYPES['.json']!, runtimeConfig());
    const relative = normalize(decodeURIComponent(path.slice('/pane/'.length) || 'taskpane.html'));
    if (relative.startsWith('..') || relative.includes(`${sep}..`)) return send(res, 400, 'text/plain', 'bad path');
    let content: Buffer;
    try {
      content = await readFile(join(options.paneDir, relative));
    } catch {
      return send(res, 404, 'text/plain', `not found: ${path}`);
    }
    if (relative === 'taskpane.html' || relative === 'signin.html') {
      const html = content.toString('utf8');
      if (!html.includes(OFFICE_JS_URL))
        return send(res, 500, 'text/plain', `${relative} no longer loads ${OFFICE_JS_URL}: update tests/e2e/support/server.ts`);
      return send(res, 200, TYPES['.html']!, html.replace(OFFICE_JS_URL, '/host/office-standin.js'));
    }
    send(res, 200, TYPES[extname(relative)] ?? 'application/octet-stream', content);
  }

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const path = url.pathname;
    const handle = async () => {
      if (path === '/api' || path.startsWith('/api/') || path.startsWith('/dev/')) return proxy(req, res, `${path}${url.search}`);
      if (path === '/') {
        res.writeHead(302, { location: '/host.html' });
        res.end();
        return;
      }
      if (path === '/host.html') return send(res, 200, TYPES['.html']!, hostPage([{ src: '/host/host.js' }]));
      if (path === '/gateway.html')
        return send(res, 200, TYPES['.html']!, hostPage([{ src: '/host/host.js', pane: 'none' }, { src: '/host/gateway.js' }]));
      if (path === '/host/host.js') return send(res, 200, TYPES['.js']!, await bundle('main'));
      if (path === '/host/gateway.js') return send(res, 200, TYPES['.js']!, await bundle('gateway-page'));
      if (path === '/host/office-standin.js') return send(res, 200, TYPES['.js']!, OFFICE_STANDIN);
      if (path.startsWith('/pane/')) return servePane(res, path);
      send(res, 404, 'text/plain', 'not found');
    };
    handle().catch((error: unknown) => {
      console.error('[e2e server]', error);
      if (!res.headersSent) send(res, 500, 'text/plain', String(error));
      else res.destroy();
    });
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    hostUrl: (query = {}) => {
      const search = new URLSearchParams(Object.entries(query).map(([key, value]) => [key, String(value)])).toString();
      return `${url}/host.html${search ? `?${search}` : ''}`;
    },
    requests,
    apiRequestsSince: (since) => requests.filter((entry) => entry.start >= since && entry.path.startsWith('/api')),
    now,
    network,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
