/// <reference types="office-js" />
import { TABLE_NAME } from '#shared/sheet/columns';
import { errorCode } from './excel-errors';
import { packBatches, type Sized } from './payload';

/** What an operation writes through, fetched afresh for each batch (a retried batch starts clean). */
export interface WriteTarget {
  context: Excel.RequestContext;
  table: Excel.Table;
  /** The table body: operations address cells relative to its top-left, which no write here moves. */
  body: Excel.Range;
  sheet: Excel.Worksheet;
}

/** One queued write with its estimated request size; `split` halves it if Excel finds it too large. */
export interface WriteOp extends Sized {
  kind: 'guard' | 'values' | 'rows.add' | 'rows.delete' | 'numberFormat' | 'fill' | 'note.remove' | 'note.add' | 'setting';
  apply(target: WriteTarget): void;
  split?(): WriteOp[] | undefined;
}

/** True while a request that turns the add-in's events off is in flight: if it fails, they are turned back on. */
export interface EventsState {
  eventsOff: boolean;
}

export interface BatchRun {
  context: Excel.RequestContext;
  budget: number;
  sync(context: Excel.RequestContext): Promise<void>;
  state: EventsState;
}

const MAX_SPLITS = 8;

/**
 * Runs the operations in order, in as few requests as their size allows: one sync per batch, batches
 * packed under the budget (so the syncs grow with the payload / budget, not with the rows). Each batch
 * turns the add-in's events off first and back on last, in the same request: Excel then raises no
 * onChanged for the add-in's own writes, and a user's edit between two batches is still seen.
 *
 * If Excel still answers RequestPayloadSizeLimitExceeded (the estimate missed), nothing of that request
 * was applied: the batch is halved and each half sent, down to one operation split by rows.
 */
export async function runWriteBatches(run: BatchRun, operations: readonly WriteOp[]): Promise<void> {
  for (const batch of packBatches(operations, run.budget)) await runBatch(run, batch, 0);
}

async function runBatch(run: BatchRun, batch: readonly WriteOp[], depth: number): Promise<void> {
  const { context } = run;
  const table = context.workbook.tables.getItem(TABLE_NAME);
  const target: WriteTarget = { context, table, body: table.getDataBodyRange(), sheet: table.worksheet };
  context.runtime.enableEvents = false;
  for (const operation of batch) operation.apply(target);
  context.runtime.enableEvents = true;
  run.state.eventsOff = true;
  try {
    await run.sync(context);
    run.state.eventsOff = false;
  } catch (error) {
    const halves = errorCode(error) === 'RequestPayloadSizeLimitExceeded' && depth < MAX_SPLITS ? halve(batch) : undefined;
    if (!halves) throw error;
    run.state.eventsOff = false; // the refused request applied nothing, events included
    for (const half of halves) await runBatch(run, half, depth + 1);
  }
}

function halve(batch: readonly WriteOp[]): WriteOp[][] | undefined {
  if (batch.length > 1) {
    const middle = Math.ceil(batch.length / 2);
    return [batch.slice(0, middle), batch.slice(middle)];
  }
  const parts = batch[0]?.split?.();
  return parts && parts.length > 1 ? parts.map((part) => [part]) : undefined;
}
