import type { ApiErrorCode } from '#shared/api-errors';
import type { Localized } from '#shared/localized';

/** Why a round may not go on: the code the API answers, its details, and a message when the code's own is too vague. */
export interface RoundRefusal {
  code: ApiErrorCode;
  details: Record<string, unknown>;
  message?: Localized;
}
