import { gzipSync } from 'node:zlib';
import type { ApiEvent, ApiResult } from './types';

/** Lambda's synchronous answer is capped at 6 MB; big JSON goes gzipped when the client accepts it. */
const COMPRESS_ABOVE_BYTES = 256 * 1024;

export function json(event: ApiEvent | undefined, statusCode: number, body: unknown, headers: Record<string, string> = {}): ApiResult {
  const text = JSON.stringify(body);
  const acceptsGzip = /\bgzip\b/.test(event?.headers?.['accept-encoding'] ?? '');
  if (acceptsGzip && text.length > COMPRESS_ABOVE_BYTES) {
    return {
      statusCode,
      headers: { 'content-type': 'application/json; charset=utf-8', 'content-encoding': 'gzip', ...headers },
      body: gzipSync(text).toString('base64'),
      isBase64Encoded: true,
    };
  }
  return { statusCode, headers: { 'content-type': 'application/json; charset=utf-8', ...headers }, body: text };
}
