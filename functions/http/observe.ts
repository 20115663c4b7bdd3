import type { Context } from 'aws-lambda';
import type { ApiErrorCode } from '#shared/api-errors';
import { captureColdStart, flushMetrics, logger, METRIC, recordMetric } from '#functions/commons/powertools';
import { runInRequestScope, type RequestScope } from '#functions/commons/request-scope';
import { ApiError } from './errors';
import { json } from './respond';
import type { ApiEvent, ApiResult } from './types';

/** Refusals that mean "someone else changed it meanwhile": the client reloads, nothing is wrong. */
const CONFLICT_CODES: ReadonlySet<ApiErrorCode> = new Set([
  'VERSION_CONFLICT',
  'DOCUMENT_VERSION_CONFLICT',
  'DOCUMENT_CHANGED_SINCE',
  'BALLOTS_CHANGED',
  'REQUEST_IN_PROGRESS',
]);

export type Outcome = 'ok' | 'refused' | 'conflict' | 'error';

/**
 * Every request of every handler goes through here: a refusal becomes its 4xx answer, anything else is
 * a bug (logged with its stack, answered 500 without details). Then one structured line per request,
 * the fields CloudWatch Logs Insights queries by: request id, route key, the user's role (never the
 * e-mail or the name), status, outcome with the refusal's code, latency and the metrics it recorded.
 */
export async function observe(event: ApiEvent, context: Context | undefined, work: () => Promise<ApiResult>): Promise<ApiResult> {
  const started = performance.now();
  if (context) logger.addContext(context);
  captureColdStart();
  const scope: RequestScope = { metrics: {} };
  const request = { requestId: event.requestContext.requestId, routeKey: event.routeKey };
  let code: ApiErrorCode | undefined;
  const result = await runInRequestScope(scope, async () => {
    try {
      return await work();
    } catch (error) {
      if (error instanceof ApiError) {
        code = error.code;
        recordMetric(METRIC.refusals, 1, { name: 'code', value: code });
        if (CONFLICT_CODES.has(code)) recordMetric(METRIC.conflicts, 1);
        return json(event, error.status, error.toBody());
      }
      logger.error('unhandled error', { ...request, role: scope.role ?? 'none', error: error as Error });
      return json(event, 500, new ApiError('INTERNAL').toBody());
    }
  });
  logger.info('request', {
    ...request,
    role: scope.role ?? 'none',
    status: result.statusCode,
    outcome: outcomeOf(result.statusCode ?? 200, code, scope),
    ...(code ? { code } : {}),
    latencyMs: Math.round(performance.now() - started),
    ...(Object.keys(scope.metrics).length > 0 ? { metrics: scope.metrics } : {}),
  });
  flushMetrics();
  return result;
}

function outcomeOf(status: number, code: ApiErrorCode | undefined, scope: RequestScope): Outcome {
  if (status >= 500) return 'error';
  if (code) return CONFLICT_CODES.has(code) ? 'conflict' : 'refused';
  // A save that answered 200 with stale rows among the ones it wrote.
  return (scope.metrics[METRIC.conflicts] ?? 0) > 0 ? 'conflict' : 'ok';
}
