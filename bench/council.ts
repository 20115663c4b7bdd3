/**
 * The council's tally in `npm run bench` (after the save path; BENCH_COUNCIL=0 skips it; on its own:
 * `npx tsx bench/council-main.ts`). It measures:
 *   a) in-process: `tally(settings, input)` of shared/council/tally.ts on 500 × 40, 2,500 × 100,
 *      5,000 × 200, 10,000 × 200 and 10,000 × 500 (ballots × candidates), with realistic ballots and with ballots that
 *      mark every candidate (bench/council-ballots.ts), median and p95 of BENCH_COUNCIL_RUNS (30) runs
 *      after BENCH_COUNCIL_WARMUP (5) unreported ones, and the time per ballot × candidate and per mark;
 *      each result is checked to find exactly the invalid ballots that were planted;
 *   b) through the local API (the real handlers, over HTTP, on the bench's DynamoDB Local): rounds of
 *      500 × 40, 2,000 × 500 and 10,000 × 200 in campaigns of their own; the ballots sent in parts by the
 *      pane's own client (compact, POST …/ballot-uploads, PUT …/parts/k, POST …/complete) and POST …/tally
 *      timed apart, BENCH_COUNCIL_API_REPEATS (5) times after one unreported pair, with request sizes and
 *      DynamoDB requests (the product's requestCounter), then POST …/confirm where the count is not void.
 *      The council has the schema's most members and the attendance the schema's most participants, so
 *      2,000 ballots are issued: 10,000 collected void the count (reported). Where the API refuses to open
 *      a round (too large), it says so and puts it in place with the product's own functions, labelled.
 * It prints the in-process figures and goals as soon as they are measured (BENCH_COUNCIL_API=0 stops
 * there), then its section, a summary with the goals, and a line `BENCH_JSON_COUNCIL {...}`.
 * BENCH_CPU_PROFILE=1 adds a V8 CPU profile of 10 in-process tallies of 10,000 × 200.
 */
import os from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { CouncilSettings } from '#shared/campaign';
import { Attendance } from '#shared/council/round';
import { tally } from '#shared/council/tally';
import type { CouncilBenchContext } from './council-api-calls';
import { apiCase, type ApiCase } from './council-api-case';
import { councilSettings } from './council-ballots';
import {
  ADMIN,
  API_ENABLED,
  API_SIZES,
  CPU_PROFILE,
  ENABLED,
  GOAL_BALLOTS,
  GOAL_CANDIDATES,
  HR,
  IN_PROCESS_SIZES,
  RUNS,
  SECRETARY,
  WARMUP_MS,
  WARMUP_RUNS,
  size,
} from './council-config';
import { inProcessInput, measureTally, type TallyCase } from './council-in-process';
import { printCouncilSection } from './council-section';
import { printCouncilSummary, printInProcessSummary } from './council-summary';
import { cpuProfile } from './cpu';

/** The largest of a set of schema sizes that the schema accepts (the caps the bench runs into). */
function schemaCap(accepts: (n: number) => boolean, upTo: number): number {
  let low = 0;
  let high = upTo;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (accepts(mid)) low = mid;
    else high = mid - 1;
  }
  return low;
}

export async function runCouncilBench(ctx: CouncilBenchContext): Promise<void> {
  if (!ENABLED) {
    console.log('\n(Council tally bench skipped: BENCH_COUNCIL=0)');
    return;
  }
  const progress = ctx.progress ?? ((line: string) => console.log(line));
  const started = performance.now();
  const loadBefore = os.loadavg()[0]!;

  // The schema's caps, read from the schema itself.
  const memberCap = schemaCap((n) => CouncilSettings.safeParse(councilSettings(n)).success, 100_000);
  const presentCap = schemaCap((n) => Attendance.safeParse({ present: n, writtenVotes: 0 }).success, 1_000_000);
  const writtenCap = schemaCap((n) => Attendance.safeParse({ present: 0, writtenVotes: n }).success, 1_000_000);
  const apiMembers = memberCap;
  // The most ballots a schema-valid round issues: everyone the attendance can hold, present or in writing.
  const apiAttendance = { present: presentCap, writtenVotes: writtenCap };

  // a) in-process
  const inProcess: TallyCase[] = [];
  for (const density of ['realistic', 'full'] as const) {
    for (const [ballots, candidates] of IN_PROCESS_SIZES) {
      progress(
        `council in-process: tally of ${size(ballots, candidates)}, ${density} ballots, ${RUNS} runs after ${WARMUP_RUNS}+ (≥ ${WARMUP_MS} ms of CPU) unreported…`,
      );
      inProcess.push(measureTally(ballots, candidates, density));
    }
  }

  let cpu: string | undefined;
  if (CPU_PROFILE) {
    const { input, settings } = inProcessInput(GOAL_BALLOTS, GOAL_CANDIDATES, 'realistic');
    const file = join(os.tmpdir(), `thidua-bench-tally-${GOAL_BALLOTS}x${GOAL_CANDIDATES}.cpuprofile`);
    progress(`council: CPU profile of 10 in-process tallies of ${size(GOAL_BALLOTS, GOAL_CANDIDATES)} (not timed)…`);
    const { summary } = await cpuProfile(async () => {
      for (let i = 0; i < 10; i += 1) tally(settings, input);
    }, file);
    cpu = `\nCPU profile of 10 in-process tallies of ${size(GOAL_BALLOTS, GOAL_CANDIDATES)}, realistic ballots (written to ${file}):\n${summary}`;
  }

  printInProcessSummary(inProcess, loadBefore);
  if (!API_ENABLED) return;

  // b) through the API
  const tokens = { admin: await ctx.issueToken(ADMIN), hr: await ctx.issueToken(HR), secretary: await ctx.issueToken(SECRETARY) };
  const api: ApiCase[] = [];
  for (const [ballots, candidates] of API_SIZES) api.push(await apiCase(ctx, tokens, ballots, candidates, apiMembers, apiAttendance));

  const measures = { inProcess, api, memberCap, presentCap, apiMembers, apiAttendance, cpu, loadBefore, started };
  printCouncilSection(measures);
  printCouncilSummary(measures);
}
