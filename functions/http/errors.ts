import type { ApiErrorBody } from '#shared/api/error';
import { API_ERRORS, type ApiErrorCode } from '#shared/api-errors';
import type { Localized } from '#shared/localized';
import type { z } from 'zod';

/** A refusal the client caused: answered as a 4xx with a stable code, never as a 5xx. */
export class ApiError extends Error {
  readonly status: number;
  constructor(
    readonly code: ApiErrorCode,
    readonly details?: unknown,
    readonly localized: Localized = API_ERRORS[code],
  ) {
    super(`${code}: ${API_ERRORS[code].en}`);
    this.status = API_ERRORS[code].status;
  }

  toBody(): ApiErrorBody {
    const body: ApiErrorBody = { code: this.code, message: { vi: this.localized.vi, en: this.localized.en } };
    if (this.details !== undefined) body.details = this.details;
    return body;
  }
}

/** zod's findings as details a client can point at: the path of each bad value and why. */
export function zodDetails(error: z.ZodError): { path: string; message: string }[] {
  return error.issues.slice(0, 50).map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
}
