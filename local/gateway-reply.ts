import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ApiResult } from '#functions/http/types';
import {
  CORS_ALLOWED_HEADERS,
  CORS_ALLOWED_METHODS,
  CORS_MAX_AGE_SECONDS,
  LAMBDA_MAX_PAYLOAD_BYTES,
  isAllowedOrigin,
} from './gateway-limits';

/** The answer as API Gateway makes it: from the Lambda's result, or its own ({"message": ...}), with CORS. */

export interface Reply {
  status: number;
  headers: Record<string, string | string[]>;
  body: Buffer;
}

export const GATEWAY = {
  notFound: () => gatewayReply(404, 'Not Found'),
  unauthorized: (challenge: string) => gatewayReply(401, 'Unauthorized', { 'www-authenticate': challenge }),
  tooLarge: () => gatewayReply(413, 'Request Entity Too Large'),
  internal: () => gatewayReply(500, 'Internal Server Error'),
  unavailable: () => gatewayReply(503, 'Service Unavailable'),
};

/** How API Gateway reads a payload-2.0 result, including its guess when there is no statusCode. */
export function fromResult(result: unknown): Reply {
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

export function gatewayReply(status: number, message: string, extra: Record<string, string> = {}): Reply {
  return { status, headers: { 'content-type': 'application/json', ...extra }, body: Buffer.from(JSON.stringify({ message })) };
}

export function productError(status: number, code: string, vi: string, en: string): Reply {
  return {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8' },
    body: Buffer.from(JSON.stringify({ code, message: { vi, en } })),
  };
}

export function payloadTooLarge(): Reply {
  return productError(
    413,
    'PAYLOAD_TOO_LARGE',
    'Dữ liệu gửi lên quá lớn (tối đa 6 MB mỗi lần). Hãy lưu thành nhiều lần, mỗi lần ít dòng hơn.',
    'The request is too large (at most 6 MB at a time). Save in several smaller batches.',
  );
}

export function corsHeaders(req: IncomingMessage): Record<string, string> {
  const origin = req.headers.origin;
  if (!origin || !isAllowedOrigin(origin)) return {};
  return { 'access-control-allow-origin': origin, vary: 'origin' };
}

export function preflightHeaders(req: IncomingMessage): Record<string, string> {
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

export function send(res: ServerResponse, reply: Reply, req: IncomingMessage, requestId: string): void {
  if (res.headersSent || res.destroyed) return;
  const headers = { ...reply.headers, ...corsHeaders(req), 'apigw-requestid': requestId, 'content-length': String(reply.body.length) };
  res.writeHead(reply.status, headers);
  res.end(req.method === 'HEAD' ? undefined : reply.body);
}
