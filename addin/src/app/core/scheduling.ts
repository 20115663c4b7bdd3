/** Timers, debouncing, one-at-a-time running and the save's retry delay: the controller's clockwork. */

import { backoffDelay, type Backoff } from '#shared/async/backoff';

export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const realTimers: Timers = {
  setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** Calls `fn` once, `delayMs` after the last poke. */
export function createDebouncer(delayMs: number, fn: () => void, timers: Timers) {
  let handle: unknown;
  return {
    poke() {
      if (handle !== undefined) timers.clearTimeout(handle);
      handle = timers.setTimeout(() => {
        handle = undefined;
        fn();
      }, delayMs);
    },
    cancel() {
      if (handle !== undefined) timers.clearTimeout(handle);
      handle = undefined;
    },
    get pending() {
      return handle !== undefined;
    },
  };
}

/**
 * Never two runs at once: a call while a run is going queues one more run (however many calls come
 * meanwhile), which starts when the current one ends. Each call resolves when a run that started after
 * it ends.
 */
export function createSerialRunner(task: () => Promise<void>) {
  let busy = false;
  let again = false;
  let waiting: { resolve: () => void; reject: (error: unknown) => void }[] = [];

  async function loop() {
    busy = true;
    try {
      do {
        again = false;
        const these = waiting;
        waiting = [];
        try {
          await task();
          these.forEach((waiter) => waiter.resolve());
        } catch (error) {
          these.forEach((waiter) => waiter.reject(error));
        }
      } while (again || waiting.length > 0);
    } finally {
      busy = false;
    }
  }

  return {
    run(): Promise<void> {
      return new Promise<void>((resolve, reject) => {
        waiting.push({ resolve, reject });
        if (busy) again = true;
        else void loop();
      });
    },
    get busy() {
      return busy;
    },
  };
}

/** One at a time for everything that writes the sheet (loads, saves, actions). */
export function createMutex() {
  let tail: Promise<unknown> = Promise.resolve();
  return function exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const run = tail.then(fn, fn);
    tail = run.catch(() => undefined);
    return run;
  };
}

/** The controller tries a failed save again after 5 s doubling to 5 min, a quarter of each wait random. */
const SAVE_RETRY: Backoff = { baseMs: 5_000, capMs: 300_000, fixedShare: 0.75 };

export function saveRetryDelay(attempt: number, random: () => number = Math.random): number {
  return backoffDelay(attempt, SAVE_RETRY, random);
}
