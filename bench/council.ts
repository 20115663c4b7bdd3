/**
 * The council's tally in `npm run bench` (after the save path; BENCH_COUNCIL=0 skips it; on its own:
 * `npx tsx bench/council-main.ts`). It measures:
 *   a) in-process: `tally(settings, input)` of shared/council/tally.ts on 500 × 40, 2,500 × 100,
 *      5,000 × 200 and 10,000 × 200 (ballots × candidates), with realistic ballots and with ballots that
 *      mark every candidate (bench/council-ballots.ts), median and p95 of BENCH_COUNCIL_RUNS (30) runs
 *      after BENCH_COUNCIL_WARMUP (5) unreported ones, and the time per ballot × candidate and per mark;
 *      each result is checked to find exactly the invalid ballots that were planted;
 *   b) through the local API (the real handlers, over HTTP, on the bench's DynamoDB Local): a round of
 *      500 × 40 and one of 10,000 × 200 in campaigns of their own; PUT …/ballots and POST …/tally timed
 *      apart, BENCH_COUNCIL_API_REPEATS (5) times after one unreported pair, with payload sizes and
 *      DynamoDB requests (the product's requestCounter). Where the API refuses (a round too large to
 *      open, ballots too large for one request), it says so and does that step with the product's own
 *      functions, labelled as such, so that the steps after it are still measured through the API.
 * It prints its section, a summary with the goals, and a line `BENCH_JSON_COUNCIL {...}`.
 * BENCH_CPU_PROFILE=1 adds a V8 CPU profile of 10 in-process tallies of 10,000 × 200.
 */
import os from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { candidatesFor, formsFor } from '#shared/council/candidates';
import { submitBallots } from '#functions/council/rounds';
import { getCampaign } from '#functions/store/campaign-store';
import { db, requestCounter } from '#functions/store/client';
import { loadAllNominations } from '#functions/store/nomination-reads';
import { readQuotaUsage } from '#functions/store/quota-counters';
import { getUser, loadRegistry } from '#functions/store/org-store';
import {
  decodeBallots,
  encodeBallots,
  getRoundWithBallots,
  newRoundItem,
  nextRoundNumber,
  roundToItem,
  type StoredRound,
} from '#functions/store/round-store';
import { transact } from '#functions/store/transact';
import { type Campaign, CouncilSettings } from '#shared/campaign';
import { buildMinutes } from '#shared/council/minutes';
import { Attendance, type Ballot, type RoundInput } from '#shared/council/round';
import { tally, type InvalidReason, type TallyResult } from '#shared/council/tally';
import { MAX_BALLOTS, SubmitBallotsRequest, type VotingRound } from '#shared/council/voting-round';
import { todayInVietnam } from '#shared/dates';
import { SEED_CAMPAIGN } from '#shared/seed/campaign-2025';
import {
  FIRST_FORM,
  PLACES_SHARE,
  SECOND_FORM,
  attendanceOf,
  councilSettings,
  firstFormCount,
  formsOf,
  makeBallots,
  makeCandidates,
  placesFor,
  type Density,
} from './council-ballots';
import { cpuProfile } from './cpu';
import { busyMs, type CallLog } from './profile';
import { goalsTable, int, ms, percentile, sample, table, type Sample } from './report';
import { makeRows } from './rows';

export interface CouncilBenchContext {
  /** The local API's base URL (the real handlers, in this process, on the product's db()). */
  baseUrl: string;
  issueToken: (email: string) => Promise<string>;
  /** The call log on db().doc, if any: the time DynamoDB requests were in flight. */
  log?: CallLog;
  progress?: (line: string) => void;
}

const ENABLED = process.env.BENCH_COUNCIL !== '0';
const RUNS = Math.max(1, Number(process.env.BENCH_COUNCIL_RUNS ?? 30));
const WARMUP_RUNS = Math.max(0, Number(process.env.BENCH_COUNCIL_WARMUP ?? 5));
const API_REPEATS = Math.max(1, Number(process.env.BENCH_COUNCIL_API_REPEATS ?? 5));
const CPU_PROFILE = process.env.BENCH_CPU_PROFILE === '1';
/** Each in-process case also warms up for at least this long (small rounds take under a millisecond). */
const WARMUP_MS = 250;

const GOAL_MS = 50;
const GOAL_BALLOTS = 10_000;
const GOAL_CANDIDATES = 200;
/** "Roughly constant": the largest time per ballot × candidate within this factor of the smallest. */
const LINEARITY_SPREAD = 1.5;

const IN_PROCESS_SIZES: readonly [number, number][] = [
  [500, 40],
  [2_500, 100],
  [5_000, 200],
  [10_000, 200],
];
const API_SIZES: readonly [number, number][] = [
  [500, 40],
  [10_000, 200],
];

const ADMIN = 'admin@thidua.local';
const HR = 'tochuc@thidua.local';
const SECRETARY = 'thuky@thidua.local';
/** A 413 from the API: Lambda's 6 MB request limit (product shape) or API Gateway's 10 MB (its own). */
const LAMBDA_MAX_BYTES = 6 * 1024 * 1024;

const round1 = (value: number, digits = 1) => Number(value.toFixed(digits));
const kb = (bytes: number) => (bytes >= 1e6 ? `${(bytes / 1e6).toFixed(2)} MB` : `${(bytes / 1e3).toFixed(1)} KB`);
const size = (ballots: number, candidates: number) => `${int(ballots)} × ${int(candidates)}`;

// ---- a) in-process

interface TallyCase {
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

function invalidByReason(result: TallyResult): Partial<Record<InvalidReason, number>> {
  const out: Partial<Record<InvalidReason, number>> = {};
  for (const ballot of result.invalidBallots) for (const reason of ballot.reasons) out[reason] = (out[reason] ?? 0) + 1;
  return out;
}

/** The tally must have found what was planted: the bench measures the real work or nothing. */
function checkResult(result: TallyResult, ballots: number, expected: Record<InvalidReason, number>, what: string): void {
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
const asParsed = (ballots: readonly Ballot[]) => JSON.parse(JSON.stringify(ballots)) as Ballot[];

/** `runs` timed calls after at least `warmup` unreported ones and, with `warmupMs`, until that long has passed (the JIT's tiers). */
function timeRuns<T>(runs: number, warmup: number, work: () => T, warmupMs = 0): { times: number[]; last: T } {
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

function inProcessInput(ballots: number, candidates: number, density: Density) {
  const list = makeCandidates(candidates);
  const forms = formsOf(list, density);
  const set = makeBallots(list, forms, ballots, density);
  // Everyone who takes part casts one ballot (2% of them in writing); 5% of the members are absent.
  const members = ballots + Math.round(ballots * 0.05);
  const input: RoundInput = { candidates: list, forms, attendance: attendanceOf(ballots), ballots: asParsed(set.ballots) };
  return { input, settings: councilSettings(members), set, members };
}

function measureTally(ballots: number, candidates: number, density: Density): TallyCase {
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

// ---- b) through the API

interface ApiCall {
  status: number;
  ms: number;
  requestBytes: number;
  responseBytes: number;
  dynamo: number;
  dynamoBusyMs: number;
  body: any;
}

async function call(ctx: CouncilBenchContext, method: string, path: string, token: string, body?: unknown): Promise<ApiCall> {
  const payload = body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body);
  const before = requestCounter.count;
  const from = performance.now();
  const response = await fetch(`${ctx.baseUrl}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(payload !== undefined ? { 'content-type': 'application/json' } : {}) },
    ...(payload !== undefined ? { body: payload } : {}),
  });
  const text = await response.text();
  let parsed: unknown;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    parsed = text;
  }
  const to = performance.now();
  return {
    status: response.status,
    ms: to - from,
    requestBytes: payload === undefined ? 0 : Buffer.byteLength(payload),
    responseBytes: Number(response.headers.get('content-length') ?? Buffer.byteLength(text)),
    dynamo: requestCounter.count - before,
    dynamoBusyMs: ctx.log ? busyMs(ctx.log.between(from, to)) : NaN,
    body: parsed,
  };
}

function expectStatus(answer: ApiCall, status: number, what: string): void {
  if (answer.status !== status) throw new Error(`${what} answered ${answer.status}: ${JSON.stringify(answer.body).slice(0, 600)}`);
}

interface Timed {
  sample: Sample;
  dynamo: number[];
  requestBytes: number;
  responseBytes: number;
  /** DynamoDB in flight during the median call. */
  dynamoBusyMs: number;
}

function timed(calls: readonly ApiCall[]): Timed {
  const s = sample(calls.map((c) => c.ms));
  const median = calls.find((c) => c.ms === s.median)!;
  return {
    sample: s,
    dynamo: calls.map((c) => c.dynamo),
    requestBytes: median.requestBytes,
    responseBytes: median.responseBytes,
    dynamoBusyMs: median.dynamoBusyMs,
  };
}

interface ApiCase {
  ballots: number;
  candidates: number;
  places: number[];
  marks: number;
  campaignId: string;
  bodyBytes: number;
  opened: { how: 'api' | 'store'; status: number; code?: string; details?: unknown };
  put: { how: 'api' | 'in-process'; refused?: { status: number; message: string; bytes: number }; timed: Timed };
  storedBallots: { bytes: number; parts: number };
  tallyRoute: Timed;
  /** In-process, the tally route's own work on the same round, median of 10: where its time goes. */
  pieces: { decodeMs: number; tallyMs: number; minutesMs: number; packMs: number };
  result: { valid: number; invalid: number; passed: number; selected: number; issued: number; collected: number };
}

/** A campaign of its own: the seed's, with a council of `members` and quotas that leave a fifth of each form's candidates as places. */
function campaignFor(id: string, candidates: number, members: number): Campaign {
  const places = new Map([
    [FIRST_FORM, placesFor(firstFormCount(candidates))],
    [SECOND_FORM, placesFor(candidates - firstFormCount(candidates))],
  ]);
  return {
    ...SEED_CAMPAIGN,
    id,
    title: `${SEED_CAMPAIGN.title} (bench hội đồng ${candidates} ứng viên)`.slice(0, 500),
    quotaRules: SEED_CAMPAIGN.quotaRules.map((rule) =>
      places.has(rule.awardForm) && rule.scope === 'campaign' ? { ...rule, max: places.get(rule.awardForm)! } : rule,
    ),
    council: councilSettings(members),
  };
}

function median(runs: number, work: () => void): number {
  return percentile(timeRuns(runs, 2, work).times, 50);
}

async function apiCase(
  ctx: CouncilBenchContext,
  tokens: Record<'admin' | 'hr' | 'secretary', string>,
  ballots: number,
  candidates: number,
  members: number,
): Promise<ApiCase> {
  const progress = ctx.progress ?? (() => {});
  const tag = `council API ${size(ballots, candidates)}`;
  const campaignId = `bench-council-${candidates}-${Date.now().toString(36)}`;
  const attendance = attendanceOf(members);

  progress(`${tag}: campaign ${campaignId} (admin POST /campaigns), ${candidates} eligible nominations (hr POST …/nominations/batch)…`);
  expectStatus(
    await call(ctx, 'POST', '/campaigns', tokens.admin, campaignFor(campaignId, candidates, members)),
    201,
    `${tag}: POST /campaigns`,
  );
  const first = firstFormCount(candidates);
  const rows = makeRows(candidates).map((row, i) => ({
    ...row,
    status: 'eligible' as const,
    awardForm: i < first ? FIRST_FORM : SECOND_FORM,
  }));
  const saved = await call(ctx, 'POST', `/campaigns/${campaignId}/nominations/batch`, tokens.hr, { rows });
  expectStatus(saved, 200, `${tag}: POST nominations/batch`);
  if (saved.body.summary.saved !== candidates)
    throw new Error(`${tag}: ${JSON.stringify(saved.body.summary)} of ${candidates} nominations saved`);

  progress(`${tag}: opening the round (secretary POST /campaigns/${campaignId}/rounds)…`);
  const rounds = `/campaigns/${campaignId}/rounds`;
  const opening = await call(ctx, 'POST', rounds, tokens.secretary, { attendance });
  let round: VotingRound | StoredRound;
  let opened: ApiCase['opened'];
  if (opening.status === 201) {
    round = opening.body as VotingRound;
    opened = { how: 'api', status: 201 };
  } else {
    // Refused (ROUND_TOO_LARGE: its confirmation would not fit one transaction). Put the round in place
    // as createRound builds it (the same candidates, forms and number), with round-store's own Put.
    if (opening.body?.code !== 'ROUND_TOO_LARGE') expectStatus(opening, 201, `${tag}: POST rounds`);
    opened = { how: 'store', status: opening.status, code: opening.body.code, details: opening.body.details };
    progress(
      `${tag}: POST rounds answered ${opening.status} ${opening.body.code} ${JSON.stringify(opening.body.details)}: putting the round in place with round-store (newRoundItem + transact)…`,
    );
    const campaign = await getCampaign(db(), campaignId);
    const [nominations, registry, usage, number] = await Promise.all([
      loadAllNominations(db(), campaignId),
      loadRegistry(db()),
      readQuotaUsage(db(), campaign),
      nextRoundNumber(db(), campaignId),
    ]);
    const eligible = nominations.filter((n) => n.status === 'eligible');
    const now = new Date().toISOString();
    const stored: StoredRound = {
      campaignId,
      id: String(number),
      number,
      status: 'open',
      candidates: candidatesFor(campaign, eligible, registry),
      forms: formsFor(campaign, eligible, usage),
      attendance,
      ballotCount: 0,
      ballotsVersion: 0,
      ballotsParts: 0,
      version: 1,
      createdAt: now,
      createdBy: SECRETARY,
      updatedAt: now,
      updatedBy: SECRETARY,
    };
    const outcome = await transact(db(), [newRoundItem(db(), stored)]);
    if (!outcome.ok) throw new Error(`${tag}: putting the round in place failed: ${outcome.reasons.join(', ')}`);
    round = stored;
  }
  if (round.candidates.length !== candidates)
    throw new Error(`${tag}: the round has ${round.candidates.length} candidates, expected ${candidates}`);

  const set = makeBallots(round.candidates, round.forms, ballots, 'realistic');
  const body = JSON.stringify({ ballots: set.ballots });
  const bodyBytes = Buffer.byteLength(body);
  const roundPath = `${rounds}/${round.id}`;

  // One unreported PUT + tally first (the council handler's first use), then the measured pairs.
  const puts: ApiCall[] = [];
  const tallies: ApiCall[] = [];
  let refused: { status: number; message: string; bytes: number } | undefined;
  const campaign = await getCampaign(db(), campaignId);
  const secretary = (await getUser(db(), SECRETARY))!;
  for (let run = 0; run <= API_REPEATS; run += 1) {
    const note = run === 0 ? ' (warm-up, not reported)' : ` (${run}/${API_REPEATS})`;
    if (!refused) {
      progress(`${tag}: PUT ${roundPath}/ballots, ${kb(bodyBytes)}${note}…`);
      const answer = await call(ctx, 'PUT', `${roundPath}/ballots`, tokens.secretary, body);
      if (answer.status === 413) {
        refused = {
          status: 413,
          message: String(answer.body?.code ?? answer.body?.message ?? JSON.stringify(answer.body)).slice(0, 120),
          bytes: bodyBytes,
        };
        progress(`${tag}: PUT ballots answered 413 (${refused.message}): the ballots go in with submitBallots in-process from now on`);
      } else {
        expectStatus(answer, 200, `${tag}: PUT ballots`);
        if (run > 0) puts.push(answer);
      }
    }
    if (refused) {
      // The PUT's own work without HTTP: the handler's zod parse of the body, then submitBallots.
      progress(`${tag}: submitBallots in-process (the PUT refused)${note}…`);
      const before = requestCounter.count;
      const from = performance.now();
      const request = SubmitBallotsRequest.parse(JSON.parse(body));
      await submitBallots(db(), campaign, secretary, round.number, request, `bench-council-${run}`);
      const to = performance.now();
      if (run > 0)
        puts.push({
          status: 200,
          ms: to - from,
          requestBytes: 0,
          responseBytes: 0,
          dynamo: requestCounter.count - before,
          dynamoBusyMs: ctx.log ? busyMs(ctx.log.between(from, to)) : NaN,
          body: undefined,
        });
    }
    progress(`${tag}: POST ${roundPath}/tally${note}…`);
    const counted = await call(ctx, 'POST', `${roundPath}/tally`, tokens.secretary);
    expectStatus(counted, 200, `${tag}: POST tally`);
    checkResult(counted.body.result as TallyResult, ballots, set.expectedInvalid, `${tag}: POST tally`);
    if (run > 0) tallies.push(counted);
  }
  const put: ApiCase['put'] = { how: refused ? 'in-process' : 'api', ...(refused ? { refused } : {}), timed: timed(puts) };
  const last = tallies.at(-1)!.body as VotingRound;
  const result = last.result!;

  // Where the tally route's time goes, in-process on the same round: read back what it read.
  const { round: stored, ballots: storedBallots } = await getRoundWithBallots(db(), campaignId, round.number);
  const parts = encodeBallots(storedBallots);
  const pieceRuns = 10;
  let counted!: TallyResult;
  let minutes!: ReturnType<typeof buildMinutes>;
  const input: RoundInput = { candidates: stored.candidates, forms: stored.forms, attendance: stored.attendance, ballots: storedBallots };
  const date = todayInVietnam(new Date());
  const pieces = {
    decodeMs: median(pieceRuns, () => void decodeBallots(parts)),
    tallyMs: median(pieceRuns, () => void (counted = tally(campaign.council, input))),
    minutesMs: median(pieceRuns, () => void (minutes = buildMinutes({ campaign, round: stored, result: counted, date }))),
    packMs: median(pieceRuns, () => void roundToItem({ ...stored, status: 'tallied', result: counted, minutes })),
  };

  return {
    ballots,
    candidates,
    places: round.forms.map((f) => f.places),
    marks: set.marks,
    campaignId,
    bodyBytes,
    opened,
    put,
    storedBallots: { bytes: parts.reduce((sum, p) => sum + p.length, 0), parts: parts.length },
    tallyRoute: timed(tallies),
    pieces,
    result: {
      valid: result.ballots.valid,
      invalid: result.ballots.invalid,
      passed: result.candidates.filter((c) => c.passed).length,
      selected: result.candidates.filter((c) => c.selected).length,
      issued: result.ballots.issued,
      collected: result.ballots.collected,
    },
  };
}

// ---- Output

const range = (s: Sample) => `${ms(s.median)} (${ms(s.min)}–${ms(s.max)})`;
const counts = (list: readonly number[]) =>
  Math.min(...list) === Math.max(...list) ? `${list[0]}` : `${Math.min(...list)}–${Math.max(...list)}`;

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

function linearity(cases: readonly TallyCase[]) {
  const values = cases.map((c) => c.nsPerCell);
  const spread = Math.max(...values) / Math.min(...values);
  return {
    spread,
    pass: spread <= LINEARITY_SPREAD,
    text: `${Math.min(...values).toFixed(1)}–${Math.max(...values).toFixed(1)} ns (${spread.toFixed(2)}×)`,
  };
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
  const apiMembers = memberCap;

  // a) in-process
  const inProcess: TallyCase[] = [];
  for (const density of ['realistic', 'full'] as const) {
    for (const [ballots, candidates] of IN_PROCESS_SIZES) {
      progress(
        `council in-process: tally of ${size(ballots, candidates)}, ${density} ballots, ${RUNS} runs after ${WARMUP_RUNS}+ (≥ ${WARMUP_MS} ms) unreported…`,
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

  // b) through the API
  const tokens = { admin: await ctx.issueToken(ADMIN), hr: await ctx.issueToken(HR), secretary: await ctx.issueToken(SECRETARY) };
  const api: ApiCase[] = [];
  for (const [ballots, candidates] of API_SIZES) api.push(await apiCase(ctx, tokens, ballots, candidates, apiMembers));

  // ---- the section
  const realistic = inProcess.filter((c) => c.density === 'realistic');
  const full = inProcess.filter((c) => c.density === 'full');
  const goalCase = (list: readonly TallyCase[]) => list.find((c) => c.ballots === GOAL_BALLOTS && c.candidates === GOAL_CANDIDATES)!;
  const goalRealistic = goalCase(realistic);
  const goalFull = goalCase(full);

  console.log(`\n=== Council: the tally of a round (shared/council/tally.ts), in-process and through the API ===`);
  console.log(
    [
      `Rounds: a quarter of the candidates for ${FIRST_FORM}, the rest for ${SECOND_FORM}; each form has places for ${PLACES_SHARE * 100}% of its candidates.`,
      `Realistic ballots: each marks up to the places of each form (85% fill them all), by the candidates' standing; ~2% of marks "X" or " x"`,
      `  (valid); ~1% of ballots invalid: one mark over a form's places (0.4%), a wrong mark "v" (0.3%), a number used twice (0.15% of pairs).`,
      `  Only non-empty marks are sent. Full ballots: every candidate marked on every ballot (places = candidates): ballots × candidates marks.`,
      `Ballots reach tally() as the route gives them to it: JSON.parse of their JSON (decodeBallots = gunzip + JSON.parse).`,
      `In-process council: members = ballots + 5% absent, everyone present casting one ballot (2% in writing). That is beyond the schema`,
      `  (CouncilSettings.members ≤ ${int(memberCap)}, Attendance.present ≤ ${int(presentCap)}), so the settings are built directly, not parsed;`,
      `  tally() reads only the member count. Threshold base: valid ballots (the seed: > 50% of members; the API runs below need it).`,
      `Each check: the tally found exactly the invalid ballots planted, by reason. Times: median / p95 of ${RUNS} runs, each`,
      `  size after ${WARMUP_RUNS > 0 ? `≥ ${WARMUP_RUNS} unreported runs lasting ≥ ${WARMUP_MS} ms (JIT)` : 'no warm-up (BENCH_COUNCIL_WARMUP=0)'}; p95 nearest rank. One process: the local API is idle meanwhile.`,
    ].join('\n'),
  );
  const marksPerBallot = (c: TallyCase) => (c.marks / c.ballots).toFixed(1);
  const REASONS: [InvalidReason, string][] = [
    ['OVER_PLACES', 'over places'],
    ['UNKNOWN_MARK', 'wrong mark'],
    ['REPEATED_NUMBER', 'same number'],
    ['UNKNOWN_CANDIDATE', 'unknown candidate'],
  ];
  const invalidText = (c: TallyCase) => {
    const parts = REASONS.filter(([reason]) => c.invalid[reason]).map(([reason, label]) => `${c.invalid[reason]} ${label}`);
    return `${int(c.valid)} valid${parts.length ? `, ${parts.join(', ')}` : ''}`;
  };
  console.log(`\nIn-process tally(settings, input):`);
  console.log(
    table(
      inProcess.map((c) => [
        `${size(c.ballots, c.candidates)}, ${c.density}`,
        c.places.join(' + '),
        marksPerBallot(c),
        int(c.marks),
        ms(c.sample.median),
        ms(c.sample.p95),
        ms(c.sample.min),
        c.nsPerCell.toFixed(1),
        c.nsPerMark.toFixed(1),
        invalidText(c),
        `${c.passed} / ${c.selected}`,
      ]),
      [
        'ballots × candidates',
        'places',
        'marks/ballot',
        'marks',
        'median',
        'p95',
        'min',
        'ns/(ballot×cand.)',
        'ns/mark',
        'ballots found by the tally',
        'passed / selected',
      ],
    ),
  );

  console.log(`\nThrough the local API (fetch → local API → the council Lambda's handler → DynamoDB Local → response parsed):`);
  console.log(
    [
      `Council of ${int(apiMembers)} members (the schema's cap), attendance ${attendanceOf(apiMembers).present} present + ${attendanceOf(apiMembers).writtenVotes} in writing: so ${int(apiMembers)} ballots issued while`,
      `  500 and 10,000 are collected. No schema-valid council has 500 members; tally() does not compare collected with issued, so the`,
      `  rounds count as usual: the figures measure the work of these many ballots, not a meeting that could happen.`,
      `Candidates: eligible nominations saved by HR (bench/rows.ts; the demo office has ~63 people, so nominees repeat, as the save's`,
      `  DUPLICATE_NOMINEE flags, which the round does not look at). Timings: median (min–max) of ${API_REPEATS} after one unreported PUT + tally.`,
    ].join('\n'),
  );
  for (const c of api) {
    if (c.opened.how === 'store') {
      console.log(
        `${size(c.ballots, c.candidates)}: POST /campaigns/{id}/rounds answered ${c.opened.status} ${c.opened.code} ${JSON.stringify(c.opened.details)}: the round was put in place with round-store's newRoundItem + transact, as createRound builds it (candidatesFor, formsFor); no API opens it.`,
      );
    }
    if (c.put.refused) {
      console.log(
        `${size(c.ballots, c.candidates)}: PUT …/ballots answered ${c.put.refused.status} "${c.put.refused.message}" to a body of ${kb(c.put.refused.bytes)} (API Gateway takes at most 10 MiB, the Lambda 6 MiB): the ballots went in with submitBallots in-process (the handler's zod parse + submitBallots, no HTTP), labelled below. At ${int(c.bodyBytes / c.ballots)} bytes per ballot one PUT carries at most ~${int(Math.floor(LAMBDA_MAX_BYTES / (c.bodyBytes / c.ballots)))} such ballots, and a PUT replaces all of a round's ballots.`,
      );
    }
  }
  const col = (f: (c: ApiCase) => string) => api.map(f);
  console.log('');
  console.log(
    table(
      [
        [
          'Round opened by',
          ...col((c) => (c.opened.how === 'api' ? 'POST …/rounds (201)' : `round-store (API: ${c.opened.status} ${c.opened.code})`)),
        ],
        ['  places (by form)', ...col((c) => c.places.join(' + '))],
        ['Ballots: marks (per ballot)', ...col((c) => `${int(c.marks)} (${(c.marks / c.ballots).toFixed(1)})`)],
        ['  as JSON (the PUT body)', ...col((c) => kb(c.bodyBytes))],
        ['  as stored (gzip, parts)', ...col((c) => `${kb(c.storedBallots.bytes)}, ${c.storedBallots.parts}`)],
        [
          'PUT …/ballots: median (min–max)',
          ...col((c) => (c.put.how === 'api' ? range(c.put.timed.sample) : `refused (${c.put.refused!.status})`)),
        ],
        ['  in-process submitBallots instead', ...col((c) => (c.put.how === 'in-process' ? range(c.put.timed.sample) : '–'))],
        ['  response', ...col((c) => (c.put.how === 'api' ? kb(c.put.timed.responseBytes) : '–'))],
        ['  DynamoDB requests', ...col((c) => counts(c.put.timed.dynamo))],
        ['  DynamoDB in flight (median run)', ...col((c) => ms(c.put.timed.dynamoBusyMs))],
        ['POST …/tally: median (min–max)', ...col((c) => range(c.tallyRoute.sample))],
        ['  p95', ...col((c) => ms(c.tallyRoute.sample.p95))],
        ['  response', ...col((c) => kb(c.tallyRoute.responseBytes))],
        ['  DynamoDB requests', ...col((c) => counts(c.tallyRoute.dynamo))],
        ['  DynamoDB in flight (median run)', ...col((c) => ms(c.tallyRoute.dynamoBusyMs))],
        ['  in-process: decode ballots (gunzip+parse)', ...col((c) => ms(c.pieces.decodeMs))],
        ['  in-process: tally()', ...col((c) => ms(c.pieces.tallyMs))],
        ['  in-process: buildMinutes()', ...col((c) => ms(c.pieces.minutesMs))],
        ['  in-process: roundToItem (JSON+gzip)', ...col((c) => ms(c.pieces.packMs))],
        ['Result: issued / collected', ...col((c) => `${int(c.result.issued)} / ${int(c.result.collected)}`)],
        ['  valid / invalid', ...col((c) => `${int(c.result.valid)} / ${int(c.result.invalid)}`)],
        ['  passed / selected', ...col((c) => `${c.result.passed} / ${c.result.selected}`)],
      ],
      ['', ...api.map((c) => `${size(c.ballots, c.candidates)}`)],
    ),
  );
  if (cpu) console.log(cpu);

  // ---- summary and goals
  const linear = linearity(realistic);
  const linearFull = linearity(full);
  const goals = [
    {
      goal: `In-process tally of ${size(GOAL_BALLOTS, GOAL_CANDIDATES)} under ${GOAL_MS} ms (realistic ballots, median)`,
      value: ms(goalRealistic.sample.median),
      pass: goalRealistic.sample.median < GOAL_MS,
    },
    { goal: `  the same at p95`, value: ms(goalRealistic.sample.p95), pass: goalRealistic.sample.p95 < GOAL_MS },
    {
      goal: `  the same with every candidate marked (${int(goalFull.marks)} marks), median`,
      value: ms(goalFull.sample.median),
      pass: goalFull.sample.median < GOAL_MS,
    },
    {
      goal: `Linear: ns per ballot × candidate within ${LINEARITY_SPREAD}× across the ${realistic.length} sizes (realistic)`,
      value: linear.text,
      pass: linear.pass,
    },
    { goal: `  the same with every candidate marked`, value: linearFull.text, pass: linearFull.pass },
  ];
  console.log('\n=== Council tally: summary ===');
  console.log(
    `Node ${process.version}, ${os.cpus().length} CPUs (${os.cpus()[0]?.model.trim()}); load average ${loadBefore.toFixed(1)} at the start of this part, ${os.loadavg()[0]!.toFixed(1)} at its end${
      os.loadavg()[0]! > os.cpus().length ? ' (busy: figures are noisy)' : ''
    }.`,
  );
  console.log('');
  console.log(
    table(
      [
        ...realistic.map((c) => [
          `In-process ${size(c.ballots, c.candidates)}, realistic ballots`,
          `${ms(c.sample.median)} / ${ms(c.sample.p95)}`,
          `${c.nsPerCell.toFixed(1)} ns per ballot×cand., ${c.nsPerMark.toFixed(0)} ns per mark`,
        ]),
        ...full.map((c) => [
          `In-process ${size(c.ballots, c.candidates)}, every candidate marked`,
          `${ms(c.sample.median)} / ${ms(c.sample.p95)}`,
          `${c.nsPerCell.toFixed(1)} ns per ballot×cand., ${c.nsPerMark.toFixed(0)} ns per mark`,
        ]),
        ...api.flatMap((c) => [
          [
            `API ${size(c.ballots, c.candidates)}: PUT ballots${c.put.how === 'api' ? '' : ' (refused: in-process submitBallots)'}`,
            `${ms(c.put.timed.sample.median)} / ${ms(c.put.timed.sample.p95)}`,
            `${counts(c.put.timed.dynamo)} DynamoDB requests, ${kb(c.bodyBytes)} body`,
          ],
          [
            `API ${size(c.ballots, c.candidates)}: POST tally${c.opened.how === 'api' ? '' : ' (round put in place by round-store)'}`,
            `${ms(c.tallyRoute.sample.median)} / ${ms(c.tallyRoute.sample.p95)}`,
            `${counts(c.tallyRoute.dynamo)} DynamoDB requests, ${kb(c.tallyRoute.responseBytes)} response`,
          ],
        ]),
      ],
      ['', 'median / p95', ''],
    ),
  );
  console.log('');
  console.log(goalsTable(goals));
  const limits = [
    `CouncilSettings.members ≤ ${int(memberCap)} and Attendance.present ≤ ${int(presentCap)}, while a round takes up to ${int(MAX_BALLOTS)} ballots: no schema-valid round has more than ${int(memberCap)} honest ballots, and tally() does not flag collected > issued.`,
    ...api
      .filter((c) => c.opened.how === 'store')
      .map((c) => `POST …/rounds refuses ${c.candidates} candidates: ${c.opened.code} ${JSON.stringify(c.opened.details)}.`),
    ...api
      .filter((c) => c.put.refused)
      .map(
        (c) =>
          `PUT …/ballots refuses ${size(c.ballots, c.candidates)} realistic ballots: ${kb(c.bodyBytes)} of JSON in one request (${c.put.refused!.status}); ~${int(Math.floor(LAMBDA_MAX_BYTES / (c.bodyBytes / c.ballots)))} such ballots fit in the Lambda's 6 MiB, and ballots cannot be sent in parts.`,
      ),
  ];
  console.log('\nLimits the bench ran into (reported, not worked around in the product):');
  for (const line of limits) console.log(`  - ${line}`);

  const json = {
    runs: RUNS,
    warmupRuns: WARMUP_RUNS,
    apiRepeats: API_REPEATS,
    inProcess: inProcess.map((c) => ({
      ballots: c.ballots,
      candidates: c.candidates,
      density: c.density,
      places: c.places,
      marks: c.marks,
      members: c.members,
      medianMs: round1(c.sample.median, 2),
      p95Ms: round1(c.sample.p95, 2),
      minMs: round1(c.sample.min, 2),
      nsPerBallotCandidate: round1(c.nsPerCell, 2),
      nsPerMark: round1(c.nsPerMark, 1),
      valid: c.valid,
      invalid: c.invalid,
    })),
    api: api.map((c) => ({
      ballots: c.ballots,
      candidates: c.candidates,
      places: c.places,
      marks: c.marks,
      members: apiMembers,
      roundOpenedBy: c.opened.how,
      ...(c.opened.how === 'store' ? { openRefused: { status: c.opened.status, code: c.opened.code, details: c.opened.details } } : {}),
      putBodyBytes: c.bodyBytes,
      storedBallotsBytes: c.storedBallots.bytes,
      storedBallotsParts: c.storedBallots.parts,
      put: {
        via: c.put.how,
        ...(c.put.refused ? { refused: c.put.refused } : {}),
        medianMs: round1(c.put.timed.sample.median),
        runsMs: c.put.timed.sample.times.map((t) => round1(t)),
        responseBytes: c.put.timed.responseBytes,
        dynamoRequests: c.put.timed.dynamo,
      },
      tally: {
        medianMs: round1(c.tallyRoute.sample.median),
        p95Ms: round1(c.tallyRoute.sample.p95),
        runsMs: c.tallyRoute.sample.times.map((t) => round1(t)),
        responseBytes: c.tallyRoute.responseBytes,
        dynamoRequests: c.tallyRoute.dynamo,
        dynamoBusyMs: round1(c.tallyRoute.dynamoBusyMs),
        inProcessMs: {
          decode: round1(c.pieces.decodeMs),
          tally: round1(c.pieces.tallyMs),
          minutes: round1(c.pieces.minutesMs),
          pack: round1(c.pieces.packMs),
        },
      },
      result: c.result,
    })),
    goals: goals.map((g) => ({ goal: g.goal.trim(), value: g.value, pass: g.pass })),
    limits: { councilMembersMax: memberCap, attendancePresentMax: presentCap, maxBallots: MAX_BALLOTS },
    loadAverage: [round1(loadBefore), round1(os.loadavg()[0]!)],
    seconds: round1((performance.now() - started) / 1000),
  };
  console.log(`\nBENCH_JSON_COUNCIL ${JSON.stringify(json)}`);
}
