import { API_ERRORS, type ApiErrorCode } from '#shared/api-errors';
import type { SaveBatchResult } from '#shared/api/index';
import type { Localized } from '#shared/localized';

/** Failures the client names itself (no product body to read). */
export const CLIENT_ERRORS = {
  NETWORK: {
    vi: 'Mất kết nối mạng, chưa gửi được dữ liệu. Dữ liệu vẫn còn trong bảng và sẽ được gửi lại.',
    en: 'The network connection was lost; nothing was sent. The data is still in the sheet and will be sent again.',
  },
  TIMEOUT: {
    vi: 'Máy chủ không trả lời kịp, dữ liệu sẽ được gửi lại.',
    en: 'The server did not answer in time; the data will be sent again.',
  },
  SIGN_IN_REQUIRED: { vi: 'Cần đăng nhập lại', en: 'You need to sign in again' },
  TOO_MANY_REQUESTS: { vi: 'Máy chủ đang bận, sẽ thử lại sau giây lát', en: 'The server is busy; retrying shortly' },
  SERVICE_UNAVAILABLE: { vi: 'Máy chủ tạm thời không phục vụ được, sẽ thử lại', en: 'The server is temporarily unavailable; retrying' },
  HTTP_ERROR: { vi: 'Máy chủ trả lời lỗi {status}', en: 'The server answered with error {status}' },
  BAD_RESPONSE: { vi: 'Máy chủ trả lời không đúng định dạng', en: 'The server answered in an unexpected format' },
  UPLOAD_FAILED: {
    vi: 'Chưa tải được tệp lên (mất kết nối mạng hoặc đường dẫn tải lên đã hết hạn): hãy tải tệp lên lại',
    en: 'The file could not be uploaded (the network dropped or the upload link expired): upload it again',
  },
} as const satisfies Record<string, Localized>;

export type ClientErrorCode = keyof typeof CLIENT_ERRORS;
export type ErrorCode = ApiErrorCode | ClientErrorCode | (string & {});

/**
 * Every failure of the API client: the HTTP status (0 when nothing came back), the product's error
 * code, what to tell the user in both languages, and whether sending the same request again may work.
 * `message` (Error's own, a string) holds the Vietnamese text; `localized` holds both languages.
 */
export class ApiRequestError extends Error {
  override readonly name = 'ApiRequestError';
  readonly status: number;
  readonly code: ErrorCode;
  readonly localized: Localized;
  readonly retryable: boolean;
  readonly details: unknown;
  /** Milliseconds the server asked us to wait (Retry-After). */
  readonly retryAfterMs: number | undefined;
  /** For a save cut short: the answers of the parts that were saved before the failure. */
  partial: SaveBatchResult | undefined;

  constructor(init: {
    status: number;
    code: ErrorCode;
    message: Localized;
    retryable: boolean;
    details?: unknown;
    retryAfterMs?: number;
    cause?: unknown;
  }) {
    super(init.message.vi, init.cause === undefined ? undefined : { cause: init.cause });
    this.status = init.status;
    this.code = init.code;
    this.localized = init.message;
    this.retryable = init.retryable;
    this.details = init.details;
    this.retryAfterMs = init.retryAfterMs;
    this.partial = undefined;
  }
}

export function isApiRequestError(error: unknown): error is ApiRequestError {
  return error instanceof ApiRequestError;
}

/** A failure to reach the server at all: always worth another try. */
export function networkError(cause: unknown, timedOut = false): ApiRequestError {
  return new ApiRequestError({
    status: 0,
    code: timedOut ? 'TIMEOUT' : 'NETWORK',
    message: timedOut ? CLIENT_ERRORS.TIMEOUT : CLIENT_ERRORS.NETWORK,
    retryable: true,
    cause,
  });
}

export function signInRequired(cause?: unknown): ApiRequestError {
  return new ApiRequestError({ status: 401, code: 'SIGN_IN_REQUIRED', message: CLIENT_ERRORS.SIGN_IN_REQUIRED, retryable: false, cause });
}

function isLocalized(value: unknown): value is Localized {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Localized).vi === 'string' &&
    typeof (value as Localized).en === 'string'
  );
}

/** Status codes whose answer may differ next time. */
export function isRetryableStatus(status: number, code?: string): boolean {
  if (status === 409) return code === 'REQUEST_IN_PROGRESS';
  return status === 408 || status === 429 || status >= 500;
}

function parseRetryAfter(header: string | null): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, at - Date.now());
}

/**
 * The error for a non-2xx answer. The product answers `{code, message:{vi,en}, details}`; API Gateway's
 * own answers (401 of the authorizer, 413, 503, 504) are `{"message": "..."}` and are named by status.
 */
export function errorFromResponse(status: number, body: unknown, retryAfter: string | null = null): ApiRequestError {
  const record = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
  const retryAfterMs = parseRetryAfter(retryAfter);
  const extra = retryAfterMs === undefined ? {} : { retryAfterMs };
  if (typeof record.code === 'string' && isLocalized(record.message)) {
    return new ApiRequestError({
      status,
      code: record.code,
      message: record.message,
      retryable: isRetryableStatus(status, record.code),
      details: record.details,
      ...extra,
    });
  }
  const byStatus = (code: ErrorCode, message: Localized) =>
    new ApiRequestError({ status, code, message, retryable: isRetryableStatus(status, String(code)), details: body, ...extra });
  const known = (code: ApiErrorCode) => byStatus(code, { vi: API_ERRORS[code].vi, en: API_ERRORS[code].en });
  if (status === 401) return known('UNAUTHENTICATED');
  if (status === 403) return known('FORBIDDEN');
  if (status === 404) return known('NOT_FOUND');
  if (status === 413) return known('PAYLOAD_TOO_LARGE');
  if (status === 429) return byStatus('TOO_MANY_REQUESTS', CLIENT_ERRORS.TOO_MANY_REQUESTS);
  if (status === 503) return byStatus('SERVICE_UNAVAILABLE', CLIENT_ERRORS.SERVICE_UNAVAILABLE);
  if (status === 504) return byStatus('TIMEOUT', CLIENT_ERRORS.TIMEOUT);
  if (status >= 500) return known('INTERNAL');
  return byStatus('HTTP_ERROR', {
    vi: CLIENT_ERRORS.HTTP_ERROR.vi.replace('{status}', String(status)),
    en: CLIENT_ERRORS.HTTP_ERROR.en.replace('{status}', String(status)),
  });
}
