import { describe, expect, it } from 'vitest';
import { buildMinutes } from '#shared/council/minutes';
import type { Ballot, Candidate } from '#shared/council/round';
import { tally } from '#shared/council/tally';
import type { VotingRound } from '#shared/council/voting-round';
import { DEMO_PEOPLE } from '#shared/seed/demo-office';
import { createApiClient } from '#addin/api/index';
import { createPaneController } from '#addin/app/controller';
import { createDevTokenProvider } from '#addin/auth/index';
import { FakeGateway } from '#tests/addin/app/fake-gateway';
import { FakeServer } from '#tests/addin/app/fake-server';
import { fields } from '#tests/addin/app/fixtures';
import { manualTimers, MemoryStorage } from '#tests/addin/app/harness';
import { FakeCouncilSheets } from './fake-council-sheets';
import { TIE_PAIRS } from './fixtures';

/** The council routes over the FakeServer's nominations, by the backend's rules (functions/council). */
class CouncilRoutes {
  readonly rounds: (VotingRound & { ballots: Ballot[] })[] = [];
  readonly log: string[] = [];
  constructor(private readonly server: FakeServer) {}

  private reply(status: number, body: unknown) {
    return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  }

  private error(code: string, status = 409) {
    return this.reply(status, { code, message: { vi: code, en: code } });
  }

  handle(method: string, path: string, body: string | undefined): Response | undefined {
    const match = /^\/campaigns\/[^/]+\/rounds(?:\/(\d+))?(?:\/(ballots|tally|confirm))?$/.exec(path);
    if (!match) return undefined;
    this.log.push(`${method} ${path.replace(/^\/campaigns\/[^/]+/, '')}`);
    const campaign = this.server.campaign;
    const round = match[1] ? this.rounds.find((r) => r.id === match[1]) : undefined;
    const request = body ? (JSON.parse(body) as Record<string, unknown>) : {};
    const pub = (r: (typeof this.rounds)[number]) => {
      const { ballots: _ballots, ...rest } = r;
      return rest;
    };
    if (!match[1] && method === 'GET') return this.reply(200, { items: this.rounds.map(pub) });
    if (!match[1] && method === 'POST') {
      let candidates: Candidate[];
      let forms: VotingRound['forms'];
      if (request.fromRoundId) {
        const source = this.rounds.find((r) => r.id === request.fromRoundId)!;
        if (source.status !== 'confirmed') return this.error('ROUND_NOT_CONFIRMED');
        const ties = source.result!.forms.filter((f) => f.tie);
        const ids = new Set(ties.flatMap((f) => f.tie!.nominationIds));
        candidates = source.candidates.filter((c) => ids.has(c.nominationId));
        forms = ties.map((f) => ({ awardForm: f.awardForm, places: f.tie!.places }));
      } else {
        const eligible = [...this.server.nominations.values()].filter((n) => n.status === 'eligible');
        candidates = eligible.map((n) => ({
          nominationId: n.id,
          awardForm: n.awardForm,
          name: DEMO_PEOPLE.find((p) => p.id === n.nomineeId)!.fullName,
          nomineeKind: 'individual',
          unitName: '',
          female: false,
        }));
        forms = [{ awardForm: 'GIAY_KHEN_CVP', places: 2 }];
      }
      const number = this.rounds.length + 1;
      const created = {
        campaignId: campaign.id,
        id: String(number),
        number,
        status: 'open' as const,
        candidates,
        forms,
        attendance: request.attendance as VotingRound['attendance'],
        ballotCount: 0,
        ballotsVersion: 0,
        version: 1,
        createdAt: '',
        createdBy: '',
        updatedAt: '',
        updatedBy: '',
        ballots: [] as Ballot[],
        ...(request.fromRoundId ? { fromRoundId: String(request.fromRoundId) } : {}),
      };
      this.rounds.push(created);
      return this.reply(201, pub(created));
    }
    if (!round) return this.error('ROUND_NOT_FOUND', 404);
    if (method === 'GET') return this.reply(200, pub(round));
    if (match[2] === 'ballots') {
      round.ballots = request.ballots as Ballot[];
      if (request.attendance) round.attendance = request.attendance as VotingRound['attendance'];
      Object.assign(round, { status: 'open', ballotCount: round.ballots.length, version: round.version + 1 });
      return this.reply(200, pub(round));
    }
    if (match[2] === 'tally') {
      const result = tally(campaign.council, {
        candidates: round.candidates,
        forms: round.forms,
        attendance: round.attendance,
        ballots: round.ballots,
      });
      const minutes = buildMinutes({ campaign, round, result, date: '2025-10-02' });
      Object.assign(round, { status: 'tallied', result, minutes, version: round.version + 1 });
      return this.reply(200, pub(round));
    }
    if (match[2] === 'confirm') {
      if (round.status !== 'tallied') return this.error('ROUND_NOT_TALLIED');
      if (request.version !== round.version) return this.error('VERSION_CONFLICT');
      for (const c of round.result!.candidates) {
        if (c.tied) continue;
        const n = this.server.nominations.get(c.nominationId)!;
        this.server.nominations.set(n.id, { ...n, status: c.selected ? 'selected' : 'not_selected', version: n.version + 1 });
      }
      Object.assign(round, { status: 'confirmed', version: round.version + 1 });
      return this.reply(200, pub(round));
    }
    return undefined;
  }
}

async function openCouncilPane(email = 'thuky@thidua.local', shared?: { server: FakeServer; routes: CouncilRoutes }) {
  const server = shared?.server ?? new FakeServer();
  const ids = ['n1', 'n2', 'n3'];
  if (!shared) DEMO_PEOPLE.slice(0, 3).forEach((person, i) => server.put({ ...fields(person.id, { status: 'eligible' }), id: ids[i]! }));
  const routes = shared?.routes ?? new CouncilRoutes(server);
  const fetch = async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const path = new URL(String(input), 'https://pane.local').pathname.replace(/^\/api/, '');
    const body = typeof init.body === 'string' ? init.body : undefined;
    return routes.handle((init.method ?? 'GET').toUpperCase(), path, body) ?? server.fetch(input, init);
  };
  const storage = new MemoryStorage();
  const tokens = createDevTokenProvider('/api', { fetch, storage });
  const api = createApiClient({
    baseUrl: '/api',
    getToken: (force) => tokens.getToken(force),
    fetch,
    sleep: async () => undefined,
    retry: { attempts: 1 },
  });
  const gateway = new FakeGateway();
  const sheets = new FakeCouncilSheets();
  const controller = createPaneController({
    gateway,
    councilSheets: sheets,
    api,
    tokens,
    storage,
    timers: manualTimers().timers,
    autosaveDelayMs: 0,
  });
  await controller.start();
  await controller.actions.signIn(email);
  await controller.idle();
  return {
    server,
    routes,
    gateway,
    sheets,
    controller,
    actions: controller.actions,
    council: controller.actions.council!,
    state: () => controller.getState(),
  };
}

const mark = (sheets: FakeCouncilSheets, round: number, votes: readonly (readonly string[])[]) => {
  const sheet = sheets.ballotSheets.get(round)!;
  votes.forEach((ids, i) => (sheet.ballots[i]!.marks = Object.fromEntries(ids.map((id) => [id, 'x']))));
};

describe('the council vote from the pane', () => {
  it('is offered to the secretary (and admin), not to HR', async () => {
    const secretary = await openCouncilPane();
    expect(secretary.state().council).toMatchObject({ members: 9, voteMark: 'x', attendance: { present: 9, writtenVotes: 0 } });
    const hr = await openCouncilPane('tochuc@thidua.local');
    expect(hr.state().council).toBeUndefined();
    const admin = await openCouncilPane('admin@thidua.local');
    expect(admin.state().council).toBeDefined();
  });

  it('ballot sheet → count → minutes → confirm, then the nomination sheet reloaded with the decisions', async () => {
    const pane = await openCouncilPane();
    pane.council.setAttendance({ present: 8, writtenVotes: 1 });
    await pane.council.createBallotSheet();
    expect(pane.routes.log).toContain('POST /rounds');
    expect(pane.sheets.calls).toEqual(['ballots:Phiếu bầu vòng 1:9']);
    expect(pane.state().council!.round).toMatchObject({ number: 1, status: 'open' });
    expect(pane.state().council!.lastSyncs).toBe(2);

    mark(pane.sheets, 1, [...Array.from({ length: 6 }, () => ['n1', 'n2']), ['n1', 'n3'], ['n1', 'n3']]);
    await pane.council.countBallots();
    expect(pane.state().error).toBeUndefined();
    expect(pane.routes.log.slice(-2)).toEqual(['PUT /rounds/1/ballots', 'POST /rounds/1/tally']);
    expect(pane.routes.rounds[0]!.ballots.find((b) => b.number === 9)!.marks).toEqual({});
    expect(pane.routes.rounds[0]!.attendance).toEqual({ present: 8, writtenVotes: 1 });
    expect(pane.sheets.calls.slice(-2)).toEqual(['read:Phiếu bầu vòng 1', 'result:1']);
    expect(pane.state().council!.lastSyncs).toBe(3);
    const result = pane.state().council!.round!.result!;
    expect(result.forms[0]!.selected.sort()).toEqual(['n1', 'n2']);

    await pane.council.writeMinutes();
    expect(pane.sheets.calls.at(-1)).toBe('minutes:1');
    expect(pane.state().notice?.vi).toContain('Biên bản kiểm phiếu vòng 1');

    await pane.council.confirmResult();
    await pane.controller.idle();
    expect(pane.state().council!.round!.status).toBe('confirmed');
    expect(pane.state().notice?.vi).toContain('Đã xác nhận kết quả vòng 1');
    const status = pane.gateway.columns.findIndex((c) => c.id === 'status');
    const statuses = pane.gateway.rows.map((row) => row[status]);
    expect(statuses.filter((s) => s === 'Được chọn')).toHaveLength(2);
    expect(statuses.filter((s) => s !== 'Được chọn')).toHaveLength(1);
  });

  it('a tie proposes a new round: confirmed first, then a round among the tied with its ballot sheet', async () => {
    const pane = await openCouncilPane();
    await pane.council.createBallotSheet();
    mark(pane.sheets, 1, TIE_PAIRS);
    await pane.council.countBallots();
    expect(pane.state().council!.round!.result!.forms[0]!.tie?.nominationIds.sort()).toEqual(['n2', 'n3']);
    await pane.council.newTieRound();
    await pane.controller.idle();
    expect(pane.routes.log.filter((l) => l.startsWith('POST'))).toEqual([
      'POST /rounds',
      'POST /rounds/1/tally',
      'POST /rounds/1/confirm',
      'POST /rounds',
    ]);
    expect(pane.routes.rounds[1]).toMatchObject({ fromRoundId: '1', forms: [{ awardForm: 'GIAY_KHEN_CVP', places: 1 }] });
    expect(pane.state().council!.round).toMatchObject({ number: 2, status: 'open' });
    expect(pane.sheets.calls.at(-1)).toBe('ballots:Phiếu bầu vòng 2:9');
  });

  it('says so when the ballot sheet is missing, without calling the API', async () => {
    const pane = await openCouncilPane();
    await pane.council.createBallotSheet();
    pane.sheets.ballotSheets.clear();
    const before = pane.routes.log.length;
    await pane.council.countBallots();
    expect(pane.state().error?.vi).toContain('Phiếu bầu vòng 1');
    expect(pane.routes.log.length).toBe(before);
  });

  it('picks up the latest round when the pane opens again', async () => {
    const first = await openCouncilPane();
    await first.council.createBallotSheet();
    const second = await openCouncilPane('thuky@thidua.local', { server: first.server, routes: first.routes });
    expect(second.state().council!.round).toMatchObject({ number: 1, status: 'open' });
  });
});
