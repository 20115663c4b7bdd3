/** The save bench's switches (BENCH_SIZES, BENCH_REPEATS, …), names, goals and its progress lines. */
import { performance } from 'node:perf_hooks';
import { SEED_CAMPAIGN } from '#shared/seed/campaign-2025';

export const SIZES = (process.env.BENCH_SIZES ?? '1000,10000')
  .split(',')
  .map((s) => Number(s.trim()))
  .filter((n) => n > 0);
export const SINGLE_REPEATS = Number(process.env.BENCH_SINGLE_REPEATS ?? 20);
export const REPEATS = Math.max(1, Number(process.env.BENCH_REPEATS ?? 5));
export const WARMUP = Number(process.env.BENCH_WARMUP ?? 1000);
export const CPU_PROFILE = process.env.BENCH_CPU_PROFILE === '1';
export const TABLE_NAME = 'bench';
export const REGION = 'ap-southeast-1';
export const HR_EMAIL = 'tochuc@thidua.local';
export const CAMPAIGN_ID = SEED_CAMPAIGN.id;
export const BATCH_PATH = `/campaigns/${CAMPAIGN_ID}/nominations/batch`;

/** Issue 13: a full save of 1,000 or 10,000 rows within 1.3× the plain BatchWriteItem floor over HTTP. */
export const GOAL_FLOOR_RATIO = 1.3;
export const GOAL_SINGLE_MS = 150;

export const started = performance.now();
export const progress = (line: string) => console.log(`[${((performance.now() - started) / 1000).toFixed(1).padStart(6)} s] ${line}`);

export const round = (value: number, digits = 1) => Number(value.toFixed(digits));
