import { ApiError } from '#functions/http/errors';

type Key = Record<string, unknown>;

/** A page's position as an opaque token for the client. */
export function encodeCursor(key: Key | undefined): string | undefined {
  return key ? Buffer.from(JSON.stringify(key)).toString('base64url') : undefined;
}

/** A client's cursor back into a key of the partition it pages through; anything else is a 400. */
export function decodeCursor(cursor: string | undefined, partition: string): Key | undefined {
  if (cursor === undefined) return undefined;
  let key: unknown;
  try {
    key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    key = undefined;
  }
  const valid =
    typeof key === 'object' &&
    key !== null &&
    Object.keys(key).length === 2 &&
    (key as Key).PK === partition &&
    typeof (key as Key).SK === 'string' &&
    ((key as Key).SK as string).length <= 512;
  if (!valid) throw new ApiError('VALIDATION_FAILED', [{ path: 'cursor', message: 'not a cursor this list gave out' }]);
  return key as Key;
}
