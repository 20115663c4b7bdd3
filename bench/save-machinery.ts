/** What the save bench measures for one size, and the means it measures with (a fresh table, a POST, the counters). */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { DynamoDbLocal } from '#local/dynamodb-local';
import type { LocalApi } from '#local/server';
import type { SaveBatchResult } from '#shared/api/save';
import { requestCounter } from '#functions/store/client';
import { deleteTable, ensureTable } from '#functions/store/ensure-table';
import { seedDemoData } from '#functions/store/seed';
import { CallLog, type Call } from './profile';
import type { Profile, Sample } from './report';
import { BATCH_PATH, TABLE_NAME } from './save-settings';

export interface FullSave {
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
  cpu: Cpu;
}

/**
 * CPU time spent while a scenario ran: this process's (bench client, local API, handlers, SDK) and DynamoDB
 * Local's JVM. Unlike wall time, neither grows much when other work shares the machine, so they show
 * where a save's cost beyond the floor goes even on a busy machine.
 */
export interface Cpu {
  nodeMs: number;
  /** Undefined where /proc is not readable (not Linux). */
  dynamoMs: number | undefined;
}

export interface BatchPhases {
  rows: number;
  beforeWritesMs: number;
  writesMs: number;
  afterWritesMs: number;
  totalMs: number;
}

/** Splits each batch's window at its first and last BatchWriteItem (the part a floor would also take). */
export function phasesOf(windows: readonly { from: number; to: number; rows: number }[], calls: readonly Call[]): BatchPhases[] {
  return windows.map(({ from, to, rows }) => {
    const writes = calls.filter((call) => call.label === 'BatchWriteItem' && call.start >= from && call.start < to);
    const first = writes.length ? Math.min(...writes.map((c) => c.start)) : to;
    const last = writes.length ? Math.max(...writes.map((c) => c.end)) : to;
    return { rows, beforeWritesMs: first - from, writesMs: last - first, afterWritesMs: to - last, totalMs: to - from };
  });
}

export interface SingleRow {
  sample: Sample;
  /** DynamoDB requests of each save. */
  requests: number[];
  profile: Profile;
  /** The requests of the median save, in order. */
  timeline: { label: string; atMs: number; tookMs: number; items: number; scanned?: number }[];
}

export interface SizeResult {
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

export interface Bench {
  dynamo: DynamoDbLocal;
  admin: DynamoDBClient;
  /** The bench's own client (seeding, the floor), separate from the product's db().doc. */
  doc: DynamoDBDocumentClient;
  api: LocalApi;
  baseUrl: string;
  token: string;
  log: CallLog;
}

export async function freshTable(bench: Bench, seed: boolean): Promise<void> {
  await deleteTable(bench.admin, TABLE_NAME);
  await ensureTable(bench.admin, TABLE_NAME);
  if (seed) await seedDemoData(bench.doc, TABLE_NAME);
}

export function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

export async function post(
  bench: Bench,
  body: string,
  headers: Record<string, string> = {},
): Promise<{ result: SaveBatchResult; bytes: number }> {
  const response = await fetch(`${bench.baseUrl}${BATCH_PATH}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${bench.token}`, 'content-type': 'application/json', ...headers },
    body,
  });
  const text = await response.text();
  if (response.status !== 200) throw new Error(`POST ${BATCH_PATH} answered ${response.status}: ${text.slice(0, 500)}`);
  return { result: JSON.parse(text) as SaveBatchResult, bytes: Number(response.headers.get('content-length') ?? text.length) };
}

export function expectAllSaved(result: SaveBatchResult, count: number, what: string): void {
  if (result.summary.saved !== count) {
    const other = result.rows.find((row) => row.outcome !== 'saved');
    throw new Error(
      `${what}: ${result.summary.saved} of ${count} rows saved (${JSON.stringify(result.summary)}; e.g. ${JSON.stringify(other)?.slice(0, 400)})`,
    );
  }
}

/** Runs the timed part with the request counter, the call log and the CPU clocks around it. */
export async function measured<T>(
  bench: Bench,
  work: () => Promise<T>,
): Promise<{ value: T; ms: number; requests: number; calls: Call[]; from: number; to: number; cpu: Cpu }> {
  const before = requestCounter.count;
  const dynamoBefore = processCpuMs(bench.dynamo.pid);
  const nodeBefore = process.cpuUsage();
  const from = performance.now();
  const value = await work();
  const to = performance.now();
  const node = process.cpuUsage(nodeBefore);
  const dynamoAfter = processCpuMs(bench.dynamo.pid);
  const cpu: Cpu = {
    nodeMs: (node.user + node.system) / 1000,
    dynamoMs: dynamoBefore === undefined || dynamoAfter === undefined ? undefined : dynamoAfter - dynamoBefore,
  };
  return { value, ms: to - from, requests: requestCounter.count - before, calls: bench.log.between(from, to), from, to, cpu };
}

/** Clock ticks of /proc/<pid>/stat (Linux's USER_HZ, 100 on every common kernel). */
const TICK_MS = 10;

/** User + system CPU time of another process, from /proc (utime and stime, fields 14 and 15). */
export function processCpuMs(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
  } catch {
    return undefined;
  }
}
