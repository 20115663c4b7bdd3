import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import { noteMetric } from './request-scope';

/** Lambda's runtime names the function; npm start, the tests and the scripts run the same code without it. */
const inLambda = Boolean(process.env.AWS_LAMBDA_FUNCTION_NAME);

/** The CDK app names each function's service after its route group (infra/lib/api-function.ts). */
const serviceName = process.env.POWERTOOLS_SERVICE_NAME || 'thidua';

/**
 * The one logger of every handler. POWERTOOLS_LOG_LEVEL (or LOG_LEVEL) sets its level; without it, INFO
 * in Lambda and SILENT elsewhere: the local runner prints its own line per request, and the tests'
 * output stays readable.
 */
export const logger = new Logger({
  serviceName,
  ...(process.env.POWERTOOLS_LOG_LEVEL || process.env.LOG_LEVEL ? {} : { logLevel: inLambda ? 'INFO' : 'SILENT' }),
});

/** CloudWatch's namespace of the product's own metrics; the alarms and dashboards look for them there. */
export const METRICS_NAMESPACE = 'Thidua';

/** One set of metrics per invocation, written to stdout as EMF (CloudWatch makes them metrics) and flushed by http/observe.ts. */
export const metrics = new Metrics({ namespace: METRICS_NAMESPACE, serviceName });

/**
 * EMF lines are for CloudWatch: written in Lambda, or wherever POWERTOOLS_METRICS_DISABLED=false asks
 * for them (a test reading them), and nowhere else, where they would only be noise on stdout.
 */
const disabledByEnv = process.env.POWERTOOLS_METRICS_DISABLED;
export const metricsEmitted = disabledByEnv === undefined ? inLambda : !/^(1|true|yes|on)$/i.test(disabledByEnv.trim());

/** The product's metrics: every name the handlers emit, so that the alarms and the README can name them. */
export const METRIC = {
  /** Rows a save wrote. */
  savedRows: 'SavedRows',
  /** Rows a save refused (the quota's counter, a row taken over), the rest of the batch written. */
  refusedRows: 'RefusedRows',
  /** Someone else changed it meanwhile: a save's stale rows, or a request refused with a conflict code. */
  conflicts: 'Conflicts',
  /** Requests refused with a 4xx, by their stable code (dimension `code`). */
  refusals: 'Refusals',
  /** The council's count itself, in-process (ms). */
  tallyTime: 'TallyTime',
  /** Documents a user asked for, drafts and recorded ones, by kind (dimension `kind`). */
  documentsGenerated: 'DocumentsGenerated',
} as const;
export type MetricName = (typeof METRIC)[keyof typeof METRIC];

/**
 * Adds to this invocation's metrics, and to the request's log line. A dimension (a refusal's code, a
 * document's kind) goes out at once as a metric of its own, so it never spills onto the others.
 */
export function recordMetric(name: MetricName, value: number, dimension?: { name: string; value: string }): void {
  const unit = name === METRIC.tallyTime ? MetricUnit.Milliseconds : MetricUnit.Count;
  noteMetric(name, value);
  if (!metricsEmitted) return;
  if (!dimension) {
    metrics.addMetric(name, unit, value);
    return;
  }
  const single = metrics.singleMetric();
  single.addDimension(dimension.name, dimension.value);
  single.addMetric(name, unit, value);
}

/** Runs synchronous work and records how long it took. */
export function timed<T>(name: MetricName, work: () => T): T {
  const started = performance.now();
  try {
    return work();
  } finally {
    recordMetric(name, Math.round((performance.now() - started) * 100) / 100);
  }
}

/** Writes this invocation's metrics (nothing when there are none: Powertools would warn). */
export function flushMetrics(): void {
  if (metricsEmitted && metrics.hasStoredMetrics()) metrics.publishStoredMetrics();
}

let coldStart = true;

/** The first invocation of a container: counted once (Powertools' ColdStart metric). */
export function captureColdStart(): void {
  if (!coldStart) return;
  coldStart = false;
  if (metricsEmitted) metrics.captureColdStartMetric();
}
