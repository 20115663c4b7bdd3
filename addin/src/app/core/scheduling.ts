/** Timers, debouncing, one-at-a-time running and bounded concurrency: the controller's clockwork. */

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

/** Runs `fn` over the items with at most `limit` running at once; results in order. */
export async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next;
      next += 1;
      results[index] = await fn(items[index]!, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/** The wait before the controller tries a failed save again: 5 s doubling to 5 min, with jitter. */
export function saveRetryDelay(attempt: number, random: () => number = Math.random): number {
  const ceiling = Math.min(300_000, 5_000 * 2 ** attempt);
  return Math.round(ceiling * (0.75 + random() * 0.25));
}
