import { busyMs, byLabel, type Call, type LabelStats } from './profile';

export interface Sample {
  times: number[];
  median: number;
  p95: number;
  min: number;
  max: number;
}

/** Nearest-rank percentile of the samples. */
export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1]!;
}

export function sample(times: readonly number[]): Sample {
  return { times: [...times], median: percentile(times, 50), p95: percentile(times, 95), min: Math.min(...times), max: Math.max(...times) };
}

export const ms = (value: number) =>
  value >= 10_000 ? `${(value / 1000).toFixed(1)} s` : value >= 1000 ? `${(value / 1000).toFixed(2)} s` : `${value.toFixed(1)} ms`;
export const int = (value: number) => Math.round(value).toLocaleString('en-US');

/** A plain text table: the first column left-aligned, the others right-aligned. */
export function table(rows: readonly (readonly string[])[], header?: readonly string[]): string {
  const all = header ? [header, ...rows] : rows;
  const widths = all[0]!.map((_, column) => Math.max(...all.map((row) => (row[column] ?? '').length)));
  const line = (row: readonly string[]) =>
    row
      .map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!)))
      .join('  ')
      .trimEnd();
  const out = all.map(line);
  if (header) out.splice(1, 0, widths.map((w) => '-'.repeat(w)).join('  '));
  return out.join('\n');
}

export interface Goal {
  goal: string;
  value: string;
  pass: boolean;
}

export const verdict = (pass: boolean) => (pass ? 'PASS' : 'MISS');

/** Every bench section ends with its goals, each PASS or MISS. */
export function goalsTable(goals: readonly Goal[]): string {
  return table(
    goals.map((g) => [g.goal, g.value, verdict(g.pass)]),
    ['Goal', 'measured', ''],
  );
}

export interface Profile {
  wallMs: number;
  /** Wall time with at least one DynamoDB request in flight. */
  dynamoBusyMs: number;
  /** Wall time with none in flight: Node's own work (validation, JSON, zod, gzip, HTTP) and idle waits. */
  noDynamoMs: number;
  labels: LabelStats[];
}

export function profile(calls: readonly Call[], from: number, to: number): Profile {
  const busy = busyMs(calls);
  return { wallMs: to - from, dynamoBusyMs: busy, noDynamoMs: to - from - busy, labels: byLabel(calls, from) };
}

export function profileTable(p: Profile, repeatsDivisor = 1): string {
  const rows = p.labels.map((l) => [
    l.label,
    int(l.count / repeatsDivisor),
    int(l.items / repeatsDivisor),
    l.scanned ? int(l.scanned / repeatsDivisor) : '',
    ms(l.meanMs),
    ms(l.busyMs / repeatsDivisor),
    `${((100 * l.busyMs) / p.wallMs).toFixed(0)}%`,
    repeatsDivisor === 1 ? `${ms(l.firstMs)} → ${ms(l.lastMs)}` : '',
  ]);
  rows.push([
    'any DynamoDB request in flight',
    '',
    '',
    '',
    '',
    ms(p.dynamoBusyMs / repeatsDivisor),
    `${((100 * p.dynamoBusyMs) / p.wallMs).toFixed(0)}%`,
    '',
  ]);
  rows.push([
    'none in flight (Node: validation, JSON, HTTP…)',
    '',
    '',
    '',
    '',
    ms(p.noDynamoMs / repeatsDivisor),
    `${((100 * p.noDynamoMs) / p.wallMs).toFixed(0)}%`,
    '',
  ]);
  return table(rows, [
    'command',
    repeatsDivisor === 1 ? 'calls' : 'calls/save',
    'items',
    'read',
    'mean latency',
    'busy wall',
    '% wall',
    'from → to',
  ]);
}
