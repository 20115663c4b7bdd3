import { gzipSync } from 'node:zlib';
import type { ApiEvent, ApiResult } from './types';

/** Lambda's synchronous answer is capped at 6 MB; big JSON goes gzipped when the client accepts it. */
const COMPRESS_ABOVE_BYTES = 256 * 1024;

export function json(event: ApiEvent | undefined, statusCode: number, body: unknown, headers: Record<string, string> = {}): ApiResult {
  return jsonText(event, statusCode, JSON.stringify(body), headers);
}

/**
 * JSON already serialised, with its gzip when the caller has made it already (an answer kept for its
 * Idempotency-Key is serialised and gzipped once, for the record and the client alike).
 */
export function jsonText(
  event: ApiEvent | undefined,
  statusCode: number,
  text: string,
  headers: Record<string, string> = {},
  gzipped?: Buffer,
): ApiResult {
  const acceptsGzip = /\bgzip\b/.test(event?.headers?.['accept-encoding'] ?? '');
  if (acceptsGzip && text.length > COMPRESS_ABOVE_BYTES) {
    return {
      statusCode,
      headers: { 'content-type': 'application/json; charset=utf-8', 'content-encoding': 'gzip', ...headers },
      body: (gzipped ?? gzipSync(text)).toString('base64'),
      isBase64Encoded: true,
    };
  }
  return { statusCode, headers: { 'content-type': 'application/json; charset=utf-8', ...headers }, body: text };
}

/**
 * A file to download: base64 with isBase64Encoded, which is how API Gateway's HTTP API (and the
 * local runner) passes binary bytes through; the name in ASCII and, for Vietnamese, in RFC 5987 form.
 */
export function file(bytes: Uint8Array, contentType: string, filename: string): ApiResult {
  const ascii = filename
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^\w.-]/g, '-');
  return {
    statusCode: 200,
    headers: {
      'content-type': contentType,
      'content-disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`,
      'cache-control': 'no-store',
    },
    body: Buffer.from(bytes).toString('base64'),
    isBase64Encoded: true,
  };
}
