/**
 * Excel on the web refuses a request (one context.sync) above 5 MB: RequestPayloadSizeLimitExceeded, and
 * nothing of it is applied. Office.js sends a batch as JSON, so the size of a batch is, near enough, the
 * JSON of the values it carries plus a small envelope per operation. Batches are packed to a budget below
 * the limit; the margin covers what the estimate does not see (object paths, the protocol's envelope).
 */
export const EXCEL_REQUEST_LIMIT_BYTES = 5 * 1024 * 1024;
export const DEFAULT_BATCH_BUDGET_BYTES = 4 * 1024 * 1024;

/**
 * The values a response is planned to carry at most, below the 5 MB Excel on the web answers: their
 * size is estimated from a sample of rows, and the rest of the answer (the header, two columns, the
 * notes' cells) takes a few hundred kB at 10,000 rows. A response still too large is read again in slices.
 */
export const RESPONSE_BUDGET_BYTES = 4.5 * 1024 * 1024;

/** The envelope of one queued operation (its object path, method name, ids): generous on purpose. */
export const OPERATION_OVERHEAD_BYTES = 200;

/**
 * UTF-8 bytes of a value's JSON. Vietnamese text is mostly 2- and 3-byte characters, so counting
 * characters (JSON.stringify(x).length) would underestimate a sheet of names by half or more.
 */
export function jsonBytes(value: unknown): number {
  const text = JSON.stringify(value) ?? '';
  let bytes = 0;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff) {
      bytes += 4; // a surrogate pair: one 4-byte character
      i += 1;
    } else bytes += 3;
  }
  return bytes;
}

/** Anything with an estimated size, packed in order into batches under a budget. */
export interface Sized {
  bytes: number;
}

/**
 * Splits operations, in order, into consecutive batches whose estimated sizes stay within the budget.
 * Order is kept across batches (values still go before formats). An operation larger than the budget on
 * its own gets a batch of its own; callers split such operations first (see splitRows).
 */
export function packBatches<T extends Sized>(operations: readonly T[], budget: number): T[][] {
  const batches: T[][] = [];
  let current: T[] = [];
  let size = 0;
  for (const operation of operations) {
    if (current.length > 0 && size + operation.bytes > budget) {
      batches.push(current);
      current = [];
      size = 0;
    }
    current.push(operation);
    size += operation.bytes;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}

/**
 * Cuts a 2-D block into consecutive slices of rows, each estimated within the budget (a single row is
 * never cut: one row of this sheet is far below any budget).
 */
export function splitRows<R>(rows: readonly R[], budget: number): { start: number; rows: R[]; bytes: number }[] {
  const slices: { start: number; rows: R[]; bytes: number }[] = [];
  let start = 0;
  let current: R[] = [];
  let size = OPERATION_OVERHEAD_BYTES;
  rows.forEach((row, index) => {
    const rowBytes = jsonBytes(row) + 1;
    if (current.length > 0 && size + rowBytes > budget) {
      slices.push({ start, rows: current, bytes: size });
      start = index;
      current = [];
      size = OPERATION_OVERHEAD_BYTES;
    }
    current.push(row);
    size += rowBytes;
  });
  if (current.length > 0) slices.push({ start, rows: current, bytes: size });
  return slices;
}
