import type { Localized } from '#shared/localized';
import { isApiRequestError, type ApiRequestError } from '#addin/api/index';
import { AuthError } from '#addin/auth/token-provider';
import { ExcelFailure } from '#addin/excel/gateway';
import { localized } from '#addin/i18n/index';

/** What to tell the user about a failure, whichever layer it came from. */
export function describeError(error: unknown): Localized {
  if (isApiRequestError(error)) return error.localized;
  if (error instanceof AuthError) return error.localized;
  if (error instanceof ExcelFailure) return error.userMessage;
  return localized('error.unexpected', { message: error instanceof Error ? error.message : String(error) });
}

/** The session is gone: the pane asks to sign in again rather than showing an error. */
export function isSignInProblem(error: unknown): boolean {
  if (error instanceof AuthError) return error.code === 'SIGN_IN_REQUIRED';
  return isApiRequestError(error) && (error.code === 'SIGN_IN_REQUIRED' || error.code === 'UNAUTHENTICATED');
}

/** One field of an API error's details (the row it names, the ids it did not find...). */
export function errorDetail(error: ApiRequestError, key: string): unknown {
  return typeof error.details === 'object' && error.details !== null ? (error.details as Record<string, unknown>)[key] : undefined;
}
