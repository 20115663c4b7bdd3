import { createApiClient } from '#addin/api/index';
import { createPaneController, type PaneDeps } from '#addin/app/controller';
import type { Timers } from '#addin/app/core/scheduling';
import { createDevTokenProvider } from '#addin/auth/index';
import { FakeGateway } from './fake-gateway';
import type { PaneServer } from '#tests/support/pane-api';

export class MemoryStorage {
  readonly items = new Map<string, string>();
  getItem = (key: string) => this.items.get(key) ?? null;
  setItem = (key: string, value: string) => void this.items.set(key, value);
  removeItem = (key: string) => void this.items.delete(key);
}

/** Timers that move only when the test says so. */
export function manualTimers() {
  const pending = new Map<number, { at: number; fn: () => void }>();
  let clock = 0;
  let next = 1;
  const timers: Timers = {
    setTimeout: (fn, ms) => {
      pending.set(next, { at: clock + ms, fn });
      return next++;
    },
    clearTimeout: (handle) => void pending.delete(handle as number),
  };
  return {
    timers,
    get scheduled() {
      return [...pending.values()].map((timer) => timer.at - clock);
    },
    advance(ms: number) {
      clock += ms;
      for (const [handle, timer] of [...pending].sort((a, b) => a[1].at - b[1].at)) {
        if (timer.at <= clock) {
          pending.delete(handle);
          timer.fn();
        }
      }
    },
  };
}

export const HR = 'tochuc@thidua.local';

/**
 * A pane over the real API (tests/support/pane-api.ts) and the in-memory workbook: the real
 * controller, client and dev sign-in.
 */
export async function openPane(options: {
  server: PaneServer;
  email?: string | null;
  gateway?: FakeGateway;
  storage?: MemoryStorage;
  /** More of the pane's ports (the council's sheets, how a file is offered). */
  deps?: Partial<PaneDeps>;
}) {
  const { server } = options;
  const gateway = options.gateway ?? new FakeGateway();
  const storage = options.storage ?? new MemoryStorage();
  const clock = manualTimers();
  const tokens = createDevTokenProvider('/api', { fetch: server.fetch, storage });
  const api = createApiClient({
    baseUrl: '/api',
    getToken: (force) => tokens.getToken(force),
    fetch: server.fetch,
    sleep: async () => undefined,
    random: () => 0.5,
    retry: { attempts: 2 },
  });
  const controller = createPaneController({
    gateway,
    api,
    tokens,
    storage,
    timers: clock.timers,
    random: () => 1,
    now: () => new Date('2025-09-26T03:04:00Z'),
    ...options.deps,
  });
  await controller.start();
  const email = options.email === undefined ? HR : options.email;
  if (email) await controller.actions.signIn(email);
  await controller.idle();
  return { server, gateway, storage, clock, controller, actions: controller.actions, state: () => controller.getState() };
}
