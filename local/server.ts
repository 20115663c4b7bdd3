import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ApiHandler } from '#functions/http/types';
import { ROUTES, type Route, type RouteGroup } from '#functions/routes';
import { devRoute, type DevRoutesOptions } from './dev-routes';
import { buildEvent, bearerToken, describeTokenError, readBody } from './gateway-event';
import { API_GATEWAY_TIMEOUT_MS, LAMBDA_MAX_PAYLOAD_BYTES } from './gateway-limits';
import { GATEWAY, fromResult, payloadTooLarge, preflightHeaders, send, type Reply } from './gateway-reply';
import { compileRoutes, matchRoute } from './gateway-routes';

/**
 * The local stand-in for API Gateway's HTTP API: it matches the request to a route of ROUTES, does what
 * the JWT authorizer does, builds the payload-2.0 event API Gateway would send, invokes the route
 * group's handler in-process and maps its result back, with API Gateway's own answers and limits
 * (404, 401, 413, 500, 503, CORS). What API Gateway answers by itself has its shape ({"message": ...});
 * the Lambda's 6 MB limit, which the product hits first, answers in the product's shape.
 */

export interface LocalApiOptions {
  handlers: Record<RouteGroup, ApiHandler>;
  /** The JWT authorizer's check: resolves the token's claims, or rejects. */
  verify: (token: string) => Promise<Record<string, unknown>>;
  routes?: readonly Route[];
  /** `POST /dev/token` and `GET /dev/users`: served by the local runner only, never by API Gateway. */
  dev?: DevRoutesOptions;
  /** No line per request. */
  quiet?: boolean;
  log?: (line: string) => void;
  logError?: (line: string, error?: unknown) => void;
  integrationTimeoutMs?: number;
}

export interface LocalApi {
  server: Server;
  listener: RequestListener;
  /** Listens (port 0: any free port; host default 127.0.0.1) and resolves the base URL. */
  listen(port?: number, host?: string): Promise<{ url: string; port: number }>;
  /** Stops listening and drops open keep-alive connections. */
  close(): Promise<void>;
}

export function createLocalApi(options: LocalApiOptions): LocalApi {
  const routes = compileRoutes(options.routes ?? ROUTES);
  const log = options.log ?? ((line: string) => console.log(line));
  const logError = options.logError ?? ((line: string, error?: unknown) => console.error(line, error ?? ''));
  const timeoutMs = options.integrationTimeoutMs ?? API_GATEWAY_TIMEOUT_MS;

  const listener: RequestListener = (req, res) => {
    const started = Date.now();
    const requestId = randomBytes(11).toString('base64');
    handle(req, requestId)
      .catch((error: unknown) => {
        logError(`[local-api] ${req.method} ${req.url} failed in the runner itself`, error);
        return GATEWAY.internal();
      })
      .then((reply) => {
        try {
          send(res, reply, req, requestId);
        } catch (error) {
          // e.g. a header value Node refuses (a newline in it): API Gateway would not pass it either.
          logError(`[local-api] ${req.method} ${req.url}: the response could not be sent`, error);
          reply = GATEWAY.internal();
          send(res, reply, req, requestId);
        }
        if (!options.quiet) log(`${req.method} ${(req.url ?? '/').split('?')[0]} ${reply.status} ${Date.now() - started}ms`);
      })
      .catch((error: unknown) => {
        logError(`[local-api] ${req.method} ${req.url}: could not answer`, error);
        res.destroy();
      });
  };

  async function handle(req: IncomingMessage, requestId: string): Promise<Reply> {
    const method = (req.method ?? 'GET').toUpperCase();
    const rawUrl = req.url ?? '/';
    const queryAt = rawUrl.indexOf('?');
    const rawPath = queryAt < 0 ? rawUrl : rawUrl.slice(0, queryAt);
    const rawQueryString = queryAt < 0 ? '' : rawUrl.slice(queryAt + 1);

    // API Gateway answers CORS preflights itself; the functions never see them.
    if (method === 'OPTIONS') return { status: 204, headers: preflightHeaders(req), body: Buffer.alloc(0) };

    const body = await readBody(req);
    if (body === 'too-large') return GATEWAY.tooLarge();

    if (options.dev && rawPath.startsWith('/dev/')) {
      const reply = await devRoute(options.dev, method, rawPath, body);
      if (reply) return reply;
    }

    const match = matchRoute(routes, method, rawPath);
    if (!match) return GATEWAY.notFound();

    let claims: Record<string, unknown> | undefined;
    if (match.route.auth) {
      const token = bearerToken(req.headers.authorization);
      if (!token) return GATEWAY.unauthorized('Bearer');
      try {
        claims = await options.verify(token);
      } catch (error) {
        const description = describeTokenError(error);
        return GATEWAY.unauthorized(`Bearer scope="" error="invalid_token" error_description="${description}"`);
      }
    }

    const event = buildEvent({ req, method, rawPath, rawQueryString, body, match, claims, requestId });
    if (Buffer.byteLength(JSON.stringify(event)) > LAMBDA_MAX_PAYLOAD_BYTES) return payloadTooLarge();

    const handler = options.handlers[match.route.group];
    let result: unknown;
    try {
      result = await withTimeout(handler(event), timeoutMs);
    } catch (error) {
      if (error === TIMED_OUT) {
        logError(
          `[local-api] ${event.routeKey}: no answer from the '${match.route.group}' handler within ${timeoutMs} ms (API Gateway answers 503)`,
        );
        return GATEWAY.unavailable();
      }
      logError(`[local-api] ${event.routeKey}: the '${match.route.group}' handler threw`, error);
      return GATEWAY.internal();
    }
    try {
      return fromResult(result);
    } catch (error) {
      logError(`[local-api] ${event.routeKey}: ${(error as Error).message} (API Gateway answers 500)`);
      return GATEWAY.internal();
    }
  }

  const server = createServer(listener);
  return {
    server,
    listener,
    listen(port = 0, host = '127.0.0.1') {
      return new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          server.off('error', reject);
          const address = server.address() as AddressInfo;
          const reachable = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
          resolve({ url: `http://${reachable.includes(':') ? `[${reachable}]` : reachable}:${address.port}`, port: address.port });
        });
      });
    },
    close() {
      return new Promise((resolve) => {
        if (!server.listening) return resolve();
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}

const TIMED_OUT = Symbol('timed out');

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(TIMED_OUT), ms);
  });
  return Promise.race([Promise.resolve().then(() => promise), timeout]).finally(() => clearTimeout(timer));
}
