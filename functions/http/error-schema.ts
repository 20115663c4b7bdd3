import { z } from 'zod';
import { API_ERRORS } from '#shared/api-errors';

/** The shape of every refusal, for the OpenAPI document. */
export const ApiErrorBodySchema = z.object({
  code: z.enum(Object.keys(API_ERRORS) as [keyof typeof API_ERRORS, ...(keyof typeof API_ERRORS)[]]),
  message: z.object({ vi: z.string(), en: z.string() }),
  details: z.unknown().optional(),
});
