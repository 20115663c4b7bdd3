/**
 * Splitting a save into requests the API takes: at most 5,000 rows (MAX_BATCH_ROWS of the server) and at
 * most ~5 MB of JSON each (Lambda takes 6 MB for the whole event, headers and escaping included).
 */
export interface ChunkLimits {
  maxRows: number;
  /** UTF-8 bytes of the request's JSON body: Vietnamese letters take 2–3 bytes, so characters undercount. */
  maxBytes: number;
  /** A round's ballots are sent in parts of at most this much JSON (the API takes ~1 MB a part). */
  ballotPartBytes: number;
}

export const DEFAULT_CHUNK_LIMITS: ChunkLimits = { maxRows: 5000, maxBytes: 5_000_000, ballotPartBytes: 512 * 1024 };

/** `{"rows":[` + `]}` */
const ENVELOPE_BYTES = '{"rows":[]}'.length;

const encoder = new TextEncoder();
export function utf8Length(text: string): number {
  return encoder.encode(text).length;
}

/** Consecutive groups of rows, in order, each within both limits (a single oversized row goes alone). */
export function chunkRows<T>(rows: readonly T[], limits: Pick<ChunkLimits, 'maxRows' | 'maxBytes'> = DEFAULT_CHUNK_LIMITS): T[][] {
  const chunks: T[][] = [];
  let current: T[] = [];
  let bytes = ENVELOPE_BYTES;
  for (const row of rows) {
    const size = utf8Length(JSON.stringify(row));
    const comma = current.length > 0 ? 1 : 0;
    if (current.length > 0 && (current.length >= limits.maxRows || bytes + comma + size > limits.maxBytes)) {
      chunks.push(current);
      current = [];
      bytes = ENVELOPE_BYTES;
    }
    bytes += size + (current.length > 0 ? 1 : 0);
    current.push(row);
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}
