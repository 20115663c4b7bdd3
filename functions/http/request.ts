import type { z } from 'zod';
import { parseJsonNfc } from '#shared/text';
import { ApiError, zodDetails } from './errors';
import type { ApiEvent } from './types';

/** Lambda takes at most 6 MB per synchronous request; refuse early with a clear 413 rather than fail. */
export const MAX_BODY_BYTES = 6 * 1024 * 1024;

export function rawBody(event: ApiEvent): string {
  if (!event.body) return '';
  const text = event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body;
  if (Buffer.byteLength(text) > MAX_BODY_BYTES) throw new ApiError('PAYLOAD_TOO_LARGE', { maxBytes: MAX_BODY_BYTES });
  return text;
}

/**
 * The body checked against a schema: invalid JSON, wrong types and unknown fields are all 400s. This is
 * the API's one door for stored text: every string is made NFC here, before validation, so that nothing
 * behind it ever sees the same Vietnamese name in two Unicode forms.
 */
export function parseBody<S extends z.ZodType>(event: ApiEvent, schema: S): z.infer<S> {
  // Read outside the try: a body over the limit is a 413, not a JSON error.
  const text = rawBody(event) || 'null';
  let value: unknown;
  try {
    value = parseJsonNfc(text);
  } catch {
    throw new ApiError('INVALID_JSON');
  }
  const result = schema.safeParse(value);
  if (!result.success) throw new ApiError('VALIDATION_FAILED', zodDetails(result.error));
  return result.data;
}

export function parseQuery<S extends z.ZodType>(event: ApiEvent, schema: S): z.infer<S> {
  const result = schema.safeParse(event.queryStringParameters ?? {});
  if (!result.success) throw new ApiError('VALIDATION_FAILED', zodDetails(result.error));
  return result.data;
}

export function pathParam(event: ApiEvent, name: string): string {
  const value = event.pathParameters?.[name];
  if (!value) throw new ApiError('NOT_FOUND');
  return value;
}

/** A path parameter that must be one of a schema's values: anything else names no resource, a 404. */
export function parsePathParam<S extends z.ZodType>(event: ApiEvent, name: string, schema: S): z.infer<S> {
  const result = schema.safeParse(pathParam(event, name));
  if (!result.success) throw new ApiError('NOT_FOUND');
  return result.data;
}

export function header(event: ApiEvent, name: string): string | undefined {
  return event.headers?.[name.toLowerCase()];
}
