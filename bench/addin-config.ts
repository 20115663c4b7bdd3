/** The add-in bench's switches (BENCH_ADDIN_*), the users it acts as and its goals. */
export const ENABLED = process.env.BENCH_ADDIN !== '0';
export const SIZES = (process.env.BENCH_ADDIN_SIZES ?? '1000,5000')
  .split(',')
  .map((s) => Number(s.trim()))
  .filter((n) => n > 0);
export const REPEATS = Math.max(1, Number(process.env.BENCH_ADDIN_REPEATS ?? 3));
export const WARMUP = Number(process.env.BENCH_ADDIN_WARMUP ?? 300);
export const SAVED = Number(process.env.BENCH_ADDIN_SAVED ?? 1000);
export const SAVED_REPEATS = Math.max(1, Number(process.env.BENCH_ADDIN_SAVED_REPEATS ?? 1));
export const LATENCY = Number(process.env.BENCH_ADDIN_LATENCY ?? 0);
export const NAIVE = process.env.BENCH_ADDIN_NAIVE !== '0';

export const HR = 'tochuc@thidua.local';
export const ADMIN = 'admin@thidua.local';
/** Issue 13: a save is one request to read, one to read back what it writes, one to write; 1,000 rows under 1 s when quiet. */
export const GOAL_SYNCS = 3;
export const GOAL_MS = 1000;
export const GOAL_ROWS = 1000;
