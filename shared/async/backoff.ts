/**
 * How long to wait before trying again: the ceiling doubles from `baseMs` with each attempt up to
 * `capMs`, and `fixedShare` of it is always waited while the rest is random, so that clients that
 * failed together do not come back together. A share of 0 is AWS's "full jitter", 0.5 its "equal
 * jitter", 1 a plain doubling poll.
 */
export interface Backoff {
  baseMs: number;
  capMs: number;
  fixedShare: number;
}

/** The wait before retry number `attempt` (0 for the first retry), in whole milliseconds. */
export function backoffDelay(attempt: number, schedule: Backoff, random: () => number = Math.random): number {
  const ceiling = Math.min(schedule.capMs, schedule.baseMs * 2 ** attempt);
  return Math.round(ceiling * (schedule.fixedShare + random() * (1 - schedule.fixedShare)));
}
