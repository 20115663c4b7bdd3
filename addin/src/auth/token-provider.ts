import type { Localized } from '#shared/localized';

/** A user the local runner can sign for (GET /dev/users). */
export interface DevUser {
  email: string;
  displayName?: string;
  role?: string;
  unitId?: string;
}

/**
 * Where the pane's bearer tokens come from. Three implementations: the local runner's dev tokens
 * (`createDevTokenProvider`), Microsoft Entra ID through nested app authentication
 * (`createNaaTokenProvider`), and any OpenID Connect issuer through Office's dialog
 * (`createOidcTokenProvider`). The API client only calls `getToken`.
 */
export interface TokenProvider {
  readonly kind: 'dev' | 'microsoft' | 'oidc';
  /** Dev only: the demo users for the sign-in picker. */
  listUsers?(): Promise<DevUser[]>;
  /** Signs in again without asking, from what was remembered; false when the user has to act. */
  restore(): Promise<boolean>;
  /** Interactive sign-in (dev: as this e-mail). */
  signIn(email?: string): Promise<void>;
  signOut(): Promise<void>;
  isSignedIn(): boolean;
  /** A token for the API; `forceRefresh` after the API answered 401. Rejects with AuthError. */
  getToken(forceRefresh?: boolean): Promise<string>;
}

export type AuthErrorCode = 'SIGN_IN_REQUIRED' | 'CANCELLED' | 'UNKNOWN_USER' | 'FAILED';

const AUTH_MESSAGES: Record<AuthErrorCode, Localized> = {
  SIGN_IN_REQUIRED: { vi: 'Cần đăng nhập', en: 'You need to sign in' },
  CANCELLED: { vi: 'Đã huỷ đăng nhập', en: 'Sign-in was cancelled' },
  UNKNOWN_USER: { vi: 'Tài khoản chưa được cấp quyền sử dụng', en: 'This account has not been given access' },
  FAILED: { vi: 'Đăng nhập không thành công, hãy thử lại', en: 'Sign-in failed; try again' },
};

export class AuthError extends Error {
  override readonly name = 'AuthError';
  readonly localized: Localized;

  constructor(
    readonly code: AuthErrorCode,
    options?: { cause?: unknown; message?: Localized },
  ) {
    const localized = options?.message ?? AUTH_MESSAGES[code];
    super(localized.vi, options?.cause === undefined ? undefined : { cause: options.cause });
    this.localized = localized;
  }
}

export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}
