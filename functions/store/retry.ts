import { backoffDelay } from '#shared/async/backoff';

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Exponential backoff with full jitter, as AWS recommends for throttled and unprocessed work. */
export function backoff(attempt: number, baseMs = 25, capMs = 2000): Promise<void> {
  return sleep(backoffDelay(attempt, { baseMs, capMs, fixedShare: 0 }));
}
