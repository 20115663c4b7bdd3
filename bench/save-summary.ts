/** The save bench's summary table with its goals, and the figures of BENCH_JSON. */
import { goalsTable, int, ms, table, type Goal } from './report';
import { GOAL_FLOOR_RATIO, GOAL_SINGLE_MS, round } from './save-settings';
import type { Cpu, FullSave, SingleRow, SizeResult } from './save-machinery';

export function printSummary(results: SizeResult[], context: string[]): Record<string, unknown> {
  const col = (f: (r: SizeResult) => string) => results.map(f);
  const header = ['', ...results.map((r) => `${int(r.n)} rows`)];
  const single = (s: SingleRow) => `${ms(s.sample.median)} / ${ms(s.sample.p95)}`;
  const reqs = (s: SingleRow) =>
    Math.min(...s.requests) === Math.max(...s.requests) ? `${s.requests[0]}` : `${Math.min(...s.requests)}–${Math.max(...s.requests)}`;
  const many = results.some((r) => r.runs.http.length > 1);
  const runsRow = (f: (r: SizeResult) => number[]): string[][] =>
    many
      ? [
          [
            '  runs',
            ...col(
              (r) =>
                f(r)
                  .map((t) => (t / 1000).toFixed(2))
                  .join(' / ') + ' s',
            ),
          ],
        ]
      : [];
  const rows: string[][] = [
    [`Full save from empty, HTTP (local API)${many ? ', median' : ''}`, ...col((r) => ms(r.http.ms))],
    ...runsRow((r) => r.runs.http),
    ['  batches (HTTP requests)', ...col((r) => `${r.http.httpRequests}`)],
    ['  DynamoDB requests', ...col((r) => int(r.http.dynamoRequests))],
    [`Full save from empty, in-process saveBatch${many ? ', median' : ''}`, ...col((r) => ms(r.inProcess.ms))],
    ...runsRow((r) => r.runs.inProcess),
    ['  DynamoDB requests', ...col((r) => int(r.inProcess.dynamoRequests))],
    [`Floor: plain BatchWriteItem, same items${many ? ', median' : ''}`, ...col((r) => ms(r.floor.ms))],
    ...runsRow((r) => r.runs.floor),
    ['  DynamoDB requests', ...col((r) => int(r.floor.dynamoRequests))],
    ['Full save / floor (HTTP)', ...col((r) => `${(r.http.ms / r.floor.ms).toFixed(2)}×`)],
    ...(many
      ? [['  per run (paired)', ...col((r) => r.runs.http.map((t, i) => `${(t / r.runs.floor[i]!).toFixed(2)}×`).join(' / '))]]
      : []),
    ['Full save / floor (in-process)', ...col((r) => `${(r.inProcess.ms / r.floor.ms).toFixed(2)}×`)],
    ['CPU of Node: HTTP / in-process / floor', ...col((r) => cpus(r, (cpu) => cpu.nodeMs))],
    ['CPU of DynamoDB Local: HTTP / in-process / floor', ...col((r) => cpus(r, (cpu) => cpu.dynamoMs))],
    ['One changed row, HTTP: median / p95', ...col((r) => single(r.singleHttp))],
    ['  DynamoDB requests per save', ...col((r) => reqs(r.singleHttp))],
    ['One changed row, HTTP + Idempotency-Key', ...col((r) => single(r.singleHttpIdempotent))],
    ['  DynamoDB requests per save', ...col((r) => reqs(r.singleHttpIdempotent))],
    ['One changed row, in-process: median / p95', ...col((r) => single(r.singleInProcess))],
    ['  DynamoDB requests per save', ...col((r) => reqs(r.singleInProcess))],
  ];
  console.log('\n=== Summary ===');
  for (const line of context) console.log(line);
  console.log('');
  console.log(table(rows, header));

  const goals: Goal[] = [];
  for (const r of results) {
    const ratio = r.http.ms / r.floor.ms;
    goals.push({
      goal: `Full save of ${int(r.n)} within ${GOAL_FLOOR_RATIO}× the floor (HTTP; in-process beside it)`,
      value: `${ratio.toFixed(2)}× (${(r.inProcess.ms / r.floor.ms).toFixed(2)}×)`,
      pass: ratio <= GOAL_FLOOR_RATIO,
    });
  }
  const largest = results.reduce((a, b) => (b.n > a.n ? b : a));
  goals.push({
    goal: `One changed row among ${int(largest.n)} under ${GOAL_SINGLE_MS} ms (HTTP, median)`,
    value: ms(largest.singleHttp.sample.median),
    pass: largest.singleHttp.sample.median < GOAL_SINGLE_MS,
  });
  goals.push({
    goal: `  the same at p95 (stricter reading)`,
    value: ms(largest.singleHttp.sample.p95),
    pass: largest.singleHttp.sample.p95 < GOAL_SINGLE_MS,
  });
  if (results.length > 1) {
    const counts = results.map((r) => Math.max(...r.singleHttp.requests));
    const flat =
      counts.every((c) => c === counts[0]) &&
      results.every((r) => Math.min(...r.singleHttp.requests) === Math.max(...r.singleHttp.requests));
    goals.push({ goal: 'One changed row: request count does not grow with the campaign', value: counts.join(' vs '), pass: flat });
  }
  console.log('\nWhere a full save spends its time beyond the floor (the medians; the phases of the last run):');
  for (const r of results) console.log(beyondFloor(r));
  console.log('');
  console.log(goalsTable(goals));

  return {
    sizes: results.map((r) => ({
      n: r.n,
      batches: r.batches,
      fullSaveHttp: {
        ms: round(r.http.ms),
        runsMs: r.runs.http.map((t) => round(t)),
        dynamoRequests: r.http.dynamoRequests,
        httpRequests: r.http.httpRequests,
        lastRunBatches: (r.http.phases ?? []).map((p) => ({
          rows: p.rows,
          beforeWritesMs: round(p.beforeWritesMs),
          writesMs: round(p.writesMs),
          afterWritesMs: round(p.afterWritesMs),
        })),
      },
      cpuMs: {
        http: cpuJson(r.http.cpu),
        inProcess: cpuJson(r.inProcess.cpu),
        floor: cpuJson(r.floor.cpu),
      },
      fullSaveInProcess: {
        ms: round(r.inProcess.ms),
        runsMs: r.runs.inProcess.map((t) => round(t)),
        dynamoRequests: r.inProcess.dynamoRequests,
        parseMs: round(r.inProcess.parseMs!),
      },
      floor: {
        ms: round(r.floor.ms),
        runsMs: r.runs.floor.map((t) => round(t)),
        dynamoRequests: r.floor.dynamoRequests,
        items: r.floor.items,
      },
      ratioHttp: round(r.http.ms / r.floor.ms, 3),
      ratioHttpPerRun: r.runs.http.map((t, i) => round(t / r.runs.floor[i]!, 3)),
      ratioInProcess: round(r.inProcess.ms / r.floor.ms, 3),
      singleHttp: singleJson(r.singleHttp),
      singleHttpIdempotent: singleJson(r.singleHttpIdempotent),
      singleInProcess: singleJson(r.singleInProcess),
      fullSaveHttpByCommand: Object.fromEntries(
        r.http.profile.labels.map((l) => [l.label, { count: l.count, busyMs: round(l.busyMs), meanMs: round(l.meanMs) }]),
      ),
    })),
    goals: goals.map((g) => ({ goal: g.goal.trim(), value: g.value, pass: g.pass })),
  };
}

const singleJson = (s: SingleRow) => ({
  medianMs: round(s.sample.median),
  p95Ms: round(s.sample.p95),
  minMs: round(s.sample.min),
  maxMs: round(s.sample.max),
  dynamoRequests: s.requests,
});

const cpuJson = (cpu: Cpu) => ({ node: round(cpu.nodeMs), dynamoDbLocal: cpu.dynamoMs === undefined ? null : round(cpu.dynamoMs) });

function cpus(r: SizeResult, clock: (cpu: Cpu) => number | undefined): string {
  const figures = [r.http, r.inProcess, r.floor].map((save) => clock(save.cpu));
  return figures.every((value) => value !== undefined) ? figures.map((value) => ms(value!)).join(' / ') : 'n/a';
}

/**
 * One size's full save over HTTP against its floor, in a few lines: the wall time beyond the floor split
 * at the writes (before the first BatchWriteItem: the request, the parse, the reads and the checks; after
 * the last: the answer), and the CPU each side spent, Node's and DynamoDB Local's.
 */
function beyondFloor(r: SizeResult): string {
  const sum = (save: FullSave, part: 'beforeWritesMs' | 'writesMs' | 'afterWritesMs') =>
    (save.phases ?? []).reduce((total, phase) => total + phase[part], 0);
  const extra = (value: number | undefined, floor: number | undefined) =>
    value === undefined || floor === undefined ? 'n/a' : `${ms(value)} (floor ${ms(floor)})`;
  return [
    `  ${int(r.n)} rows over HTTP: ${ms(r.http.ms)}, the floor ${ms(r.floor.ms)}, ${ms(r.http.ms - r.floor.ms)} more.`,
    `    before the first write ${ms(sum(r.http, 'beforeWritesMs'))}, writing ${ms(sum(r.http, 'writesMs'))}, after the last write ${ms(sum(r.http, 'afterWritesMs'))}`,
    `    CPU of Node ${extra(r.http.cpu.nodeMs, r.floor.cpu.nodeMs)}, of DynamoDB Local ${extra(r.http.cpu.dynamoMs, r.floor.cpu.dynamoMs)}`,
  ].join('\n');
}
