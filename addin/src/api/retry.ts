import { backoffDelay, type Backoff } from '#shared/async/backoff';
import { isApiRequestError } from './errors';

export interface RetryPolicy extends Backoff {
  /** Attempts in all, the first one included. */
  attempts: number;
}

/**
 * 500 ms doubling to 15 s, with "equal jitter" (half of each wait fixed, half random), so that clients
 * that failed together do not come back together.
 */
export const DEFAULT_RETRY: RetryPolicy = { attempts: 5, baseMs: 500, capMs: 15_000, fixedShare: 0.5 };

export interface RetryOptions {
  policy: RetryPolicy;
  sleep: (ms: number) => Promise<void>;
  random?: () => number;
  onRetry?: (info: { retry: number; delayMs: number; error: unknown }) => void;
}

/** Runs `attempt` until it succeeds, fails for good (not retryable), or the attempts run out. */
export async function withRetry<T>(attempt: (index: number) => Promise<T>, options: RetryOptions): Promise<T> {
  for (let index = 0; ; index += 1) {
    try {
      return await attempt(index);
    } catch (error) {
      const retryable = isApiRequestError(error) && error.retryable;
      if (!retryable || index + 1 >= options.policy.attempts) throw error;
      const asked = isApiRequestError(error) ? error.retryAfterMs : undefined;
      const computed = backoffDelay(index, options.policy, options.random);
      const delayMs = asked === undefined ? computed : Math.min(Math.max(asked, computed), options.policy.capMs);
      options.onRetry?.({ retry: index + 1, delayMs, error });
      await options.sleep(delayMs);
    }
  }
}

export const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
