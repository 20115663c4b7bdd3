import { Logger } from '@aws-lambda-powertools/logger';
import { ApiError } from './errors';
import { json } from './respond';
import type { ApiEvent, ApiHandler, ApiResult } from './types';

export const logger = new Logger({ serviceName: 'thidua' });

export type RouteAction = (event: ApiEvent) => Promise<ApiResult>;

/**
 * One Lambda serves one route group: it dispatches on the route key API Gateway sets, and turns a
 * refusal into its 4xx answer. Anything else is a bug: logged, and answered 500 without details.
 */
export function routeGroup(actions: Record<string, RouteAction>): ApiHandler {
  return async (event) => {
    const action = actions[event.routeKey];
    try {
      if (!action) throw new ApiError('NOT_FOUND', { routeKey: event.routeKey });
      return await action(event);
    } catch (error) {
      if (error instanceof ApiError) return json(event, error.status, error.toBody());
      logger.error('unhandled error', { routeKey: event.routeKey, error: error as Error });
      return json(event, 500, new ApiError('INTERNAL').toBody());
    }
  };
}
