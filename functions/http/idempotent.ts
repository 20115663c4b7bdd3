import { IdempotencyKey } from '#shared/api/save';
import { db } from '#functions/store/client';
import { once, type StoredAnswer } from '#functions/store/idempotency-store';
import { ApiError } from './errors';
import { header, rawBody } from './request';
import { json, jsonText } from './respond';
import type { ApiEvent, ApiResult } from './types';

/**
 * Runs a request once per Idempotency-Key (when the client sends one): a retry with the same key and
 * body gets the first answer again, without running the work twice. `scope` keeps keys apart between
 * campaigns; the key belongs to the user who sent it.
 */
export async function idempotent(event: ApiEvent, owner: string, scope: string, work: () => Promise<StoredAnswer>): Promise<ApiResult> {
  const key = header(event, 'idempotency-key');
  if (key === undefined) {
    const answer = await work();
    return json(event, answer.statusCode, answer.body);
  }
  if (!IdempotencyKey.safeParse(key).success)
    throw new ApiError('VALIDATION_FAILED', [{ path: 'Idempotency-Key', message: '8–128 characters: letters, digits, _ . : -' }]);
  const answer = await once(db(), owner, `${scope}#${key}`, rawBody(event), work);
  return jsonText(event, answer.statusCode, answer.text, { 'idempotency-key': key }, answer.gzipped);
}
