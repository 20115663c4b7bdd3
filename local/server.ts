import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type RequestListener, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ApiEvent, ApiHandler, ApiResult } from '#functions/http/types';
import { ROUTES, routeKey, type Route, type RouteGroup } from '#functions/routes';

/**
 * The local stand-in for API Gateway's HTTP API: it matches the request to a route of ROUTES, does what
 * the JWT authorizer does, builds the payload-2.0 event API Gateway would send, invokes the route
 * group's handler in-process and maps its result back, with API Gateway's own answers and limits
 * (404, 401, 413, 500, 503, CORS). What API Gateway answers by itself has its shape ({"message": ...});
 * the Lambda's 6 MB limit, which the product hits first, answers in the product's shape.
 */

/** API Gateway's HTTP API rejects larger request bodies. */
export const API_GATEWAY_MAX_BODY_BYTES = 10 * 1024 * 1024;
/** A synchronous Lambda invocation's payload (the whole event, and the whole result) is at most 6 MB. */
export const LAMBDA_MAX_PAYLOAD_BYTES = 6 * 1024 * 1024;
/** HTTP APIs give up on an integration after 30 s. */
export const API_GATEWAY_TIMEOUT_MS = 30_000;

/** As infra/lib/http-api.ts configures API Gateway's CORS (corsPreflight). */
export const CORS_ALLOWED_HEADERS = ['authorization', 'content-type', 'idempotency-key'];
export const CORS_ALLOWED_METHODS = ['GET', 'POST', 'PUT', 'DELETE'];
export const CORS_MAX_AGE_SECONDS = 3600;
/** The add-in's dev server: any https://localhost port. */
export const isAllowedOrigin = (origin: string) => /^https:\/\/localhost(:\d{1,5})?$/.test(origin);

export interface LocalUser {
  email: string;
  displayName?: string;
  role?: string;
  unitId?: string;
}

export interface DevRoutesOptions {
  /** Signs a token for the e-mail (already normalized: trimmed, lower case). */
  issueToken(email: string): Promise<string>;
  /** What `GET /dev/users` lists (the demo users). */
  users: readonly LocalUser[];
  /** Whether `POST /dev/token` may sign for this e-mail. Default: the e-mails of `users`. */
  allowEmail?: (email: string) => boolean | Promise<boolean>;
}

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

interface Reply {
  status: number;
  headers: Record<string, string | string[]>;
  body: Buffer;
}

const GATEWAY = {
  notFound: () => gatewayReply(404, 'Not Found'),
  unauthorized: (challenge: string) => gatewayReply(401, 'Unauthorized', { 'www-authenticate': challenge }),
  tooLarge: () => gatewayReply(413, 'Request Entity Too Large'),
  internal: () => gatewayReply(500, 'Internal Server Error'),
  unavailable: () => gatewayReply(503, 'Service Unavailable'),
};

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

// ---- Routes

interface CompiledRoute {
  route: Route;
  /** A literal segment, or null for a {param}. */
  segments: { literal: string | null; name: string }[];
}

interface RouteMatch {
  route: Route;
  pathParameters: Record<string, string>;
}

function compileRoutes(routes: readonly Route[]): CompiledRoute[] {
  return routes.map((route) => ({
    route,
    segments: route.path
      .split('/')
      .slice(1)
      .map((segment) => {
        const param = /^\{([^}]+)\}$/.exec(segment);
        return param ? { literal: null, name: param[1]! } : { literal: segment, name: '' };
      }),
  }));
}

/** The most specific route wins (a literal segment beats a {param} at the first place they differ), as in API Gateway. */
function matchRoute(routes: CompiledRoute[], method: string, rawPath: string): RouteMatch | undefined {
  const parts = rawPath.split('/').slice(1);
  let best: { compiled: CompiledRoute; params: Record<string, string> } | undefined;
  for (const compiled of routes) {
    if (compiled.route.method !== method || compiled.segments.length !== parts.length) continue;
    const params: Record<string, string> = {};
    const fits = compiled.segments.every((segment, index) => {
      const part = parts[index]!;
      if (segment.literal !== null) return safeDecode(part) === segment.literal;
      if (part === '') return false;
      params[segment.name] = safeDecode(part);
      return true;
    });
    if (fits && (!best || moreSpecific(compiled, best.compiled))) best = { compiled, params };
  }
  return best && { route: best.compiled.route, pathParameters: best.params };
}

function moreSpecific(a: CompiledRoute, b: CompiledRoute): boolean {
  for (let index = 0; index < a.segments.length; index += 1) {
    const aLiteral = a.segments[index]!.literal !== null;
    const bLiteral = b.segments[index]!.literal !== null;
    if (aLiteral !== bLiteral) return aLiteral;
  }
  return false;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

// ---- The request

async function readBody(req: IncomingMessage): Promise<Buffer | 'too-large'> {
  const chunks: Buffer[] = [];
  let size = 0;
  let tooLarge = false;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > API_GATEWAY_MAX_BODY_BYTES) {
      tooLarge = true;
      chunks.length = 0;
      // Keep reading (and dropping) so the client sees the 413 rather than a reset; give up on a flood.
      if (size > 8 * API_GATEWAY_MAX_BODY_BYTES) {
        req.destroy();
        break;
      }
      continue;
    }
    chunks.push(chunk);
  }
  return tooLarge ? 'too-large' : Buffer.concat(chunks);
}

function bearerToken(header: string | undefined): string | undefined {
  // API Gateway takes the token alone or after "Bearer ".
  const token = header
    ?.trim()
    .replace(/^Bearer\s+/i, '')
    .trim();
  return token || undefined;
}

function describeTokenError(error: unknown): string {
  const code = (error as { code?: string }).code;
  if (code === 'ERR_JWT_EXPIRED') return 'the token has expired';
  if (code === 'ERR_JWT_CLAIM_VALIDATION_FAILED') {
    const claim = (error as { claim?: string }).claim;
    if (claim === 'aud') return 'the token does not have a valid audience';
    if (claim === 'iss') return 'the token does not have a valid issuer';
    if (claim === 'nbf') return 'the token is not valid yet';
  }
  if (code === 'ERR_JWKS_NO_MATCHING_KEY') return 'the token has an unknown kid';
  return 'the token is not valid';
}

/** Media types API Gateway passes as text; anything else (including form posts) arrives base64-encoded. */
function isTextContent(contentType: string | undefined): boolean {
  if (!contentType) return false;
  const type = contentType.split(';')[0]!.trim().toLowerCase();
  return type.startsWith('text/') || /[/+]json$/.test(type) || /[/+]xml$/.test(type) || type === 'application/javascript';
}

function buildEvent(input: {
  req: IncomingMessage;
  method: string;
  rawPath: string;
  rawQueryString: string;
  body: Buffer;
  match: RouteMatch;
  claims: Record<string, unknown> | undefined;
  requestId: string;
}): ApiEvent {
  const { req, method, rawPath, rawQueryString, body, match, claims, requestId } = input;
  const headers: Record<string, string> = {};
  const cookies: string[] = [];
  for (let index = 0; index < req.rawHeaders.length; index += 2) {
    const name = req.rawHeaders[index]!.toLowerCase();
    const value = req.rawHeaders[index + 1]!;
    if (name === 'cookie') {
      cookies.push(
        ...value
          .split(';')
          .map((cookie) => cookie.trim())
          .filter(Boolean),
      );
      continue;
    }
    headers[name] = name in headers ? `${headers[name]},${value}` : value;
  }
  const sourceIp = (req.socket.remoteAddress ?? '127.0.0.1').replace(/^::ffff:/, '');
  headers['x-forwarded-for'] = headers['x-forwarded-for'] ? `${headers['x-forwarded-for']}, ${sourceIp}` : sourceIp;
  headers['x-forwarded-proto'] ??= 'http';
  headers['x-forwarded-port'] ??= String(req.socket.localPort ?? '');

  let queryStringParameters: Record<string, string> | undefined;
  if (rawQueryString) {
    queryStringParameters = {};
    for (const [name, value] of new URLSearchParams(rawQueryString)) {
      queryStringParameters[name] = name in queryStringParameters ? `${queryStringParameters[name]},${value}` : value;
    }
  }

  const now = new Date();
  const domainName = headers.host ?? 'localhost';
  const key = routeKey(match.route);
  const hasBody = body.length > 0;
  const text = isTextContent(headers['content-type']);

  const event = {
    version: '2.0',
    routeKey: key,
    rawPath,
    rawQueryString,
    ...(cookies.length > 0 ? { cookies } : {}),
    headers,
    ...(queryStringParameters ? { queryStringParameters } : {}),
    ...(Object.keys(match.pathParameters).length > 0 ? { pathParameters: match.pathParameters } : {}),
    requestContext: {
      accountId: 'local',
      apiId: 'local',
      // API Gateway sends the authorizer's result only on routes that have the authorizer.
      ...(claims
        ? {
            authorizer: {
              principalId: '',
              integrationLatency: 0,
              jwt: { claims: gatewayClaims(claims), scopes: scopesOf(claims) },
            },
          }
        : {}),
      domainName,
      domainPrefix: domainName.split(/[.:]/)[0]!,
      http: {
        method,
        path: rawPath,
        protocol: `HTTP/${req.httpVersion}`,
        sourceIp,
        userAgent: headers['user-agent'] ?? '',
      },
      requestId,
      routeKey: key,
      stage: '$default',
      time: gatewayTime(now),
      timeEpoch: now.getTime(),
    },
    ...(hasBody ? { body: text ? body.toString('utf8') : body.toString('base64') } : {}),
    isBase64Encoded: hasBody && !text,
  };
  // On open routes requestContext has no authorizer, as in AWS; the shared type says it always has one.
  return event as ApiEvent;
}

/** API Gateway hands claims over as strings; arrays as "[a b]". */
function gatewayClaims(claims: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(claims)) {
    if (value === undefined || value === null) continue;
    if (Array.isArray(value)) out[name] = `[${value.join(' ')}]`;
    else if (typeof value === 'object') out[name] = JSON.stringify(value);
    else out[name] = String(value);
  }
  return out;
}

function scopesOf(claims: Record<string, unknown>): string[] {
  const scope = claims.scope ?? claims.scp;
  if (typeof scope === 'string') return scope.split(' ').filter(Boolean);
  if (Array.isArray(scope)) return scope.map(String);
  return [];
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** e.g. 12/Mar/2020:19:03:58 +0000 */
function gatewayTime(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(date.getUTCDate())}/${MONTHS[date.getUTCMonth()]}/${date.getUTCFullYear()}:${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())} +0000`;
}

// ---- The response

/** How API Gateway reads a payload-2.0 result, including its guess when there is no statusCode. */
function fromResult(result: unknown): Reply {
  if (Buffer.byteLength(JSON.stringify(result) ?? '') > LAMBDA_MAX_PAYLOAD_BYTES) {
    throw new Error('the result is over the 6 MB Lambda response limit');
  }
  if (typeof result !== 'object' || result === null || !('statusCode' in result)) {
    return { status: 200, headers: { 'content-type': 'application/json' }, body: Buffer.from(JSON.stringify(result) ?? '') };
  }
  const structured = result as ApiResult;
  if (!Number.isInteger(structured.statusCode) || structured.statusCode! < 100 || structured.statusCode! > 599) {
    throw new Error(`the result has an invalid statusCode (${String(structured.statusCode)})`);
  }
  const headers: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(structured.headers ?? {})) {
    const lower = name.toLowerCase();
    if (lower === 'content-length' || lower === 'transfer-encoding' || lower === 'connection') continue;
    headers[lower] = String(value);
  }
  if (structured.cookies?.length) headers['set-cookie'] = structured.cookies;
  const raw = structured.body ?? '';
  const body = structured.isBase64Encoded ? Buffer.from(raw, 'base64') : Buffer.from(raw, 'utf8');
  return { status: structured.statusCode!, headers, body };
}

function gatewayReply(status: number, message: string, extra: Record<string, string> = {}): Reply {
  return { status, headers: { 'content-type': 'application/json', ...extra }, body: Buffer.from(JSON.stringify({ message })) };
}

function productError(status: number, code: string, vi: string, en: string): Reply {
  return {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8' },
    body: Buffer.from(JSON.stringify({ code, message: { vi, en } })),
  };
}

function payloadTooLarge(): Reply {
  return productError(
    413,
    'PAYLOAD_TOO_LARGE',
    'Dữ liệu gửi lên quá lớn (tối đa 6 MB mỗi lần). Hãy lưu thành nhiều lần, mỗi lần ít dòng hơn.',
    'The request is too large (at most 6 MB at a time). Save in several smaller batches.',
  );
}

function corsHeaders(req: IncomingMessage): Record<string, string> {
  const origin = req.headers.origin;
  if (!origin || !isAllowedOrigin(origin)) return {};
  return { 'access-control-allow-origin': origin, vary: 'origin' };
}

function preflightHeaders(req: IncomingMessage): Record<string, string> {
  const cors = corsHeaders(req);
  if (!cors['access-control-allow-origin']) return {};
  return {
    ...cors,
    'access-control-allow-methods': CORS_ALLOWED_METHODS.join(','),
    'access-control-allow-headers': CORS_ALLOWED_HEADERS.join(','),
    'access-control-max-age': String(CORS_MAX_AGE_SECONDS),
    ...(req.headers['access-control-request-private-network'] === 'true' ? { 'access-control-allow-private-network': 'true' } : {}),
  };
}

function send(res: ServerResponse, reply: Reply, req: IncomingMessage, requestId: string): void {
  if (res.headersSent || res.destroyed) return;
  const headers = { ...reply.headers, ...corsHeaders(req), 'apigw-requestid': requestId, 'content-length': String(reply.body.length) };
  res.writeHead(reply.status, headers);
  res.end(req.method === 'HEAD' ? undefined : reply.body);
}

// ---- Dev routes (the local runner only)

async function devRoute(dev: DevRoutesOptions, method: string, rawPath: string, body: Buffer): Promise<Reply | undefined> {
  const json = (status: number, value: unknown): Reply => ({
    status,
    headers: { 'content-type': 'application/json; charset=utf-8' },
    body: Buffer.from(JSON.stringify(value)),
  });
  if (rawPath === '/dev/users' && method === 'GET') return json(200, dev.users);
  if (rawPath === '/dev/token' && method === 'POST') {
    let email: unknown;
    try {
      email = (JSON.parse(body.toString('utf8')) as { email?: unknown }).email;
    } catch {
      email = undefined;
    }
    const normalized = typeof email === 'string' ? email.trim().toLowerCase() : '';
    if (!/^[^\s@]+@[^\s@]+$/.test(normalized)) {
      return productError(
        400,
        'BAD_REQUEST',
        'Cần gửi {"email": "..."} với một địa chỉ e-mail hợp lệ.',
        'Send {"email": "..."} with a valid e-mail address.',
      );
    }
    const allowed = dev.allowEmail ? await dev.allowEmail(normalized) : dev.users.some((user) => user.email.toLowerCase() === normalized);
    if (!allowed) {
      return productError(
        403,
        'UNKNOWN_USER',
        `${normalized} không phải người dùng của hệ thống. Xem GET /dev/users, hoặc đặt THIDUA_DEV_TOKENS=any.`,
        `${normalized} is not a user here. See GET /dev/users, or set THIDUA_DEV_TOKENS=any.`,
      );
    }
    return json(200, { token: await dev.issueToken(normalized) });
  }
  return undefined;
}

// ---- Helpers

const TIMED_OUT = Symbol('timed out');

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(TIMED_OUT), ms);
  });
  return Promise.race([Promise.resolve().then(() => promise), timeout]).finally(() => clearTimeout(timer));
}
