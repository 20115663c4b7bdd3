/** The council bench's summary: the goals met or missed, the limits it ran into, and BENCH_JSON_COUNCIL. */
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { MAX_BALLOTS } from '#shared/council/voting-round';
import {
  API_REPEATS,
  GOAL_BALLOTS,
  GOAL_CANDIDATES,
  GOAL_MS,
  LINEARITY_SPREAD,
  RUNS,
  WARMUP_RUNS,
  counts,
  kb,
  round1,
  size,
} from './council-config';
import type { TallyCase } from './council-in-process';
import type { CouncilMeasures } from './council-section';
import { goalsTable, int, ms, table } from './report';

function linearity(cases: readonly TallyCase[], of: (c: TallyCase) => number = (c) => c.nsPerCell) {
  const values = cases.map(of);
  const spread = Math.max(...values) / Math.min(...values);
  return {
    spread,
    pass: spread <= LINEARITY_SPREAD,
    text: `${Math.min(...values).toFixed(1)}–${Math.max(...values).toFixed(1)} ns (${spread.toFixed(2)}×)`,
  };
}

/**
 * The in-process tally's figures and goals, printed as soon as they are measured (before the API part,
 * which BENCH_COUNCIL_API=0 skips): ns per ballot × candidate at each size, their spread, and the
 * goal case's time.
 */
export function printInProcessSummary(inProcess: readonly TallyCase[], loadBefore: number): void {
  const goalRealistic = inProcess.find((c) => c.density === 'realistic' && c.ballots === GOAL_BALLOTS && c.candidates === GOAL_CANDIDATES)!;
  console.log('\n=== Council tally in-process (shared/council/tally.ts) ===');
  console.log(`load average ${loadBefore.toFixed(1)} before, ${os.loadavg()[0]!.toFixed(1)} now, ${os.cpus().length} CPUs`);
  console.log(
    table(
      inProcess.map((c) => [
        `${size(c.ballots, c.candidates)} ${c.density}`,
        `${ms(c.sample.median)} / ${ms(c.sample.p95)}`,
        `${c.nsPerCell.toFixed(1)} ns per ballot×cand.`,
        `${c.nsPerMark.toFixed(0)} ns per mark`,
        ms(c.cpu.median),
        `${c.nsPerCellCpu.toFixed(1)} ns`,
      ]),
      ['ballots × candidates', 'median / p95', '', '', 'own CPU, median', 'per ballot×cand.'],
    ),
  );
  const goals = (['realistic', 'full'] as const).flatMap((density) => {
    const cases = inProcess.filter((c) => c.density === density);
    const linear = linearity(cases);
    const linearCpu = linearity(cases, (c) => c.nsPerCellCpu);
    return [
      { goal: `ns per ballot × candidate within ${LINEARITY_SPREAD}× (${density}), max/min`, value: linear.text, pass: linear.pass },
      { goal: `  the same in the process's own CPU time`, value: linearCpu.text, pass: linearCpu.pass },
    ];
  });
  goals.push({
    goal: `${size(GOAL_BALLOTS, GOAL_CANDIDATES)} realistic under ${GOAL_MS} ms (median, quiet machine)`,
    value: ms(goalRealistic.sample.median),
    pass: goalRealistic.sample.median < GOAL_MS,
  });
  goals.push({
    goal: `  the same in own CPU time (median)`,
    value: ms(goalRealistic.cpu.median),
    pass: goalRealistic.cpu.median < GOAL_MS,
  });
  console.log(goalsTable(goals));
}

export function printCouncilSummary({ inProcess, api, memberCap, presentCap, apiMembers, loadBefore, started }: CouncilMeasures): void {
  const realistic = inProcess.filter((c) => c.density === 'realistic');
  const full = inProcess.filter((c) => c.density === 'full');
  const goalCase = (list: readonly TallyCase[]) => list.find((c) => c.ballots === GOAL_BALLOTS && c.candidates === GOAL_CANDIDATES)!;
  const goalRealistic = goalCase(realistic);
  const goalFull = goalCase(full);

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
            `API ${size(c.ballots, c.candidates)}: ballots in ${c.put.parts} parts (${c.put.requests} requests)`,
            `${ms(c.put.timed.sample.median)} / ${ms(c.put.timed.sample.p95)}`,
            `${counts(c.put.timed.dynamo)} DynamoDB requests, ${kb(c.bodyBytes)} sent (as JSON ballots: ${kb(c.jsonBytes)})`,
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
    `CouncilSettings.members ≤ ${int(memberCap)} and Attendance.present, .writtenVotes ≤ ${int(presentCap)} each, while a round takes up to ${int(MAX_BALLOTS)} ballots: no schema-valid round issues more than ${int(2 * presentCap)} ballots, so a count of more is void (BALLOTS_EXCEED_ISSUED); left as is (a real council has tens of members).`,
    ...api
      .filter((c) => c.opened.how === 'store')
      .map((c) => `POST …/rounds refuses ${c.candidates} candidates: ${c.opened.code} ${JSON.stringify(c.opened.details)}.`),
    ...api
      .filter((c) => c.result.void)
      .map(
        (c) =>
          `${size(c.ballots, c.candidates)}: ${int(c.result.collected)} ballots collected where ${int(c.result.issued)} were issued: void (BALLOTS_EXCEED_ISSUED), tallied but not confirmed.`,
      ),
    ...api
      .filter((c) => c.confirm && c.confirm.status !== 200)
      .map((c) => `POST …/confirm of ${size(c.ballots, c.candidates)}: ${c.confirm!.status} ${c.confirm!.code ?? ''}.`),
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
      cpuMedianMs: round1(c.cpu.median, 2),
      cpuNsPerBallotCandidate: round1(c.nsPerCellCpu, 2),
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
      jsonBallotsBytes: c.jsonBytes,
      uploadBodyBytes: c.bodyBytes,
      storedBallotsBytes: c.storedBallots.bytes,
      storedBallotsParts: c.storedBallots.parts,
      put: {
        requests: c.put.requests,
        parts: c.put.parts,
        largestPartBytes: c.put.largestPartBytes,
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
          fingerprint: round1(c.pieces.fingerprintMs),
          minutes: round1(c.pieces.minutesMs),
          pack: round1(c.pieces.packMs),
        },
      },
      result: c.result,
      confirm: c.confirm,
    })),
    goals: goals.map((g) => ({ goal: g.goal.trim(), value: g.value, pass: g.pass })),
    limits: { councilMembersMax: memberCap, attendancePresentMax: presentCap, maxBallots: MAX_BALLOTS },
    loadAverage: [round1(loadBefore), round1(os.loadavg()[0]!)],
    seconds: round1((performance.now() - started) / 1000),
  };
  console.log(`\nBENCH_JSON_COUNCIL ${JSON.stringify(json)}`);
}
