/** The council bench's switches (BENCH_COUNCIL_*), goals, sizes and the formatting its tables share. */
import { int, ms, type Sample } from './report';

export const ENABLED = process.env.BENCH_COUNCIL !== '0';
/** BENCH_COUNCIL_API=0: the in-process tally only. */
export const API_ENABLED = process.env.BENCH_COUNCIL_API !== '0';
export const RUNS = Math.max(1, Number(process.env.BENCH_COUNCIL_RUNS ?? 30));
export const WARMUP_RUNS = Math.max(0, Number(process.env.BENCH_COUNCIL_WARMUP ?? 5));
export const API_REPEATS = Math.max(1, Number(process.env.BENCH_COUNCIL_API_REPEATS ?? 5));
export const CPU_PROFILE = process.env.BENCH_CPU_PROFILE === '1';
/** Each in-process case also warms up for at least this long (small rounds take under a millisecond). */
export const WARMUP_MS = 250;

/** Issue 13: 10,000 ballots × 200 candidates, realistic, under 30 ms on a quiet machine. */
export const GOAL_MS = 30;
export const GOAL_BALLOTS = 10_000;
export const GOAL_CANDIDATES = 200;
/** "Roughly constant": the largest time per ballot × candidate within this factor of the smallest. */
export const LINEARITY_SPREAD = 1.5;

export const IN_PROCESS_SIZES: readonly [number, number][] = [
  [500, 40],
  [2_500, 100],
  [5_000, 200],
  [10_000, 200],
  [10_000, 500],
];
export const API_SIZES: readonly [number, number][] = [
  [500, 40],
  [2_000, 500],
  [10_000, 200],
];

export const ADMIN = 'admin@thidua.local';
export const HR = 'tochuc@thidua.local';
export const SECRETARY = 'thuky@thidua.local';

export const round1 = (value: number, digits = 1) => Number(value.toFixed(digits));
export const kb = (bytes: number) => (bytes >= 1e6 ? `${(bytes / 1e6).toFixed(2)} MB` : `${(bytes / 1e3).toFixed(1)} KB`);
export const size = (ballots: number, candidates: number) => `${int(ballots)} × ${int(candidates)}`;

export const range = (s: Sample) => `${ms(s.median)} (${ms(s.min)}–${ms(s.max)})`;
export const counts = (list: readonly number[]) =>
  Math.min(...list) === Math.max(...list) ? `${list[0]}` : `${Math.min(...list)}–${Math.max(...list)}`;
