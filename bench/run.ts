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
import { startDynamoDbLocal, type DynamoDbLocal } from '#local/dynamodb-local';
import { MAX_BATCH_ROWS } from '#shared/api/save';
import { createDocumentClient, db } from '#functions/store/client';
import { runAddinBench } from './addin';
import { runCouncilBench } from './council';
import { runConfirmBench } from './council-confirm';
import { runDocumentsBench } from './documents';
import { runFilesBench } from './files';
import { runOrgSheetsBench } from './org-sheets';
import { runPaneLoadBench } from './pane-load';
import { runRegisterBench } from './register';
import { runSaveCycleBench } from './save-cycle';
import { cpuProfile } from './cpu';
import { startBenchApi } from './local-api';
import { CallLog } from './profile';
import { int, ms } from './report';
import { makeRows } from './rows';
import {
  CPU_PROFILE,
  HR_EMAIL,
  REGION,
  REPEATS,
  SINGLE_REPEATS,
  SIZES,
  TABLE_NAME,
  WARMUP,
  progress,
  round,
  started,
} from './save-settings';
import { chunk, freshTable, type Bench, type SizeResult } from './save-machinery';
import { httpFullSave, runSize } from './save-size';
import { printDetails } from './save-details';
import { printSummary } from './save-summary';

function otherDynamoDbLocals(ours: number): number {
  try {
    const out = execFileSync('pgrep', ['-f', 'DynamoDBLocal'], { encoding: 'utf8' });
    return out.split('\n').filter((line) => line.trim() && Number(line) !== ours).length;
  } catch {
    return 0;
  }
}

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

  // The pane's first load (bench/pane-load.ts; BENCH_PANE=0 skips it), first, while the machine is quiet.
  await runPaneLoadBench({ baseUrl: url, progress });

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
  // Its API part outgrew the product (issue 13: more ballots than a council of the schema's size is issued
  // void the round); the in-process figures are printed as measured, and the other sections still run.
  await runCouncilBench({ baseUrl: bench.baseUrl, issueToken, log: bench.log, progress }).catch((error: unknown) =>
    console.log(`\nCouncil over the API: not measured (${error instanceof Error ? error.message : String(error)})\n`),
  );
  // Confirming rounds of 100, 500 and 1,000 candidates in steps (bench/council-confirm.ts; BENCH_COUNCIL_CONFIRM=0 skips it).
  if (process.env.BENCH_COUNCIL_CONFIRM !== '0') await runConfirmBench({ baseUrl: bench.baseUrl, issueToken, progress });
  await runSaveCycleBench({ baseUrl: bench.baseUrl, issueToken, progress }); // one row through the pane's whole cycle
  // The Cán bộ sheet: 200 and 2,000 staff pasted and saved through the pane (bench/org-sheets.ts; BENCH_ORG=0 skips it).
  await runOrgSheetsBench({ baseUrl: bench.baseUrl, issueToken, progress });
  // A 20 MB dossier file through the API and s3rver: presign, PUT, confirm (bench/files.ts; BENCH_FILES=0 skips it).
  await runFilesBench({ baseUrl: bench.baseUrl, issueToken, progress });
  // The award register: one person's history among 10,000 and 100,000 entries (bench/register.ts; BENCH_REGISTER=0 skips it).
  await runRegisterBench({ baseUrl: bench.baseUrl, issueToken, progress });
  // The add-in's save in the stand-in Excel host (bench/addin.ts; BENCH_ADDIN=0 skips it).
  await runAddinBench({ baseUrl: bench.baseUrl, issueToken, progress });

  // The documents: the decision of 1,000 awardees, the Tờ trình of 5,000 nominations (bench/documents.ts; BENCH_DOCUMENTS=0 skips it).
  await runDocumentsBench();
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
