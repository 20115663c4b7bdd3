/** One size of the save bench: full saves (in-process, floor, HTTP) and one changed row, repeated. */
import { performance } from 'node:perf_hooks';
import { MAX_BATCH_ROWS, SaveBatchRequest, type SaveBatchResult } from '#shared/api/save';
import { saveBatch } from '#functions/nominations/save';
import { getCampaign } from '#functions/store/campaign-store';
import { db } from '#functions/store/client';
import { toItem } from '#functions/store/nomination-items';
import { loadAllNominations } from '#functions/store/nomination-reads';
import { getUser } from '#functions/store/org-store';
import type { NominationChange } from '#shared/nomination';
import { plainBatchWrite } from './floor';
import type { Call } from './profile';
import { int, ms, percentile, profile, sample } from './report';
import { makeRows } from './rows';
import { CAMPAIGN_ID, HR_EMAIL, TABLE_NAME, progress } from './save-settings';
import {
  chunk,
  expectAllSaved,
  freshTable,
  measured,
  phasesOf,
  post,
  type Bench,
  type Cpu,
  type FullSave,
  type SingleRow,
  type SizeResult,
} from './save-machinery';

export async function runSize(
  bench: Bench,
  n: number,
  options: { singleRepeats: number; repeats: number; label: string },
): Promise<SizeResult> {
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
  const cpuRuns = { http: [] as Cpu[], inProcess: [] as Cpu[], floor: [] as Cpu[] };
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
    cpuRuns.inProcess.push(p.cpu);
    inProcess = {
      ms: p.ms,
      cpu: p.cpu,
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
    cpuRuns.floor.push(f.cpu);
    floor = {
      ms: f.ms,
      cpu: f.cpu,
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
    cpuRuns.http.push(h.cpu);
    const { responseBytes, results, windows } = h.value;
    http = {
      phases: phasesOf(windows, h.calls),
      ms: h.ms,
      cpu: h.cpu,
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
  http!.cpu = medianCpu(cpuRuns.http);
  inProcess!.cpu = medianCpu(cpuRuns.inProcess);
  floor!.cpu = medianCpu(cpuRuns.floor);

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

/** Each clock's median over the runs. */
function medianCpu(runs: readonly Cpu[]): Cpu {
  const dynamo = runs.map((cpu) => cpu.dynamoMs).filter((value): value is number => value !== undefined);
  return {
    nodeMs: percentile(
      runs.map((cpu) => cpu.nodeMs),
      50,
    ),
    dynamoMs: dynamo.length > 0 ? percentile(dynamo, 50) : undefined,
  };
}

/** The full save over HTTP: the batches one after the other, each checked to be saved whole. */
export function httpFullSave(bench: Bench, bodies: readonly string[], batches: readonly NominationChange[][], tag: string) {
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

export async function singleRows(bench: Bench, repeats: number, save: (k: number) => Promise<void>): Promise<SingleRow> {
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
