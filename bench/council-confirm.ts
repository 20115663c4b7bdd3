/**
 * Confirming large council rounds through the API (issue 13): for 100, 500 and 1,000 candidates, a
 * campaign of its own (a council of 200 members, 2,000 of them taking part), its candidates saved
 * eligible, a round opened, 2,000 ballots giving a fifth of them more than half the members' votes,
 * tallied, and POST …/confirm timed with its DynamoDB requests and the steps (transactions) it wrote.
 * Alone: `npx tsx bench/council-confirm-main.ts`.
 */
import { planSteps } from '#shared/council/round-steps';
import { SEED_CAMPAIGN } from '#shared/seed/campaign-2025';
import { call, expectStatus, moveStage, type CouncilBenchContext } from './council-api-calls';
import { ADMIN, HR, SECRETARY } from './council-config';
import { makeRows } from './rows';

export const CONFIRM_SIZES = [100, 500, 1000];
const FORM = 'GIAY_KHEN_CVP';
const BALLOTS = 2000;
const ATTENDANCE = { present: 1000, writtenVotes: 1000 };

export interface ConfirmCase {
  candidates: number;
  places: number;
  steps: number;
  ms: number;
  dynamo: number;
  selected: number;
}

/** 2,000 ballots, each marking `k` of the `places` favourites in turn: each gets 2,000 × k / places > 100 votes. */
function ballotsFor(ids: readonly string[], places: number) {
  const k = Math.ceil((101 * places) / BALLOTS) + 1;
  return Array.from({ length: BALLOTS }, (_, b) => ({
    number: b + 1,
    marks: Object.fromEntries(Array.from({ length: k }, (_, j) => [ids[(k * b + j) % places]!, 'x'])),
  }));
}

async function confirmCase(ctx: CouncilBenchContext, candidates: number): Promise<ConfirmCase> {
  const [admin, hr, secretary] = await Promise.all([ADMIN, HR, SECRETARY].map((email) => ctx.issueToken(email)));
  const places = candidates / 5;
  const id = `bench-confirm-${candidates}-${Date.now().toString(36)}`;
  const members = Array.from(
    { length: 200 },
    (_, i) => SEED_CAMPAIGN.council.members[i] ?? { name: `Thành viên ${i + 1}`, role: 'Ủy viên' },
  );
  const campaign = {
    ...SEED_CAMPAIGN,
    id,
    quotaRules: SEED_CAMPAIGN.quotaRules.map((rule) => (rule.awardForm === FORM ? { ...rule, max: places } : rule)),
    council: { ...SEED_CAMPAIGN.council, members },
  };
  expectStatus(await call(ctx, 'POST', '/campaigns', admin!, campaign), 201, 'POST /campaigns');
  await moveStage(ctx, admin!, id, 'under_review');
  const rows = makeRows(candidates, 13).map((row) => ({ ...row, status: 'eligible' as const, awardForm: FORM }));
  expectStatus(await call(ctx, 'POST', `/campaigns/${id}/nominations/batch`, hr!, { rows }), 200, 'POST nominations/batch');
  const rounds = `/campaigns/${id}/rounds`;
  const opened = await call(ctx, 'POST', rounds, secretary!, { attendance: ATTENDANCE });
  expectStatus(opened, 201, 'POST rounds');
  const ids = (opened.body.candidates as { nominationId: string }[]).map((c) => c.nominationId);
  expectStatus(await call(ctx, 'PUT', `${rounds}/1/ballots`, secretary!, { ballots: ballotsFor(ids, places) }), 200, 'PUT ballots');
  const tallied = await call(ctx, 'POST', `${rounds}/1/tally`, secretary!);
  expectStatus(tallied, 200, 'POST tally');
  ctx.progress?.(`council confirm ${candidates}: confirming ${candidates} decisions…`);
  const confirmed = await call(ctx, 'POST', `${rounds}/1/confirm`, secretary!, { version: tallied.body.version });
  expectStatus(confirmed, 200, 'POST confirm');
  const decisions = confirmed.body.decisions as { to: string }[];
  const steps = planSteps(decisions.length, [{ ruleId: 'QUOTA_GIAY_KHEN', scopeKey: 'campaign', delta: places, max: places }]).length;
  return {
    candidates,
    places,
    steps,
    ms: confirmed.ms,
    dynamo: confirmed.dynamo,
    selected: decisions.filter((d) => d.to === 'selected').length,
  };
}

export async function runConfirmBench(ctx: CouncilBenchContext): Promise<ConfirmCase[]> {
  const cases: ConfirmCase[] = [];
  for (const candidates of CONFIRM_SIZES) cases.push(await confirmCase(ctx, candidates));
  console.log('\nCouncil confirmation in steps (POST …/rounds/{n}/confirm, 2,000 ballots, one quota counter)');
  console.log('candidates | places | selected | steps (transactions) | DynamoDB requests | time');
  for (const c of cases) {
    console.log(`${c.candidates} | ${c.places} | ${c.selected} | ${c.steps} | ${c.dynamo} | ${(c.ms / 1000).toFixed(2)} s`);
  }
  console.log(`BENCH_JSON_COUNCIL_CONFIRM ${JSON.stringify(cases)}`);
  return cases;
}
