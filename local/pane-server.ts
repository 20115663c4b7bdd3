import { createServer as createHttpServer, type Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import type { ViteDevServer } from 'vite';
import type { PaneTls } from './dev-certs';

/**
 * The task pane's dev server for `npm start`: Vite (vite.config.ts, root addin/) in middleware mode
 * inside a server of our own, HTTPS with the dev certificates or HTTP as the fallback. Owning the server
 * keeps Ctrl-C ours: Vite's own listen would also exit the process on SIGTERM or when stdin ends,
 * before the API and Java are stopped. /api/* and /dev/* go to the local API (vite.config.ts).
 */
export interface PaneServerOptions {
  /** The local API, e.g. http://127.0.0.1:3001. */
  apiUrl: string;
  port?: number;
  host?: string;
  tls: PaneTls;
  /** Vite's log level (info: page reloads and errors). */
  logLevel?: 'info' | 'warn' | 'error' | 'silent';
}

export interface PaneServer {
  /** e.g. https://localhost:3000 */
  origin: string;
  port: number;
  https: boolean;
  vite: ViteDevServer;
  close(): Promise<void>;
}

const CONFIG_FILE = fileURLToPath(new URL('../vite.config.ts', import.meta.url));

export async function startPaneServer(options: PaneServerOptions): Promise<PaneServer> {
  const port = options.port ?? 3000;
  const host = options.host ?? '127.0.0.1';
  const https = options.tls.kind === 'https';

  let vite: ViteDevServer | undefined;
  const listener = (req: Parameters<ViteDevServer['middlewares']>[0], res: Parameters<ViteDevServer['middlewares']>[1]) => {
    if (vite) vite.middlewares(req, res);
    else {
      res.statusCode = 503;
      res.end('starting');
    }
  };
  const server: Server =
    options.tls.kind === 'https'
      ? createHttpsServer({ key: options.tls.key, cert: options.tls.cert }, listener)
      : createHttpServer(listener);

  // Listen first, so a taken port fails before Vite has done any work.
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

  process.env.THIDUA_API_URL = options.apiUrl;
  const { createServer } = await import('vite');
  try {
    vite = await createServer({
      configFile: CONFIG_FILE,
      logLevel: options.logLevel ?? 'info',
      clearScreen: false,
      server: {
        middlewareMode: { server },
        // HMR's WebSocket on the same server and port (wss:// under HTTPS).
        ws: { server },
        port,
        host,
      },
    });
  } catch (error) {
    await closeServer(server);
    throw error;
  }

  const address = server.address() as AddressInfo;
  const shown = host === '127.0.0.1' || host === '0.0.0.0' || host === '::' ? 'localhost' : host;
  const devServer = vite;
  return {
    origin: `${https ? 'https' : 'http'}://${shown}:${address.port}`,
    port: address.port,
    https,
    vite: devServer,
    async close() {
      await devServer.close().catch(() => undefined);
      await closeServer(server);
    },
  };
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    if (!server.listening) return resolve();
    server.close(() => resolve());
    server.closeAllConnections();
  });
}
