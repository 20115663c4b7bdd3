/** The council bench's part b): one round through the local API, from its campaign to its tally. */
import { performance } from 'node:perf_hooks';
import { candidatesFor, formsFor } from '#shared/council/candidates';
import { submitBallots } from '#functions/council/rounds';
import { getCampaign } from '#functions/store/campaign-store';
import { db, requestCounter } from '#functions/store/client';
import { loadAllNominations } from '#functions/store/nomination-reads';
import { getUser, loadRegistry } from '#functions/store/org-store';
import { readQuotaUsage } from '#functions/store/quota-counters';
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
import type { Campaign } from '#shared/campaign';
import { buildMinutes } from '#shared/council/minutes';
import type { RoundInput } from '#shared/council/round';
import { tally, type TallyResult } from '#shared/council/tally';
import { SubmitBallotsRequest, type VotingRound } from '#shared/council/voting-round';
import { todayInVietnam } from '#shared/dates';
import { SEED_CAMPAIGN } from '#shared/seed/campaign-2025';
import { call, expectStatus, moveStage, timed, type ApiCall, type CouncilBenchContext, type Timed } from './council-api-calls';
import { FIRST_FORM, SECOND_FORM, attendanceOf, councilSettings, firstFormCount, makeBallots, placesFor } from './council-ballots';
import { API_REPEATS, SECRETARY, kb, size } from './council-config';
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

export async function apiCase(
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
