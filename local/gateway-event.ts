import type { IncomingMessage } from 'node:http';
import type { ApiEvent } from '#functions/http/types';
import { routeKey } from '#functions/routes';
import { API_GATEWAY_MAX_BODY_BYTES } from './gateway-limits';
import type { RouteMatch } from './gateway-routes';

/** The request as API Gateway hands it to a Lambda: a payload-2.0 event, with the authorizer's claims. */

export async function readBody(req: IncomingMessage): Promise<Buffer | 'too-large'> {
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

export function bearerToken(header: string | undefined): string | undefined {
  // API Gateway takes the token alone or after "Bearer ".
  const token = header
    ?.trim()
    .replace(/^Bearer\s+/i, '')
    .trim();
  return token || undefined;
}

export function describeTokenError(error: unknown): string {
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
export function isTextContent(contentType: string | undefined): boolean {
  if (!contentType) return false;
  const type = contentType.split(';')[0]!.trim().toLowerCase();
  return type.startsWith('text/') || /[/+]json$/.test(type) || /[/+]xml$/.test(type) || type === 'application/javascript';
}

export function buildEvent(input: {
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
export function gatewayClaims(claims: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(claims)) {
    if (value === undefined || value === null) continue;
    if (Array.isArray(value)) out[name] = `[${value.join(' ')}]`;
    else if (typeof value === 'object') out[name] = JSON.stringify(value);
    else out[name] = String(value);
  }
  return out;
}

export function scopesOf(claims: Record<string, unknown>): string[] {
  const scope = claims.scope ?? claims.scp;
  if (typeof scope === 'string') return scope.split(' ').filter(Boolean);
  if (Array.isArray(scope)) return scope.map(String);
  return [];
}

export const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** e.g. 12/Mar/2020:19:03:58 +0000 */
export function gatewayTime(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(date.getUTCDate())}/${MONTHS[date.getUTCMonth()]}/${date.getUTCFullYear()}:${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())} +0000`;
}
