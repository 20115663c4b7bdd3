import { z } from 'zod';
import { API_ERRORS, type ApiErrorCode } from '#shared/api-errors';
import { Localized } from '#shared/localized';

/** Every refusal of the API: a stable code, the message in both languages, and what was wrong. */
export const ApiErrorBody = z.object({
  code: z.enum(Object.keys(API_ERRORS) as [ApiErrorCode, ...ApiErrorCode[]]),
  message: Localized,
  details: z.unknown().optional(),
});
export type ApiErrorBody = z.infer<typeof ApiErrorBody>;

/** API Gateway's own answer to a missing or invalid token: it never reaches a handler. */
export const GatewayUnauthorizedBody = z.object({ message: z.literal('Unauthorized') });
