import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * What one request's log line says beyond the event: the signed-in user's role (never who they are)
 * and the metrics it recorded. Kept per request, not per process: the local runner serves many at once
 * through the same handlers.
 */
export interface RequestScope {
  role?: string;
  metrics: Record<string, number>;
}

const storage = new AsyncLocalStorage<RequestScope>();

export function runInRequestScope<T>(scope: RequestScope, work: () => Promise<T>): Promise<T> {
  return storage.run(scope, work);
}

/** The role of the signed-in user, once the table has said it (functions/http/auth.ts). */
export function noteRole(role: string): void {
  const scope = storage.getStore();
  if (scope) scope.role = role;
}

/** A metric's value, summed over the request, for its log line. */
export function noteMetric(name: string, value: number): void {
  const scope = storage.getStore();
  if (scope) scope.metrics[name] = (scope.metrics[name] ?? 0) + value;
}
