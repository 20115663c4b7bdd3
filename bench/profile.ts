import { performance } from 'node:perf_hooks';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

/**
 * A bench-only log of every DynamoDB command a client sends: what it was (labelled by operation and
 * the part of the table it touches), when it started and ended (including the SDK's marshalling and
 * retries), how many items it carried and, for queries, how many it read. Added from outside to the
 * product's document client (`db().doc`), so the product code is unchanged.
 */
export interface Call {
  label: string;
  start: number;
  end: number;
  /** Items written or keys asked for (batch/transaction), items returned (query/get). */
  items: number;
  /** A query's ScannedCount (items read before filters; with Select COUNT, the count). */
  scanned?: number;
  unprocessed?: number;
  failed?: boolean;
}

type Input = Record<string, any>;

export class CallLog {
  readonly calls: Call[] = [];

  attach(doc: DynamoDBDocumentClient, name: string): void {
    doc.middlewareStack.add(
      (next, context) => async (args) => {
        const start = performance.now();
        const input = (args as { input: Input }).input;
        const operation = String(context.commandName ?? 'Unknown').replace(/Command$/, '');
        const call: Call = { label: labelOf(operation, input), start, end: start, items: sentItems(operation, input) };
        try {
          const answer = await next(args);
          const output = answer.output as Input;
          call.end = performance.now();
          if (operation === 'Query' || operation === 'Scan') {
            call.items = output.Count ?? 0;
            call.scanned = output.ScannedCount;
          } else if (operation === 'GetItem') call.items = output.Item ? 1 : 0;
          else if (operation === 'BatchWriteItem') {
            call.unprocessed = Object.values((output.UnprocessedItems ?? {}) as Record<string, unknown[]>).reduce(
              (n, list) => n + list.length,
              0,
            );
          }
          this.calls.push(call);
          return answer;
        } catch (error) {
          call.end = performance.now();
          call.failed = true;
          this.calls.push(call);
          throw error;
        }
      },
      { step: 'initialize', name: `benchCallLog_${name}`, override: true },
    );
  }

  /** The calls that started within [from, to). */
  between(from: number, to: number): Call[] {
    return this.calls.filter((call) => call.start >= from && call.start < to);
  }
}

function segment(value: unknown): string {
  return String(value ?? '?').split('#')[0]!;
}

function labelOf(operation: string, input: Input): string {
  switch (operation) {
    case 'GetItem':
    case 'PutItem':
    case 'UpdateItem':
    case 'DeleteItem':
      return `${operation} ${segment(input.Key?.PK ?? input.Item?.PK)}`;
    case 'Query': {
      const values = (input.ExpressionAttributeValues ?? {}) as Input;
      if (input.IndexName === 'GSI1') return 'Query GSI1 by nominee';
      if (input.IndexName === 'GSI2') return `Query GSI2 form/status${input.Select === 'COUNT' ? ' COUNT' : ''}`;
      if (input.IndexName) return `Query ${input.IndexName}`;
      const prefix = values[':prefix'] ? ` ${String(values[':prefix'])}*` : '';
      const projected = input.ProjectionExpression ? ' (projected)' : '';
      return `Query ${segment(values[':pk'])}${prefix}${projected}${input.Select === 'COUNT' ? ' COUNT' : ''}`;
    }
    case 'BatchWriteItem':
    case 'BatchGetItem':
    case 'TransactWriteItems':
      return operation;
    default:
      return operation;
  }
}

function sentItems(operation: string, input: Input): number {
  if (operation === 'BatchWriteItem')
    return Object.values((input.RequestItems ?? {}) as Record<string, unknown[]>).reduce((n, list) => n + list.length, 0);
  if (operation === 'BatchGetItem')
    return Object.values((input.RequestItems ?? {}) as Record<string, { Keys?: unknown[] }>).reduce((n, r) => n + (r.Keys?.length ?? 0), 0);
  if (operation === 'TransactWriteItems') return (input.TransactItems as unknown[] | undefined)?.length ?? 0;
  return 1;
}

/** Total length of the union of the intervals: how long at least one of these calls was in flight. */
export function busyMs(calls: readonly Pick<Call, 'start' | 'end'>[]): number {
  const sorted = [...calls].sort((a, b) => a.start - b.start);
  let total = 0;
  let from = -Infinity;
  let to = -Infinity;
  for (const call of sorted) {
    if (call.start > to) {
      if (to > from) total += to - from;
      from = call.start;
      to = call.end;
    } else if (call.end > to) to = call.end;
  }
  if (to > from) total += to - from;
  return total;
}

export interface LabelStats {
  label: string;
  count: number;
  items: number;
  scanned: number;
  /** Sum of the calls' latencies. */
  totalMs: number;
  meanMs: number;
  /** Wall time with at least one call of this label in flight. */
  busyMs: number;
  /** First start and last end, relative to the window's start. */
  firstMs: number;
  lastMs: number;
}

export function byLabel(calls: readonly Call[], origin: number): LabelStats[] {
  const groups = new Map<string, Call[]>();
  for (const call of calls) groups.set(call.label, [...(groups.get(call.label) ?? []), call]);
  return [...groups]
    .map(([label, list]) => {
      const totalMs = list.reduce((sum, call) => sum + (call.end - call.start), 0);
      return {
        label,
        count: list.length,
        items: list.reduce((sum, call) => sum + call.items, 0),
        scanned: list.reduce((sum, call) => sum + (call.scanned ?? 0), 0),
        totalMs,
        meanMs: totalMs / list.length,
        busyMs: busyMs(list),
        firstMs: Math.min(...list.map((call) => call.start)) - origin,
        lastMs: Math.max(...list.map((call) => call.end)) - origin,
      };
    })
    .sort((a, b) => a.firstMs - b.firstMs);
}
