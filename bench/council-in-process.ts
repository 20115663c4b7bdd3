/** The council bench's part a): tally() in-process on rounds of growing size, each result checked. */
import { performance } from 'node:perf_hooks';
import type { Ballot, RoundInput } from '#shared/council/round';
import { tally, type InvalidReason, type TallyResult } from '#shared/council/tally';
import { attendanceOf, councilSettings, formsOf, makeBallots, makeCandidates, type Density } from './council-ballots';
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
  nsPerCell: number;
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
export function checkResult(result: TallyResult, ballots: number, expected: Record<InvalidReason, number>, what: string): void {
  const found = invalidByReason(result);
  const planted = Object.values(expected).reduce((a, b) => a + b, 0);
  const same = (Object.keys(expected) as InvalidReason[]).every((reason) => (found[reason] ?? 0) === expected[reason]);
  if (!same || result.ballots.collected !== ballots || result.ballots.invalid !== planted || result.void) {
    throw new Error(
      `${what}: the tally found ${JSON.stringify(result.ballots)} ${JSON.stringify(found)}, expected ${planted} invalid ${JSON.stringify(expected)}${result.void ? ' (void)' : ''}`,
    );
  }
}

/** Ballots as the tally route gets them: decodeBallots is gunzip + JSON.parse of the stored JSON. */
export const asParsed = (ballots: readonly Ballot[]) => JSON.parse(JSON.stringify(ballots)) as Ballot[];

/** `runs` timed calls after at least `warmup` unreported ones and, with `warmupMs`, until that long has passed (the JIT's tiers). */
export function timeRuns<T>(runs: number, warmup: number, work: () => T, warmupMs = 0): { times: number[]; last: T } {
  let last!: T;
  const until = performance.now() + warmupMs;
  for (let i = 0; i < warmup || (performance.now() < until && i < 2_000); i += 1) last = work();
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const from = performance.now();
    last = work();
    times.push(performance.now() - from);
  }
  return { times, last };
}

export function inProcessInput(ballots: number, candidates: number, density: Density) {
  const list = makeCandidates(candidates);
  const forms = formsOf(list, density);
  const set = makeBallots(list, forms, ballots, density);
  // Everyone who takes part casts one ballot (2% of them in writing); 5% of the members are absent.
  const members = ballots + Math.round(ballots * 0.05);
  const input: RoundInput = { candidates: list, forms, attendance: attendanceOf(ballots), ballots: asParsed(set.ballots) };
  return { input, settings: councilSettings(members), set, members };
}

export function measureTally(ballots: number, candidates: number, density: Density): TallyCase {
  const { input, settings, set, members } = inProcessInput(ballots, candidates, density);
  const { times, last } = timeRuns(RUNS, WARMUP_RUNS, () => tally(settings, input), WARMUP_RUNS > 0 ? WARMUP_MS : 0);
  checkResult(last, ballots, set.expectedInvalid, `in-process ${size(ballots, candidates)} ${density}`);
  const s = sample(times);
  return {
    ballots,
    candidates,
    density,
    places: input.forms.map((f) => f.places),
    marks: set.marks,
    members,
    sample: s,
    nsPerCell: (s.median * 1e6) / (ballots * candidates),
    nsPerMark: (s.median * 1e6) / set.marks,
    invalid: invalidByReason(last),
    valid: last.ballots.valid,
    passed: last.candidates.filter((c) => c.passed).length,
    selected: last.candidates.filter((c) => c.selected).length,
  };
}
