import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import type { ViteDevServer } from 'vite';
import type { PaneTls } from './dev-certs';
import { startPaneBuild, type PaneBuild } from './pane-build';
import { paneFilesListener } from './pane-static';

/**
 * The task pane's server for `npm start`, HTTPS with the dev certificates or HTTP as the fallback, in
 * one of three modes:
 *   - 'build' (the default): the production build (local/pane-build.ts, rebuilt when a source changes)
 *     served as files (local/pane-static.ts), with /demo, the stand-in Excel host around the pane;
 *   - 'files': a pane built beforehand (`dir`), served the same way, nothing built (tests, the bench);
 *   - 'dev' (`npm start -- --dev`): Vite's dev server in middleware mode, with HMR, for working on the
 *     pane (slow to open: every module is its own request).
 * Owning the server keeps Ctrl-C ours: Vite's own listen would also exit the process on SIGTERM or when
 * stdin ends, before the API and Java are stopped. /api/* and /dev/* go to the local API in every mode.
 */
export interface PaneServerOptions {
  /** The local API, e.g. http://127.0.0.1:3001. */
  apiUrl: string;
  port?: number;
  host?: string;
  tls: PaneTls;
  mode?: 'build' | 'files' | 'dev';
  /** The built pane, for mode 'files'; where to build it, for mode 'build' (default .local/pane). */
  dir?: string;
  /** Mode 'build': a build started beforehand (local/pane-build.ts), e.g. while DynamoDB Local starts. */
  build?: Promise<PaneBuild>;
  /** Vite's log level (info: page reloads and errors). */
  logLevel?: 'info' | 'warn' | 'error' | 'silent';
}

export interface PaneServer {
  /** e.g. https://localhost:3000 */
  origin: string;
  port: number;
  https: boolean;
  mode: 'build' | 'files' | 'dev';
  /** The first build's time in ms (mode 'build', once it is written; rejects if it failed). */
  firstBuild?: Promise<number>;
  close(): Promise<void>;
}

type Listener = (req: IncomingMessage, res: ServerResponse) => void;

const CONFIG_FILE = fileURLToPath(new URL('../vite.config.ts', import.meta.url));

/** Vite's dev server (mode 'dev'), on our server and port, its HMR WebSocket included. */
async function startViteDevServer(server: Server, options: PaneServerOptions, port: number, host: string): Promise<ViteDevServer> {
  process.env.THIDUA_API_URL = options.apiUrl;
  const { createServer } = await import('vite');
  return createServer({
    configFile: CONFIG_FILE,
    logLevel: options.logLevel ?? 'info',
    clearScreen: false,
    server: { middlewareMode: { server }, ws: { server }, port, host },
  });
}

export async function startPaneServer(options: PaneServerOptions): Promise<PaneServer> {
  const port = options.port ?? 3000;
  const host = options.host ?? '127.0.0.1';
  const https = options.tls.kind === 'https';
  const mode = options.mode ?? 'build';

  let serve: Listener | undefined;
  const listener: Listener = (req, res) => {
    if (serve) serve(req, res);
    else {
      res.statusCode = 503;
      res.end('starting');
    }
  };
  const server: Server =
    options.tls.kind === 'https'
      ? createHttpsServer({ key: options.tls.key, cert: options.tls.cert }, listener)
      : createHttpServer(listener);

  // Listen first, so a taken port fails before any build.
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'EADDRINUSE') {
      throw new Error(
        `Port ${port} is in use (another npm start, or another add-in's dev server?). Stop it, or run with PANE_PORT=<another port>.`,
      );
    }
    throw error;
  });

  let vite: ViteDevServer | undefined;
  let build: PaneBuild | undefined;
  try {
    if (mode === 'dev') {
      vite = await startViteDevServer(server, options, port, host);
      serve = vite.middlewares;
    } else if (mode === 'files') {
      if (!options.dir) throw new Error("the pane server's mode 'files' needs the built pane's dir");
      serve = paneFilesListener({ dir: options.dir, apiUrl: options.apiUrl });
    } else {
      build = await (options.build ?? startPaneBuild(options.dir ? { outDir: options.dir } : {}));
      // Requests wait for the build under way rather than find a half-written folder.
      serve = paneFilesListener({ dir: build.dir, apiUrl: options.apiUrl, whenReady: build.whenReady });
    }
  } catch (error) {
    await closeServer(server);
    throw error;
  }

  const address = server.address() as AddressInfo;
  const shown = host === '127.0.0.1' || host === '0.0.0.0' || host === '::' ? 'localhost' : host;
  return {
    origin: `${https ? 'https' : 'http'}://${shown}:${address.port}`,
    port: address.port,
    https,
    mode,
    ...(build ? { firstBuild: build.firstBuild } : {}),
    async close() {
      await vite?.close().catch(() => undefined);
      await build?.close().catch(() => undefined);
      await closeServer(server);
    },
  };
}

/** The production build's first run: its time, or why it failed (the server then answers with the error until a fix rebuilds it). */
export async function reportPaneBuild(server: PaneServer): Promise<void> {
  if (!server.firstBuild) {
    console.log("Task pane: Vite's dev server (--dev): every module is its own request, the first opening takes a while.");
    return;
  }
  try {
    const ms = await server.firstBuild;
    console.log(`Task pane built (production, vite build) in ${(ms / 1000).toFixed(1)} s into .local/pane; rebuilt when addin/ changes`);
  } catch (error) {
    console.error(`Task pane: the build FAILED (${(error as Error).message.split('\n')[0]}); fix the source and it rebuilds.`);
  }
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    if (!server.listening) return resolve();
    server.close(() => resolve());
    server.closeAllConnections();
  });
}
