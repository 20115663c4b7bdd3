/** The council bench's part b): one round through the local API, from its campaign to its tally. */
import { performance } from 'node:perf_hooks';
import { candidatesFor, formsFor } from '#shared/council/candidates';
import { getCampaign } from '#functions/store/campaign-store';
import { db, requestCounter } from '#functions/store/client';
import { loadAllNominations } from '#functions/store/nomination-reads';
import { loadRegistry } from '#functions/store/org-store';
import { readQuotaUsage } from '#functions/store/quota-counters';
import {
  getRoundWithBallots,
  newRoundItem,
  nextRoundNumber,
  packBallots,
  roundToItem,
  unpackBallots,
  type StoredRound,
} from '#functions/store/round-store';
import { createApiClient } from '#addin/api/index';
import { encodeBallots } from '#shared/council/ballot-codec';
import { compactBallotsFingerprint } from '#shared/council/fingerprint';
import { sha256 } from '#functions/council/sha256';
import { transact } from '#functions/store/transact';
import type { Campaign } from '#shared/campaign';
import { buildMinutes } from '#shared/council/minutes';
import type { Attendance } from '#shared/council/round';
import { tally, type CompactRoundInput, type TallyResult } from '#shared/council/tally';
import type { VotingRound } from '#shared/council/voting-round';
import { todayInVietnam } from '#shared/dates';
import { SEED_CAMPAIGN } from '#shared/seed/campaign-2025';
import { call, expectStatus, moveStage, timed, type ApiCall, type CouncilBenchContext, type Timed } from './council-api-calls';
import { FIRST_FORM, MARK, SECOND_FORM, councilSettings, firstFormCount, makeBallots, placesFor } from './council-ballots';
import { API_REPEATS, SECRETARY, size } from './council-config';
import { checkResult, timeRuns } from './council-in-process';
import { busyMs } from './profile';
import { percentile } from './report';
import { makeRows } from './rows';

export interface ApiCase {
  ballots: number;
  candidates: number;
  places: number[];
  marks: number;
  campaignId: string;
  /** The ballots as JSON ballots (what one PUT …/ballots would carry), and compact in the upload's parts. */
  jsonBytes: number;
  bodyBytes: number;
  opened: { how: 'api' | 'store'; status: number; code?: string; details?: unknown };
  /** The upload in parts through the pane's client (addin/src/api/council-client.ts): declare, parts, complete. */
  put: { timed: Timed; requests: number; parts: number; largestPartBytes: number };
  storedBallots: { bytes: number; parts: number };
  tallyRoute: Timed;
  /** In-process, the tally route's own work on the same round, median of 10: where its time goes. */
  pieces: { decodeMs: number; tallyMs: number; fingerprintMs: number; minutesMs: number; packMs: number };
  result: { valid: number; invalid: number; passed: number; selected: number; issued: number; collected: number; void: boolean };
  /** POST …/confirm on the last tally, unless it is void. */
  confirm: { status: number; code?: string; ms: number; dynamo: number } | undefined;
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

async function medianAsync(runs: number, work: () => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs + 2; i += 1) {
    const from = performance.now();
    await work();
    if (i >= 2) times.push(performance.now() - from);
  }
  return percentile(times, 50);
}

export async function apiCase(
  ctx: CouncilBenchContext,
  tokens: Record<'admin' | 'hr' | 'secretary', string>,
  ballots: number,
  candidates: number,
  members: number,
  attendance: Attendance,
): Promise<ApiCase> {
  const progress = ctx.progress ?? (() => {});
  const tag = `council API ${size(ballots, candidates)}`;
  const campaignId = `bench-council-${candidates}-${Date.now().toString(36)}`;

  progress(`${tag}: campaign ${campaignId} (admin POST /campaigns), ${candidates} eligible nominations (hr POST …/nominations/batch)…`);
  expectStatus(
    await call(ctx, 'POST', '/campaigns', tokens.admin, campaignFor(campaignId, candidates, members)),
    201,
    `${tag}: POST /campaigns`,
  );
  await moveStage(ctx, tokens.admin, campaignId, 'open');
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

  await moveStage(ctx, tokens.admin, campaignId, 'under_review');
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
  const ids = round.candidates.map((c) => c.nominationId);
  const compact = encodeBallots(set.ballots, ids, MARK);
  const jsonBytes = Buffer.byteLength(JSON.stringify({ ballots: set.ballots }));
  const roundPath = `${rounds}/${round.id}`;

  // The pane's own client sends the parts, over a fetch that weighs what it sends.
  const sent: number[] = [];
  const client = createApiClient({
    baseUrl: ctx.baseUrl,
    getToken: async () => tokens.secretary,
    fetch: (input, init) => {
      if (typeof init?.body === 'string') sent.push(Buffer.byteLength(init.body));
      return fetch(input, init);
    },
  });

  // One unreported upload + tally first (the council handler's first use), then the measured pairs.
  const puts: ApiCall[] = [];
  const tallies: ApiCall[] = [];
  let requests = 0;
  let largestPartBytes = 0;
  for (let run = 0; run <= API_REPEATS; run += 1) {
    const note = run === 0 ? ' (warm-up, not reported)' : ` (${run}/${API_REPEATS})`;
    progress(
      `${tag}: ballots in parts through the pane's client (POST ${roundPath}/ballot-uploads, PUT …/parts/k, POST …/complete)${note}…`,
    );
    sent.length = 0;
    const before = requestCounter.count;
    const from = performance.now();
    const done = await client.sendBallots(campaignId, round.id, compact, { attendance });
    const to = performance.now();
    if (done.ballotCount !== ballots) throw new Error(`${tag}: the upload stored ${done.ballotCount} ballots of ${ballots}`);
    // Every request of an upload carries a body (the completion an empty object): one weighed per request.
    requests = sent.length;
    largestPartBytes = Math.max(...sent);
    if (run > 0)
      puts.push({
        status: 200,
        ms: to - from,
        requestBytes: sent.reduce((a, b) => a + b, 0),
        responseBytes: 0,
        dynamo: requestCounter.count - before,
        dynamoBusyMs: ctx.log ? busyMs(ctx.log.between(from, to)) : NaN,
        body: undefined,
      });
    progress(`${tag}: POST ${roundPath}/tally${note}…`);
    const counted = await call(ctx, 'POST', `${roundPath}/tally`, tokens.secretary);
    expectStatus(counted, 200, `${tag}: POST tally`);
    checkResult(
      counted.body.result as TallyResult,
      ballots,
      set.expectedInvalid,
      `${tag}: POST tally`,
      ballots > attendance.present + attendance.writtenVotes,
    );
    if (run > 0) tallies.push(counted);
  }
  const last = tallies.at(-1)!.body as VotingRound;
  const result = last.result!;
  let confirm: ApiCase['confirm'];
  if (!result.void) {
    progress(`${tag}: POST ${roundPath}/confirm…`);
    const confirmed = await call(ctx, 'POST', `${roundPath}/confirm`, tokens.secretary, { version: last.version });
    confirm = {
      status: confirmed.status,
      ms: confirmed.ms,
      dynamo: confirmed.dynamo,
      ...(confirmed.status === 200 ? {} : { code: confirmed.body?.code }),
    };
  }

  // Where the tally route's time goes, in-process on the same round: read back what it read.
  const { round: stored, ballots: storedBallots } = await getRoundWithBallots(db(), campaignId, round.number);
  const campaign = await getCampaign(db(), campaignId);
  const parts = packBallots(storedBallots);
  const pieceRuns = 10;
  let counted!: TallyResult;
  let minutes!: ReturnType<typeof buildMinutes>;
  const input: CompactRoundInput = {
    candidates: stored.candidates,
    forms: stored.forms,
    attendance: stored.attendance,
    ballots: storedBallots,
  };
  const date = todayInVietnam(new Date());
  const pieces = {
    decodeMs: median(pieceRuns, () => void unpackBallots(parts, ids, MARK)),
    tallyMs: median(pieceRuns, () => void (counted = tally(campaign.council, input))),
    fingerprintMs: await medianAsync(pieceRuns, () => compactBallotsFingerprint(stored.number, storedBallots, ids, sha256)),
    minutesMs: median(pieceRuns, () => void (minutes = buildMinutes({ campaign, round: stored, result: counted, date }))),
    packMs: median(pieceRuns, () => void roundToItem({ ...stored, status: 'tallied', result: counted, minutes })),
  };

  return {
    ballots,
    candidates,
    places: round.forms.map((f) => f.places),
    marks: set.marks,
    campaignId,
    jsonBytes,
    bodyBytes: puts.at(-1)!.requestBytes,
    opened,
    put: { timed: timed(puts), requests, parts: requests - 2, largestPartBytes },
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
      void: result.void,
    },
    confirm,
  };
}
