import { productError, type Reply } from './gateway-reply';

/** POST /dev/token and GET /dev/users: the local runner's sign-in, never served by API Gateway. */

export interface LocalUser {
  email: string;
  displayName?: string;
  role?: string;
  unitId?: string;
}

export interface DevRoutesOptions {
  /** Signs a token for the e-mail (already normalized: trimmed, lower case). */
  issueToken(email: string): Promise<string>;
  /** What `GET /dev/users` lists: the demo users, or the table's users as they are now (one added in the Người dùng sheet too). */
  users: readonly LocalUser[] | (() => Promise<readonly LocalUser[]>);
  /** Whether `POST /dev/token` may sign for this e-mail. Default: the e-mails of `users`. */
  allowEmail?: (email: string) => boolean | Promise<boolean>;
}

export async function devRoute(dev: DevRoutesOptions, method: string, rawPath: string, body: Buffer): Promise<Reply | undefined> {
  const json = (status: number, value: unknown): Reply => ({
    status,
    headers: { 'content-type': 'application/json; charset=utf-8' },
    body: Buffer.from(JSON.stringify(value)),
  });
  const users = async () => (typeof dev.users === 'function' ? await dev.users() : dev.users);
  if (rawPath === '/dev/users' && method === 'GET') return json(200, await users());
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
    const allowed = dev.allowEmail
      ? await dev.allowEmail(normalized)
      : (await users()).some((user) => user.email.toLowerCase() === normalized);
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
