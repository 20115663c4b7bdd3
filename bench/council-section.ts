/** The council bench's section: what was measured, in-process and through the API, as tables. */
import { FIRST_FORM, PLACES_SHARE, SECOND_FORM } from './council-ballots';
import type { ApiCase } from './council-api-case';
import { API_REPEATS, RUNS, WARMUP_MS, WARMUP_RUNS, counts, kb, range, size } from './council-config';
import type { TallyCase } from './council-in-process';
import type { InvalidReason } from '#shared/council/tally';
import { int, ms, table } from './report';

/** What runCouncilBench measured, for its section and its summary. */
export interface CouncilMeasures {
  inProcess: TallyCase[];
  api: ApiCase[];
  memberCap: number;
  presentCap: number;
  apiMembers: number;
  apiAttendance: { present: number; writtenVotes: number };
  /** The CPU profile's text, with BENCH_CPU_PROFILE=1. */
  cpu: string | undefined;
  loadBefore: number;
  started: number;
}

export function printCouncilSection({ inProcess, api, memberCap, presentCap, apiMembers, apiAttendance, cpu }: CouncilMeasures): void {
  console.log(`\n=== Council: the tally of a round (shared/council/tally.ts), in-process and through the API ===`);
  console.log(
    [
      `Rounds: a quarter of the candidates for ${FIRST_FORM}, the rest for ${SECOND_FORM}; each form has places for ${PLACES_SHARE * 100}% of its candidates.`,
      `Realistic ballots: each marks up to the places of each form (85% fill them all), by the candidates' standing; ~2% of marks "X" or " x"`,
      `  (valid); ~1% of ballots invalid: one mark over a form's places (0.4%), a wrong mark "v" (0.3%), a number used twice (0.15% of pairs).`,
      `  Only non-empty marks are sent. Full ballots: every candidate marked on every ballot (places = candidates): ballots × candidates marks.`,
      `Ballots reach tally() as the route gives them to it: compact (shared/council/ballot-codec.ts), JSON.parse of their stored JSON.`,
      `In-process council: members = ballots + 5% absent, everyone present casting one ballot (2% in writing). That is beyond the schema`,
      `  (CouncilSettings.members ≤ ${int(memberCap)}, Attendance.present ≤ ${int(presentCap)}), so the settings are built directly, not parsed;`,
      `  tally() reads only the member count. Threshold base: valid ballots (the seed: > 50% of members; the API runs below need it).`,
      `Each check: the tally found exactly the invalid ballots planted, by reason. Times: median / p95 of ${RUNS} runs, each`,
      `  size after ${WARMUP_RUNS > 0 ? `≥ ${WARMUP_RUNS} unreported runs and ≥ ${WARMUP_MS} ms of the process's CPU time (JIT)` : 'no warm-up (BENCH_COUNCIL_WARMUP=0)'}; p95 nearest rank. One process: the local API is idle meanwhile.`,
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
      `Council of ${int(apiMembers)} members (the schema's cap), attendance ${int(apiAttendance.present)} present + ${int(apiAttendance.writtenVotes)} in writing (the schema's caps): so`,
      `  ${int(apiAttendance.present + apiAttendance.writtenVotes)} ballots issued, the most any schema-valid round issues, while a round takes up to 10,000: more collected voids the count.`,
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
    if (c.confirm && c.confirm.status !== 200)
      console.log(`${size(c.ballots, c.candidates)}: POST …/confirm answered ${c.confirm.status} ${c.confirm.code ?? ''}.`);
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
        ['  as JSON ballots (one PUT …/ballots)', ...col((c) => kb(c.jsonBytes))],
        ["  compact, in the upload's parts (all requests)", ...col((c) => kb(c.bodyBytes))],
        ['  parts (largest part)', ...col((c) => `${c.put.parts} (${kb(c.put.largestPartBytes)})`)],
        ['  as stored (gzip, parts)', ...col((c) => `${kb(c.storedBallots.bytes)}, ${c.storedBallots.parts}`)],
        ['Upload (declare, parts, complete): median (min–max)', ...col((c) => range(c.put.timed.sample))],
        ['  HTTP requests', ...col((c) => String(c.put.requests))],
        ['  DynamoDB requests', ...col((c) => counts(c.put.timed.dynamo))],
        ['  DynamoDB in flight (median run)', ...col((c) => ms(c.put.timed.dynamoBusyMs))],
        ['POST …/tally: median (min–max)', ...col((c) => range(c.tallyRoute.sample))],
        ['  p95', ...col((c) => ms(c.tallyRoute.sample.p95))],
        ['  response', ...col((c) => kb(c.tallyRoute.responseBytes))],
        ['  DynamoDB requests', ...col((c) => counts(c.tallyRoute.dynamo))],
        ['  DynamoDB in flight (median run)', ...col((c) => ms(c.tallyRoute.dynamoBusyMs))],
        ['  in-process: decode ballots (gunzip+parse)', ...col((c) => ms(c.pieces.decodeMs))],
        ['  in-process: tally()', ...col((c) => ms(c.pieces.tallyMs))],
        ['  in-process: fingerprint (compact canonical text + SHA-256)', ...col((c) => ms(c.pieces.fingerprintMs))],
        ['  in-process: buildMinutes()', ...col((c) => ms(c.pieces.minutesMs))],
        ['  in-process: roundToItem (JSON+gzip)', ...col((c) => ms(c.pieces.packMs))],
        ['Result: issued / collected', ...col((c) => `${int(c.result.issued)} / ${int(c.result.collected)}`)],
        ['  valid / invalid', ...col((c) => `${int(c.result.valid)} / ${int(c.result.invalid)}`)],
        ['  passed / selected', ...col((c) => `${c.result.passed} / ${c.result.selected}`)],
        ['  void', ...col((c) => (c.result.void ? 'yes (more ballots than issued)' : 'no'))],
        [
          'POST …/confirm',
          ...col((c) =>
            c.confirm
              ? `${c.confirm.status}${c.confirm.code ? ` ${c.confirm.code}` : ''}, ${ms(c.confirm.ms)}, ${c.confirm.dynamo} DynamoDB requests`
              : 'not (void)',
          ),
        ],
      ],
      ['', ...api.map((c) => `${size(c.ballots, c.candidates)}`)],
    ),
  );
  if (cpu) console.log(cpu);
}
