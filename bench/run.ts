/**
 * `npm run bench`: the save path against an in-memory DynamoDB Local, for campaigns of 1,000 and 10,000
 * nominations. For each size:
 *   a) a full save from empty through the local API (the real handlers behind the API Gateway stand-in,
 *      over HTTP), in batches of at most 5,000 rows sent one after the other; and the same in-process
 *      (saveBatch called directly), to separate the HTTP/JSON overhead;
 *   b) one changed row saved into the full campaign, repeated (median, p95), with its request count;
 *   c) the floor: plain BatchWriteItem of the same nomination items (the store's toItem of the
 *      nominations the save stored), 25 to a request, 8 in flight, into a fresh table.
 * Each run does the three full saves back to back (in-process, floor, HTTP), so the machine's load
 * hits them alike. "A fresh table" is the table `bench` deleted and made again: the product's store
 * binds its one client to TABLE_NAME once per process, so the name cannot change between scenarios.
 * Requests are counted with the product's requestCounter and, by command, with a bench-only
 * middleware added to db().doc from outside (bench/profile.ts); the product code is not changed.
 * It prints where the time goes (DynamoDB commands by type, each batch split at its writes), a
 * summary table with the goals, and a last line `BENCH_JSON {...}` for tooling.
 *
 * Environment: BENCH_SIZES (1000,10000), BENCH_SINGLE_REPEATS (20), BENCH_REPEATS (full saves and
 * floors per size, median reported; default 5), BENCH_WARMUP (1000; 0 for none), BENCH_CPU_PROFILE=1
 * (one more, untimed full save of the largest size under the V8 CPU profiler: self time by function).
 */
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { startDynamoDbLocal, type DynamoDbLocal } from '#local/dynamodb-local';
import type { LocalApi } from '#local/server';
import { MAX_BATCH_ROWS, SaveBatchRequest, type SaveBatchResult } from '#shared/api/save';
import { saveBatch } from '#functions/nominations/save';
import { getCampaign } from '#functions/store/campaign-store';
import { createDocumentClient, db, requestCounter } from '#functions/store/client';
import { deleteTable, ensureTable } from '#functions/store/ensure-table';
import { toItem } from '#functions/store/nomination-items';
import { loadAllNominations } from '#functions/store/nomination-reads';
import { getUser } from '#functions/store/org-store';
import { seedDemoData } from '#functions/store/seed';
import type { NominationChange } from '#shared/nomination';
import { SEED_CAMPAIGN } from '#shared/seed/campaign-2025';
import { runAddinBench } from './addin';
import { runCouncilBench } from './council';
import { cpuProfile } from './cpu';
import { plainBatchWrite } from './floor';
import { startBenchApi } from './local-api';
import { CallLog, type Call } from './profile';
import { goalsTable, int, ms, percentile, profile, profileTable, sample, table, type Goal, type Profile, type Sample } from './report';
import { makeRows } from './rows';

const SIZES = (process.env.BENCH_SIZES ?? '1000,10000')
  .split(',')
  .map((s) => Number(s.trim()))
  .filter((n) => n > 0);
const SINGLE_REPEATS = Number(process.env.BENCH_SINGLE_REPEATS ?? 20);
const REPEATS = Math.max(1, Number(process.env.BENCH_REPEATS ?? 5));
const WARMUP = Number(process.env.BENCH_WARMUP ?? 1000);
const CPU_PROFILE = process.env.BENCH_CPU_PROFILE === '1';
const TABLE_NAME = 'bench';
const REGION = 'ap-southeast-1';
const HR_EMAIL = 'tochuc@thidua.local';
const CAMPAIGN_ID = SEED_CAMPAIGN.id;
const BATCH_PATH = `/campaigns/${CAMPAIGN_ID}/nominations/batch`;

const GOAL_FLOOR_RATIO = 1.5;
const GOAL_SINGLE_MS = 150;

const started = performance.now();
const progress = (line: string) => console.log(`[${((performance.now() - started) / 1000).toFixed(1).padStart(6)} s] ${line}`);

// ---- What one size measures

interface FullSave {
  ms: number;
  dynamoRequests: number;
  httpRequests: number;
  /** Each batch's phases: before its first BatchWriteItem, its writes, after its last one (ms). */
  phases?: BatchPhases[];
  profile: Profile;
  /** In-process only: the zod parse of the batches, which the handler does before saveBatch (not in `ms`). */
  parseMs?: number;
  requestBytes?: number;
  responseBytes?: number;
}

interface BatchPhases {
  rows: number;
  beforeWritesMs: number;
  writesMs: number;
  afterWritesMs: number;
  totalMs: number;
}

/** Splits each batch's window at its first and last BatchWriteItem (the part a floor would also take). */
function phasesOf(windows: readonly { from: number; to: number; rows: number }[], calls: readonly Call[]): BatchPhases[] {
  return windows.map(({ from, to, rows }) => {
    const writes = calls.filter((call) => call.label === 'BatchWriteItem' && call.start >= from && call.start < to);
    const first = writes.length ? Math.min(...writes.map((c) => c.start)) : to;
    const last = writes.length ? Math.max(...writes.map((c) => c.end)) : to;
    return { rows, beforeWritesMs: first - from, writesMs: last - first, afterWritesMs: to - last, totalMs: to - from };
  });
}

interface SingleRow {
  sample: Sample;
  /** DynamoDB requests of each save. */
  requests: number[];
  profile: Profile;
  /** The requests of the median save, in order. */
  timeline: { label: string; atMs: number; tookMs: number; items: number; scanned?: number }[];
}

interface SizeResult {
  n: number;
  batches: number;
  http: FullSave;
  inProcess: FullSave;
  floor: FullSave & { items: number; itemBytes: number };
  singleHttp: SingleRow;
  singleHttpIdempotent: SingleRow;
  singleInProcess: SingleRow;
  issueCodes: Record<string, number>;
  summary: SaveBatchResult['summary'];
  runs: { http: number[]; inProcess: number[]; floor: number[] };
}

// ---- The machinery

interface Bench {
  dynamo: DynamoDbLocal;
  admin: DynamoDBClient;
  /** The bench's own client (seeding, the floor), separate from the product's db().doc. */
  doc: DynamoDBDocumentClient;
  api: LocalApi;
  baseUrl: string;
  token: string;
  log: CallLog;
}

async function freshTable(bench: Bench, seed: boolean): Promise<void> {
  await deleteTable(bench.admin, TABLE_NAME);
  await ensureTable(bench.admin, TABLE_NAME);
  if (seed) await seedDemoData(bench.doc, TABLE_NAME);
}

function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

async function post(bench: Bench, body: string, headers: Record<string, string> = {}): Promise<{ result: SaveBatchResult; bytes: number }> {
  const response = await fetch(`${bench.baseUrl}${BATCH_PATH}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${bench.token}`, 'content-type': 'application/json', ...headers },
    body,
  });
  const text = await response.text();
  if (response.status !== 200) throw new Error(`POST ${BATCH_PATH} answered ${response.status}: ${text.slice(0, 500)}`);
  return { result: JSON.parse(text) as SaveBatchResult, bytes: Number(response.headers.get('content-length') ?? text.length) };
}

function expectAllSaved(result: SaveBatchResult, count: number, what: string): void {
  if (result.summary.saved !== count) {
    const other = result.rows.find((row) => row.outcome !== 'saved');
    throw new Error(
      `${what}: ${result.summary.saved} of ${count} rows saved (${JSON.stringify(result.summary)}; e.g. ${JSON.stringify(other)?.slice(0, 400)})`,
    );
  }
}

/** Runs the timed part with the request counter and the call log around it. */
async function measured<T>(
  bench: Bench,
  work: () => Promise<T>,
): Promise<{ value: T; ms: number; requests: number; calls: Call[]; from: number; to: number }> {
  const before = requestCounter.count;
  const from = performance.now();
  const value = await work();
  const to = performance.now();
  return { value, ms: to - from, requests: requestCounter.count - before, calls: bench.log.between(from, to), from, to };
}

// ---- One size

async function runSize(bench: Bench, n: number, options: { singleRepeats: number; repeats: number; label: string }): Promise<SizeResult> {
  const rows = makeRows(n);
  const batches = chunk(rows, MAX_BATCH_ROWS);
  const bodies = batches.map((batch) => JSON.stringify({ rows: batch }));
  const tag = `${options.label} ${int(n)} rows`;
  await freshTable(bench, true);
  const hr = (await getUser(db(), HR_EMAIL))!;
  const storedCampaign = await getCampaign(db(), CAMPAIGN_ID);
  const runNote = (run: number) => (options.repeats > 1 ? ` (run ${run + 1}/${options.repeats})` : '');

  // Each run measures the three full saves back to back, each into a fresh table, so that a change in
  // the machine's load hits them alike: in-process, then the floor (the items that save stored), then
  // HTTP, whose table stays for the one-changed-row part.
  const runs = { http: [] as number[], inProcess: [] as number[], floor: [] as number[] };
  let http: FullSave | undefined;
  let inProcess: FullSave | undefined;
  let floor: SizeResult['floor'] | undefined;
  let ids = new Map<string, { id: string; version: number }>();
  let issueCodes: Record<string, number> = {};
  let summary: SaveBatchResult['summary'] | undefined;
  for (let run = 0; run < options.repeats; run += 1) {
    // a') in-process: saveBatch called directly; no HTTP, no JSON, no zod (the parse is timed apart)
    await freshTable(bench, true);
    progress(`${tag}: full save from empty in-process (saveBatch)${runNote(run)}…`);
    const parseStart = performance.now();
    const requests = bodies.map((body) => SaveBatchRequest.parse(JSON.parse(body)));
    const parseMs = performance.now() - parseStart;
    const p = await measured(bench, async () => {
      const windows: { from: number; to: number; rows: number }[] = [];
      for (const [index, request] of requests.entries()) {
        const from = performance.now();
        const result = await saveBatch(db(), storedCampaign, hr, request, `bench-full-${run}-${index}`);
        windows.push({ from, to: performance.now(), rows: request.rows.length });
        expectAllSaved(result, request.rows.length, `${tag}, in-process batch ${index + 1}`);
      }
      return windows;
    });
    runs.inProcess.push(p.ms);
    inProcess = {
      ms: p.ms,
      dynamoRequests: p.requests,
      httpRequests: 0,
      profile: profile(p.calls, p.from, p.to),
      parseMs,
      phases: phasesOf(p.value, p.calls),
    };
    progress(
      `${tag}: full save in-process took ${ms(p.ms)}, ${int(p.requests)} DynamoDB requests (JSON.parse + zod parse of the batches: ${ms(parseMs)}, not included)`,
    );

    // c) the floor: plain BatchWriteItem of the items that save stored (the store's toItem of its nominations)
    const stored = await loadAllNominations(db(), CAMPAIGN_ID);
    if (stored.length !== n) throw new Error(`${tag}: the table holds ${stored.length} nominations, expected ${n}`);
    const items = stored.map(toItem);
    const itemBytes = items.reduce((sum, item) => sum + Buffer.byteLength(JSON.stringify(item)), 0);
    await freshTable(bench, false);
    progress(`${tag}: floor, plain BatchWriteItem of the same ${int(items.length)} items${runNote(run)}…`);
    const f = await measured(bench, () => plainBatchWrite(bench.doc, TABLE_NAME, items, 8));
    runs.floor.push(f.ms);
    floor = {
      ms: f.ms,
      dynamoRequests: f.requests,
      httpRequests: 0,
      profile: profile(f.calls, f.from, f.to),
      items: items.length,
      itemBytes,
    };
    progress(`${tag}: floor took ${ms(f.ms)}, ${int(f.requests)} DynamoDB requests`);

    // a) over HTTP: the local API with the real handlers, the batches one after the other
    await freshTable(bench, true);
    progress(`${tag}: full save from empty over HTTP, ${batches.length} batch${batches.length > 1 ? 'es' : ''}${runNote(run)}…`);
    const h = await httpFullSave(bench, bodies, batches, tag);
    runs.http.push(h.ms);
    const { responseBytes, results, windows } = h.value;
    http = {
      phases: phasesOf(windows, h.calls),
      ms: h.ms,
      dynamoRequests: h.requests,
      httpRequests: bodies.length,
      profile: profile(h.calls, h.from, h.to),
      requestBytes: bodies.reduce((sum, body) => sum + Buffer.byteLength(body), 0),
      responseBytes,
    };
    progress(`${tag}: full save over HTTP took ${ms(h.ms)}, ${int(h.requests)} DynamoDB requests, ${bodies.length} HTTP requests`);
    ids = new Map(results.flatMap((r) => r.rows).map((row) => [row.rowKey!, { id: row.id!, version: row.version! }]));
    issueCodes = {};
    for (const row of results.flatMap((r) => r.rows)) {
      for (const issue of row.issues) {
        const key = `${issue.code} (${issue.severity})`;
        issueCodes[key] = (issueCodes[key] ?? 0) + 1;
      }
    }
    summary = results
      .map((r) => r.summary)
      .reduce((a, b) => ({
        saved: a.saved + b.saved,
        conflicts: a.conflicts + b.conflicts,
        refused: a.refused + b.refused,
        errors: a.errors + b.errors,
        warnings: a.warnings + b.warnings,
      }));
  }
  http!.ms = percentile(runs.http, 50);
  inProcess!.ms = percentile(runs.inProcess, 50);
  floor!.ms = percentile(runs.floor, 50);

  // b) one changed row in the full campaign (the HTTP run's table): its achievements, at its version
  const changed = (index: number, k: number): NominationChange => {
    const original = rows[index]!;
    const saved = ids.get(original.rowKey!)!;
    return { ...original, id: saved.id, version: saved.version, achievements: `${original.achievements} Bổ sung lần ${k + 1}.` };
  };
  const pickIndex = (k: number, offset: number) => (Math.floor(((k + 0.5) * n) / options.singleRepeats) + offset) % n;

  progress(`${tag}: one changed row over HTTP ×${options.singleRepeats}…`);
  const singleHttp = await singleRows(bench, options.singleRepeats, async (k) => {
    const { result } = await post(bench, JSON.stringify({ rows: [changed(pickIndex(k, 0), k)] }));
    expectAllSaved(result, 1, `${tag}, one changed row`);
  });
  progress(
    `${tag}: one changed row over HTTP: median ${ms(singleHttp.sample.median)}, p95 ${ms(singleHttp.sample.p95)}, ${singleHttp.requests[0]} DynamoDB requests`,
  );

  progress(`${tag}: one changed row over HTTP with an Idempotency-Key ×${options.singleRepeats}…`);
  const singleHttpIdempotent = await singleRows(bench, options.singleRepeats, async (k) => {
    const key = `bench-${n}-${k}-${Date.now().toString(36)}`;
    const { result } = await post(bench, JSON.stringify({ rows: [changed(pickIndex(k, 1), k)] }), { 'idempotency-key': key });
    expectAllSaved(result, 1, `${tag}, one changed row (idempotent)`);
  });

  progress(`${tag}: one changed row in-process (saveBatch) ×${options.singleRepeats}…`);
  const singleInProcess = await singleRows(bench, options.singleRepeats, async (k) => {
    const request = SaveBatchRequest.parse({ rows: [changed(pickIndex(k, 2), k)] });
    const result = await saveBatch(db(), storedCampaign, hr, request, `bench-single-${k}`);
    expectAllSaved(result, 1, `${tag}, one changed row in-process`);
  });

  return {
    n,
    batches: batches.length,
    http: http!,
    inProcess: inProcess!,
    floor: floor!,
    singleHttp,
    singleHttpIdempotent,
    singleInProcess,
    issueCodes,
    summary: summary!,
    runs,
  };
}

/** The full save over HTTP: the batches one after the other, each checked to be saved whole. */
function httpFullSave(bench: Bench, bodies: readonly string[], batches: readonly NominationChange[][], tag: string) {
  return measured(bench, async () => {
    let responseBytes = 0;
    const results: SaveBatchResult[] = [];
    const windows: { from: number; to: number; rows: number }[] = [];
    for (const [index, body] of bodies.entries()) {
      const from = performance.now();
      const { result, bytes } = await post(bench, body);
      windows.push({ from, to: performance.now(), rows: batches[index]!.length });
      expectAllSaved(result, batches[index]!.length, `${tag}, batch ${index + 1}`);
      responseBytes += bytes;
      results.push(result);
    }
    return { responseBytes, results, windows };
  });
}

async function singleRows(bench: Bench, repeats: number, save: (k: number) => Promise<void>): Promise<SingleRow> {
  const runs: { ms: number; requests: number; calls: Call[]; from: number; to: number }[] = [];
  for (let k = 0; k < repeats; k += 1) runs.push(await measured(bench, () => save(k)));
  const times = runs.map((r) => r.ms);
  const median = percentile(times, 50);
  const typical = runs.find((r) => r.ms === median)!;
  const allCalls = runs.flatMap((r) => r.calls);
  const total = runs.reduce((sum, r) => sum + r.ms, 0);
  const p = profile(allCalls, 0, total);
  // busy/no-DynamoDB over all runs: the sum of each run's own figures
  const each = runs.map((r) => profile(r.calls, r.from, r.to));
  p.dynamoBusyMs = each.reduce((sum, q) => sum + q.dynamoBusyMs, 0);
  p.noDynamoMs = total - p.dynamoBusyMs;
  p.labels.forEach((label) => {
    label.busyMs = each.reduce((sum, q) => sum + (q.labels.find((l) => l.label === label.label)?.busyMs ?? 0), 0);
  });
  return {
    sample: sample(times),
    requests: runs.map((r) => r.requests),
    profile: p,
    timeline: [...typical.calls]
      .sort((a, b) => a.start - b.start)
      .map((call) => ({
        label: call.label,
        atMs: call.start - typical.from,
        tookMs: call.end - call.start,
        items: call.items,
        ...(call.scanned !== undefined ? { scanned: call.scanned } : {}),
      })),
  };
}

// ---- Output

function otherDynamoDbLocals(ours: number): number {
  try {
    const out = execFileSync('pgrep', ['-f', 'DynamoDBLocal'], { encoding: 'utf8' });
    return out.split('\n').filter((line) => line.trim() && Number(line) !== ours).length;
  } catch {
    return 0;
  }
}

function printDetails(result: SizeResult): void {
  const n = int(result.n);
  const lastRun = result.runs.http.length > 1 ? `the last of ${result.runs.http.length} runs, ` : '';
  console.log(`\n=== ${n} rows: where the time goes ===`);
  console.log(
    `\nValidation result of the full save: ${int(result.summary.saved)} saved, ${int(result.summary.errors)} errors, ${int(result.summary.warnings)} warnings; issues by code: ${
      Object.entries(result.issueCodes)
        .map(([code, count]) => `${code} ×${int(count)}`)
        .join(', ') || 'none'
    }`,
  );
  console.log(
    `Payloads: request ${(result.http.requestBytes! / 1e6).toFixed(2)} MB, response ${(result.http.responseBytes! / 1e6).toFixed(2)} MB as sent (gzip when over 256 KB); stored nomination items ~${Math.round(result.floor.itemBytes / result.floor.items)} bytes of JSON each`,
  );
  const phaseRows = (save: FullSave, what: string) =>
    (save.phases ?? []).map((phase, index) => [
      `${what}, batch ${index + 1} (${int(phase.rows)} rows)`,
      ms(phase.beforeWritesMs),
      ms(phase.writesMs),
      ms(phase.afterWritesMs),
      ms(phase.totalMs),
    ]);
  console.log(
    `\nEach batch split at its first and last BatchWriteItem (${lastRun ? lastRun.replace(/, $/, '') : 'one run'}; floor of all ${int(result.floor.items)} items: ${ms(result.floor.profile.wallMs)}):`,
  );
  console.log(
    table(
      [...phaseRows(result.http, 'HTTP'), ...phaseRows(result.inProcess, 'in-process')],
      ['', 'before writes', 'writes', 'after writes', 'batch total'],
    ),
  );
  console.log(
    `\nFull save over HTTP (${result.batches} batch${result.batches > 1 ? 'es' : ''}), ${lastRun}${ms(result.http.profile.wallMs)} wall:`,
  );
  console.log(profileTable(result.http.profile));
  console.log(
    `\nFull save in-process (saveBatch), ${lastRun}${ms(result.inProcess.profile.wallMs)} wall (zod parse of the batches, not included: ${ms(result.inProcess.parseMs!)}):`,
  );
  console.log(profileTable(result.inProcess.profile));
  console.log(`\nFloor (plain BatchWriteItem, 25 items a request, 8 in flight), ${lastRun}${ms(result.floor.profile.wallMs)} wall:`);
  console.log(profileTable(result.floor.profile));
  const single = result.singleHttp;
  console.log(`\nOne changed row over HTTP, ${single.sample.times.length} saves, per save (median ${ms(single.sample.median)}):`);
  console.log(profileTable(single.profile, single.sample.times.length));
  console.log(`\nThe median save's DynamoDB requests in order (ms from the POST):`);
  console.log(
    table(
      single.timeline.map((t) => [
        t.label,
        t.atMs.toFixed(1),
        t.tookMs.toFixed(1),
        String(t.items),
        t.scanned !== undefined ? String(t.scanned) : '',
      ]),
      ['request', 'at', 'took', 'items', 'read'],
    ),
  );
}

function printSummary(results: SizeResult[], context: string[]): Record<string, unknown> {
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
      goal: `Full save of ${int(r.n)} within ${GOAL_FLOOR_RATIO}× the floor (HTTP)`,
      value: `${ratio.toFixed(2)}×`,
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

const round = (value: number, digits = 1) => Number(value.toFixed(digits));
const singleJson = (s: SingleRow) => ({
  medianMs: round(s.sample.median),
  p95Ms: round(s.sample.p95),
  minMs: round(s.sample.min),
  maxMs: round(s.sample.max),
  dynamoRequests: s.requests,
});

// ---- Main

let bench: Bench | undefined;
let dynamo: DynamoDbLocal | undefined;

async function shutdown(): Promise<void> {
  await bench?.api.close().catch(() => {});
  bench?.doc.destroy();
  bench?.admin.destroy();
  try {
    db().doc.destroy();
  } catch {
    // never made
  }
  await dynamo?.stop();
}

process.on('SIGINT', () => {
  console.error('\nSIGINT: stopping DynamoDB Local…');
  void shutdown().finally(() => process.exit(130));
});
process.on('SIGTERM', () => void shutdown().finally(() => process.exit(143)));

async function main(): Promise<void> {
  progress('Starting DynamoDB Local (in memory, sharedDb, a free port)…');
  dynamo = await startDynamoDbLocal({ port: 0 });
  progress(`DynamoDB Local on ${dynamo.endpoint} (pid ${dynamo.pid}), answered in ${ms(dynamo.startedInMs)}`);
  const others = otherDynamoDbLocals(dynamo.pid);
  const loadBefore = os.loadavg()[0]!;

  // The product's store makes its one client from these on first use: set them before anything calls db().
  process.env.DYNAMODB_ENDPOINT = dynamo.endpoint;
  process.env.TABLE_NAME = TABLE_NAME;
  process.env.AWS_REGION = REGION;

  const admin = new DynamoDBClient({
    region: REGION,
    endpoint: dynamo.endpoint,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  const doc = createDocumentClient({ tableName: TABLE_NAME, endpoint: dynamo.endpoint, region: REGION });
  const log = new CallLog();
  log.attach(db().doc, 'product');
  log.attach(doc, 'bench');

  const { api, url, issueToken } = await startBenchApi();
  bench = { dynamo, admin, doc, api, baseUrl: url, token: await issueToken(HR_EMAIL), log };
  progress(`Local API (the real handlers) on ${url}; saving as ${HR_EMAIL} (hr)`);

  if (WARMUP > 0) {
    progress(`Warm-up: one full ${int(WARMUP)}-row cycle, not reported (Node's JIT, DynamoDB Local's JVM)…`);
    await runSize(bench, WARMUP, { singleRepeats: 5, repeats: 1, label: 'warm-up' });
  }

  const results: SizeResult[] = [];
  for (const n of SIZES) results.push(await runSize(bench, n, { singleRepeats: SINGLE_REPEATS, repeats: REPEATS, label: 'bench' }));

  let cpuSummary: string | undefined;
  if (CPU_PROFILE && results.length > 0) {
    const n = Math.max(...SIZES);
    const rows = makeRows(n);
    const batches = chunk(rows, MAX_BATCH_ROWS);
    const bodies = batches.map((batch) => JSON.stringify({ rows: batch }));
    await freshTable(bench, true);
    const file = join(os.tmpdir(), `thidua-bench-save-${n}.cpuprofile`);
    progress(`CPU profile: one more full save of ${int(n)} rows over HTTP, under the V8 profiler (not timed)…`);
    const { summary } = await cpuProfile(() => httpFullSave(bench!, bodies, batches, `cpu-profile ${int(n)} rows`), file);
    cpuSummary = `
=== CPU profile of a full save of ${int(n)} rows over HTTP (this process: bench client + local API + handlers) ===
Written to ${file}
${summary}`;
  }

  for (const result of results) printDetails(result);
  if (cpuSummary) console.log(cpuSummary);
  const context = [
    `DynamoDB Local ${dynamo.endpoint}: in memory, -sharedDb, started by the bench. Node ${process.version}, ${os.cpus().length} CPUs (${os.cpus()[0]?.model.trim()}).`,
    WARMUP > 0
      ? `A warm-up cycle of ${int(WARMUP)} rows ran first and is not reported (JIT, DynamoDB Local's JVM warm-up).`
      : 'No warm-up run (BENCH_WARMUP=0): the first figures include JIT and JVM warm-up.',
    `Full saves and floors: ${REPEATS === 1 ? 'one run each' : `median of ${REPEATS} runs each`}, each from a fresh table; one changed row: ${SINGLE_REPEATS} saves each.`,
    `Times: wall clock. HTTP = fetch → local API (JWT check, API Gateway event, real handler) → response parsed; batches of ≤ ${int(MAX_BATCH_ROWS)} rows one after the other.`,
    `Machine load (1-minute load average): ${loadBefore.toFixed(1)} at the start, ${os.loadavg()[0]!.toFixed(1)} at the end, on ${os.cpus().length} CPUs${
      os.loadavg()[0]! > os.cpus().length ? ': busy, figures are noisy' : ''
    }.`,
    ...(others > 0
      ? [`Note: ${others} other DynamoDB Local process(es) were running on this machine during the run: they share the CPUs.`]
      : []),
  ];
  const json = printSummary(results, context);
  console.log(
    `\nBENCH_JSON ${JSON.stringify({ ...json, warmupRows: WARMUP, repeats: REPEATS, singleRepeats: SINGLE_REPEATS, otherDynamoDbLocals: others, loadAverage: [round(loadBefore), round(os.loadavg()[0]!)], totalSeconds: round((performance.now() - started) / 1000) })}`,
  );
  // The council's tally (bench/council.ts; BENCH_COUNCIL=0 skips it), on the same DynamoDB Local and local API.
  await runCouncilBench({ baseUrl: bench.baseUrl, issueToken, log: bench.log, progress });
  // The add-in's save in the stand-in Excel host (bench/addin.ts; BENCH_ADDIN=0 skips it).
  await runAddinBench({ baseUrl: bench.baseUrl, issueToken, progress });
}

let code = 0;
try {
  await main();
} catch (error) {
  console.error('\nbench failed:', error);
  code = 1;
} finally {
  await shutdown();
}
process.exit(code);
