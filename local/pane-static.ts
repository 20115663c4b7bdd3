import { readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { isApiPath, proxyToApi } from './api-proxy';
import { demoAnswer, demoPaneHtml } from './demo-page';
import { CONTENT_TYPES } from './content-types';

/**
 * The built pane as `npm start` serves it (and the bench measures it): files of the build folder,
 * config.json saying how this copy runs (the local API on /api, the dev sign-in), /api/* and /dev/*
 * proxied to the local API, and /demo (local/demo-page.ts). Hashed assets are cached for good, the
 * pages and config.json revalidated, as a CDN would serve them.
 */
export const LOCAL_RUNTIME_CONFIG = { environment: 'local', apiBaseUrl: '/api', auth: { mode: 'dev' } } as const;

export interface PaneFilesOptions {
  /** The built pane (taskpane.html, assets/…). */
  dir: string;
  /** The local API, e.g. http://127.0.0.1:3001. */
  apiUrl: string;
  /** Waits for the build under way; rejects with the build's error (local/pane-build.ts). */
  whenReady?: () => Promise<void>;
}

type Listener = (req: IncomingMessage, res: ServerResponse) => void;

function send(res: ServerResponse, status: number, type: string, body: string | Buffer, cache = 'no-cache'): void {
  res.writeHead(status, { 'content-type': type, 'cache-control': cache, 'content-length': Buffer.byteLength(body) });
  res.end(body);
}

/** A path inside the build folder, or undefined for one that climbs out of it. */
function fileOf(dir: string, path: string): string | undefined {
  const relative = normalize(decodeURIComponent(path).replace(/^\/+/, ''));
  if (relative.startsWith('..') || relative.includes(`${sep}..`)) return undefined;
  return join(dir, relative || 'taskpane.html');
}

export function paneFilesListener(options: PaneFilesOptions): Listener {
  const config = JSON.stringify(LOCAL_RUNTIME_CONFIG);

  async function serveFile(res: ServerResponse, path: string, demo: boolean): Promise<void> {
    if (path === '/config.json') return send(res, 200, CONTENT_TYPES['.json']!, config);
    const file = fileOf(options.dir, path);
    if (!file) return send(res, 400, 'text/plain; charset=utf-8', 'bad path');
    let content: Buffer;
    try {
      content = await readFile(file);
    } catch {
      return send(res, 404, 'text/plain; charset=utf-8', `not found: ${path}`);
    }
    const type = CONTENT_TYPES[extname(file)] ?? 'application/octet-stream';
    if (demo && (path === '/taskpane.html' || path === '/signin.html')) return send(res, 200, type, demoPaneHtml(content.toString('utf8')));
    // The build's hashed names change with their content: a browser keeps them for good.
    send(res, 200, type, content, path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (isApiPath(req.url ?? '/')) return proxyToApi(options.apiUrl, req, res);
    if (path === '/' || path === '/index.html') {
      res.writeHead(302, { location: '/taskpane.html' });
      res.end();
      return;
    }
    const demo = await demoAnswer(path);
    if (demo !== undefined && demo !== 'pane') return send(res, 200, demo.type, demo.body);
    try {
      await options.whenReady?.();
    } catch (error) {
      const message = `The task pane's build failed (npm start rebuilds it when a source changes):\n\n${(error as Error).message}`;
      return send(res, 500, 'text/plain; charset=utf-8', message);
    }
    const inPane = demo === 'pane' ? path.slice('/demo/pane'.length) : path;
    await serveFile(res, inPane === '' || inPane === '/' ? '/taskpane.html' : inPane, demo === 'pane');
  }

  return (req, res) => {
    handle(req, res).catch((error: unknown) => {
      console.error('[pane server]', error);
      if (!res.headersSent) send(res, 500, 'text/plain; charset=utf-8', String(error));
      else res.destroy();
    });
  };
}
