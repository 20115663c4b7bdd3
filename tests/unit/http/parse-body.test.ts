import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { MAX_BODY_BYTES, parseBody } from '#functions/http/request';
import type { ApiEvent } from '#functions/http/types';

const event = (body: string) => ({ body, isBase64Encoded: false }) as unknown as ApiEvent;
const codeOf = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    return (error as { code?: string }).code;
  }
  return undefined;
};

describe('parseBody: the API door names what is wrong with a body', () => {
  it('a body over the limit is PAYLOAD_TOO_LARGE, not a JSON error', () => {
    const body = JSON.stringify({ text: 'a'.repeat(MAX_BODY_BYTES) });
    expect(codeOf(() => parseBody(event(body), z.object({ text: z.string() })))).toBe('PAYLOAD_TOO_LARGE');
  });

  it('text that is not JSON is INVALID_JSON', () => {
    expect(codeOf(() => parseBody(event('{"a":'), z.object({})))).toBe('INVALID_JSON');
  });

  it('JSON of the wrong shape is VALIDATION_FAILED', () => {
    expect(codeOf(() => parseBody(event('{"a":1}'), z.strictObject({ b: z.int() })))).toBe('VALIDATION_FAILED');
  });
});
