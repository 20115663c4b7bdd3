/** The council bench's part a): tally() in-process on rounds of growing size, each result checked. */
import { performance } from 'node:perf_hooks';
import { encodeBallots, type CompactBallots } from '#shared/council/ballot-codec';
import { tally, type CompactRoundInput, type InvalidReason, type TallyResult } from '#shared/council/tally';
import { MARK, attendanceOf, councilSettings, formsOf, makeBallots, makeCandidates, type Density } from './council-ballots';
import { RUNS, WARMUP_MS, WARMUP_RUNS, size } from './council-config';
import { sample, type Sample } from './report';

export interface TallyCase {
  ballots: number;
  candidates: number;
  density: Density;
  places: number[];
  marks: number;
  members: number;
  sample: Sample;
  /** The process's own CPU time per run (process.cpuUsage): what other engineers' load on the machine inflates least. */
  cpu: Sample;
  nsPerCell: number;
  nsPerCellCpu: number;
  nsPerMark: number;
  invalid: Partial<Record<InvalidReason, number>>;
  valid: number;
  passed: number;
  selected: number;
}

export function invalidByReason(result: TallyResult): Partial<Record<InvalidReason, number>> {
  const out: Partial<Record<InvalidReason, number>> = {};
  for (const ballot of result.invalidBallots) for (const reason of ballot.reasons) out[reason] = (out[reason] ?? 0) + 1;
  return out;
}

/** The tally must have found what was planted: the bench measures the real work or nothing. */
export function checkResult(
  result: TallyResult,
  ballots: number,
  expected: Record<InvalidReason, number>,
  what: string,
  /** More ballots than a schema-valid round issues: the count is void by the rules, its votes still counted. */
  voidExpected = false,
): void {
  const found = invalidByReason(result);
  const planted = Object.values(expected).reduce((a, b) => a + b, 0);
  const same = (Object.keys(expected) as InvalidReason[]).every((reason) => (found[reason] ?? 0) === expected[reason]);
  if (!same || result.ballots.collected !== ballots || result.ballots.invalid !== planted || result.void !== voidExpected) {
    throw new Error(
      `${what}: the tally found ${JSON.stringify(result.ballots)} ${JSON.stringify(found)}, expected ${planted} invalid ${JSON.stringify(expected)}${result.void ? ' (void)' : ''}`,
    );
  }
}

/** Ballots as the tally route gets them: compact (as the pane sends them), read back by gunzip + JSON.parse of the stored JSON. */
export const asParsed = (ballots: CompactBallots) => JSON.parse(JSON.stringify(ballots)) as CompactBallots;

const cpuMs = (usage: NodeJS.CpuUsage) => (usage.user + usage.system) / 1000;

/**
 * `runs` timed calls after at least `warmup` unreported ones and, with `warmupMs`, until the process has
 * run that long (the JIT's tiers): each call's wall time and the process's own CPU time.
 */
export function timeRuns<T>(runs: number, warmup: number, work: () => T, warmupMs = 0): { times: number[]; cpuTimes: number[]; last: T } {
  let last!: T;
  // Warm for that long of the process's own CPU time, not of the clock: on a loaded machine the clock's
  // 250 ms may hold a few runs and leave the JIT's background compilation starved (the first size measured
  // then ran unoptimized, 10× slower).
  const start = process.cpuUsage();
  for (let i = 0; i < warmup || (cpuMs(process.cpuUsage(start)) < warmupMs && i < 2_000); i += 1) last = work();
  const times: number[] = [];
  const cpuTimes: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const cpu = process.cpuUsage();
    const from = performance.now();
    last = work();
    times.push(performance.now() - from);
    cpuTimes.push(cpuMs(process.cpuUsage(cpu)));
  }
  return { times, cpuTimes, last };
}

export function inProcessInput(ballots: number, candidates: number, density: Density) {
  const list = makeCandidates(candidates);
  const forms = formsOf(list, density);
  const set = makeBallots(list, forms, ballots, density);
  // Everyone who takes part casts one ballot (2% of them in writing); 5% of the members are absent.
  const members = ballots + Math.round(ballots * 0.05);
  const compact = encodeBallots(
    set.ballots,
    list.map((c) => c.nominationId),
    MARK,
  );
  const input: CompactRoundInput = { candidates: list, forms, attendance: attendanceOf(ballots), ballots: asParsed(compact) };
  return { input, settings: councilSettings(members), set, members };
}

export function measureTally(ballots: number, candidates: number, density: Density): TallyCase {
  const { input, settings, set, members } = inProcessInput(ballots, candidates, density);
  const { times, cpuTimes, last } = timeRuns(RUNS, WARMUP_RUNS, () => tally(settings, input), WARMUP_RUNS > 0 ? WARMUP_MS : 0);
  checkResult(last, ballots, set.expectedInvalid, `in-process ${size(ballots, candidates)} ${density}`);
  const s = sample(times);
  const cpu = sample(cpuTimes);
  return {
    ballots,
    candidates,
    density,
    places: input.forms.map((f) => f.places),
    marks: set.marks,
    members,
    sample: s,
    cpu,
    nsPerCell: (s.median * 1e6) / (ballots * candidates),
    nsPerCellCpu: (cpu.median * 1e6) / (ballots * candidates),
    nsPerMark: (s.median * 1e6) / set.marks,
    invalid: invalidByReason(last),
    valid: last.ballots.valid,
    passed: last.candidates.filter((c) => c.passed).length,
    selected: last.candidates.filter((c) => c.selected).length,
  };
}
