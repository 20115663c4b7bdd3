import { ApiError } from './errors';
import { observe } from './observe';
import type { ApiEvent, ApiHandler, ApiResult } from './types';

export type RouteAction = (event: ApiEvent) => Promise<ApiResult>;

/**
 * One Lambda serves one route group: it dispatches on the route key API Gateway sets. observe.ts
 * answers a refusal as its 4xx, a bug as a 500, and logs and measures every request.
 */
export function routeGroup(actions: Record<string, RouteAction>): ApiHandler {
  return (event, context) =>
    observe(event, context, async () => {
      const action = actions[event.routeKey];
      if (!action) throw new ApiError('NOT_FOUND', { routeKey: event.routeKey });
      return action(event);
    });
}
