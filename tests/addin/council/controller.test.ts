import { describe, expect, it } from 'vitest';
import type { StoredCampaign } from '#shared/api/index';
import { DEMO_PEOPLE } from '#shared/seed/demo-office';
import { createApiClient } from '#addin/api/index';
import { createPaneController } from '#addin/app/controller';
import { createDevTokenProvider } from '#addin/auth/index';
import { useTestApi } from '#tests/support/api';
import { freshPaneServer, type PaneServer } from '#tests/support/pane-api';
import { ADMIN } from '#tests/support/rows';
import { FakeGateway } from '#tests/addin/app/fake-gateway';
import { fields } from '#tests/addin/app/fixtures';
import { HR, manualTimers, MemoryStorage } from '#tests/addin/app/harness';
import { FakeCouncilSheets } from './fake-council-sheets';
import { moveCampaignTo } from '#tests/support/stage';

// The real API over DynamoDB Local; each test empties and seeds the file's table again (freshPaneServer).
const api = useTestApi();
const SECRETARY = 'thuky@thidua.local';

/**
 * Three eligible nominations for the Giấy khen, which the test campaign gives two places (the seed's
 * quota is one; a tie for one place cannot pass the threshold with one mark a ballot). Answers the
 * server and the ids the API gave the nominations, in the order of the people.
 */
async function seeded(): Promise<{ server: PaneServer; ids: string[] }> {
  const server = await freshPaneServer(api);
  // The council votes, and its documents are written, while the campaign is under review.
  await moveCampaignTo(api, 'under_review', server.campaignId);
  const admin = await api.tokenFor(ADMIN);
  const path = `/campaigns/${server.campaignId}`;
  const { body: campaign } = await api.request<StoredCampaign>('GET', path, { token: admin });
  const { version, updatedAt: _updatedAt, stage: _stage, ...plain } = campaign;
  const quotaRules = plain.quotaRules.map((rule) => (rule.awardForm === 'GIAY_KHEN_CVP' ? { ...rule, max: 2 } : rule));
  const update = await api.request('PUT', path, { token: admin, body: { campaign: { ...plain, quotaRules }, version } });
  expect(update.status, update.text).toBe(200);
  const ids: string[] = [];
  for (const person of DEMO_PEOPLE.slice(0, 3)) ids.push((await server.put(fields(person.id, { status: 'eligible' }), HR)).id);
  return { server, ids };
}

async function openCouncilPane(server: PaneServer, email = SECRETARY, chunkLimits: { ballotPartBytes?: number } = {}) {
  const storage = new MemoryStorage();
  const tokens = createDevTokenProvider('/api', { fetch: server.fetch, storage });
  const client = createApiClient({
    baseUrl: '/api',
    getToken: (force) => tokens.getToken(force),
    fetch: server.fetch,
    sleep: async () => undefined,
    retry: { attempts: 1 },
    chunkLimits,
  });
  const gateway = new FakeGateway();
  const sheets = new FakeCouncilSheets();
  const controller = createPaneController({
    gateway,
    councilSheets: sheets,
    api: client,
    tokens,
    storage,
    timers: manualTimers().timers,
    autosaveDelayMs: 0,
  });
  await controller.start();
  await controller.actions.signIn(email);
  await controller.idle();
  /** The council's requests the pane sent, without the campaign's prefix. */
  const councilLog = () =>
    server.log.filter((e) => e.path.includes('/rounds')).map((e) => `${e.method} ${e.path.replace(/^\/campaigns\/[^/]+/, '')}`);
  return { server, gateway, sheets, controller, councilLog, council: controller.actions.council!, state: () => controller.getState() };
}

/** Marks the round's ballot sheet: one list of nomination ids per ballot, "x" in each. */
const mark = (sheets: FakeCouncilSheets, round: number, votes: readonly (readonly string[])[]) => {
  const sheet = sheets.ballotSheets.get(round)!;
  votes.forEach((ids, i) => (sheet.ballots[i]!.marks = Object.fromEntries(ids.map((id) => [id, 'x']))));
};
const times = (n: number, ids: string[]) => Array.from({ length: n }, () => ids);

describe('the council vote from the pane', () => {
  it('is offered to the secretary (and admin), not to HR', async () => {
    const { server } = await seeded();
    const secretary = await openCouncilPane(server);
    expect(secretary.state().council).toMatchObject({ members: 9, voteMark: 'x', attendance: { present: 9, writtenVotes: 0 } });
    const hr = await openCouncilPane(server, HR);
    expect(hr.state().council).toBeUndefined();
    const admin = await openCouncilPane(server, ADMIN);
    expect(admin.state().council).toBeDefined();
  });

  it('"In phiếu bầu": the open round\'s paper ballot, its candidates in the round\'s order; asked for a round first', async () => {
    const { server } = await seeded();
    const pane = await openCouncilPane(server);
    await pane.council.printBallots();
    expect(pane.state().error?.vi).toContain('Tạo phiếu bầu');
    expect(pane.sheets.paperBallots).toEqual([]);

    pane.council.setAttendance({ present: 7, writtenVotes: 0 });
    await pane.council.createBallotSheet();
    await pane.council.printBallots();
    expect(pane.state().error).toBeUndefined();
    expect(pane.sheets.calls.at(-1)).toBe('paper:Mẫu phiếu bầu vòng 1');
    expect(pane.state().council!.lastSyncs).toBe(2);
    expect(pane.state().notice?.vi).toContain('in 7 bản');
    const [ballot] = pane.sheets.paperBallots;
    const round = pane.state().council!.round!;
    expect(ballot!.forms.flatMap((form) => form.candidates.map((c) => c.name))).toEqual(round.candidates.map((c) => c.name));
    expect(ballot!.forms[0]!.rule).toBe('Đánh dấu "x" vào ô bên cạnh người được chọn, tối đa 2 người.');
  });

  it('ballot sheet → count → minutes → confirm, then the nomination sheet reloaded with the decisions', async () => {
    const { server, ids } = await seeded();
    const [a, b, c] = ids as [string, string, string];
    const pane = await openCouncilPane(server);
    pane.council.setAttendance({ present: 8, writtenVotes: 1 });
    await pane.council.createBallotSheet();
    expect(pane.councilLog()).toContain('POST /rounds');
    expect(pane.sheets.calls).toEqual(['ballots:Phiếu bầu vòng 1:9']);
    expect(pane.state().council!.round).toMatchObject({ number: 1, status: 'open' });
    expect(pane.state().council!.lastSyncs).toBe(2);

    mark(pane.sheets, 1, [...times(6, [a, b]), [a, c], [a, c]]);
    await pane.council.countBallots();
    expect(pane.state().error).toBeUndefined();
    // The ballots go in parts (one here), then the count.
    expect(pane.councilLog().slice(-4)).toEqual([
      'POST /rounds/1/ballot-uploads',
      expect.stringMatching(/^PUT \/rounds\/1\/ballot-uploads\/[0-9a-f]{32}\/parts\/0$/),
      expect.stringMatching(/^POST \/rounds\/1\/ballot-uploads\/[0-9a-f]{32}\/complete$/),
      'POST /rounds/1/tally',
    ]);
    expect(pane.sheets.calls.slice(-2)).toEqual(['read:Phiếu bầu vòng 1', 'result:1']);
    expect(pane.state().council!.lastSyncs).toBe(3);
    const round = pane.state().council!.round!;
    expect(round.attendance).toEqual({ present: 8, writtenVotes: 1 });
    expect(round.ballotCount).toBe(9);
    expect(round.result!.forms[0]!.selected.sort()).toEqual([a, b].sort());

    await pane.council.writeMinutes();
    expect(pane.sheets.calls.at(-1)).toBe('minutes:1');
    expect(pane.state().notice?.vi).toContain('Biên bản kiểm phiếu vòng 1');

    await pane.council.confirmResult();
    await pane.controller.idle();
    expect(pane.state().council!.round!.status).toBe('confirmed');
    expect(pane.state().notice?.vi).toContain('Đã xác nhận kết quả vòng 1');
    const status = pane.gateway.columns.findIndex((column) => column.id === 'status');
    const statuses = pane.gateway.rows.map((row) => row[status]);
    expect(statuses.filter((s) => s === 'Được chọn')).toHaveLength(2);
    expect(statuses.filter((s) => s !== 'Được chọn')).toHaveLength(1);
    const stored = await server.live();
    expect(
      stored
        .filter((n) => n.status === 'selected')
        .map((n) => n.id)
        .sort(),
    ).toEqual([a, b].sort());
  });

  it('a tie proposes a new round: confirmed first, then a round among the tied with its ballot sheet', async () => {
    const { server, ids } = await seeded();
    const [a, b, c] = ids as [string, string, string];
    const pane = await openCouncilPane(server);
    await pane.council.createBallotSheet();
    // a 6 votes, b and c 5 each for the one place left: a tie above the threshold (more than half of 9).
    mark(pane.sheets, 1, [...times(3, [a, b]), ...times(3, [a, c]), ...times(2, [b, c])]);
    await pane.council.countBallots();
    expect(pane.state().council!.round!.result!.forms[0]!.tie?.nominationIds.sort()).toEqual([b, c].sort());
    await pane.council.newTieRound();
    await pane.controller.idle();
    expect(pane.councilLog().filter((l) => l.startsWith('POST') && !l.includes('/ballot-uploads'))).toEqual([
      'POST /rounds',
      'POST /rounds/1/tally',
      'POST /rounds/1/confirm',
      'POST /rounds',
    ]);
    expect(pane.state().council!.round).toMatchObject({ number: 2, status: 'open', fromRoundId: '1' });
    expect(pane.state().council!.round!.forms).toEqual([{ awardForm: 'GIAY_KHEN_CVP', places: 1 }]);
    expect(pane.sheets.calls.at(-1)).toBe('ballots:Phiếu bầu vòng 2:9');
  });

  it('"Kiểm tra dấu vân tay": the ballot sheet matches the tally’s fingerprint, then no longer once a mark is changed', async () => {
    const { server, ids } = await seeded();
    const pane = await openCouncilPane(server);
    await pane.council.createBallotSheet();
    // Seven ballots for a and b, two for a and c: counted, the fingerprint stored with the result.
    const [a, b, c] = ids as [string, string, string];
    mark(pane.sheets, 1, [...times(7, [a, b]), [a, c], [a, c]]);
    await pane.council.countBallots();
    const stored = pane.state().council!.round!.result!.fingerprint!;
    expect(stored).toMatchObject({ format: 'thidua-ballots/1', sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    const requests = server.log.length;
    await pane.council.checkFingerprint();
    expect(pane.state().error).toBeUndefined();
    expect(pane.state().notice?.vi).toBe(
      `Dấu vân tay khớp: các phiếu trên trang "Phiếu bầu vòng 1" đúng là các phiếu đã kiểm ở vòng 1 (${stored.sha256.slice(0, 16)}…).`,
    );
    // The check is the pane's own: it reads the sheet and asks the server nothing.
    expect(server.log.length).toBe(requests);
    expect(pane.sheets.calls.at(-1)).toBe('read:Phiếu bầu vòng 1');

    pane.sheets.ballotSheets.get(1)!.ballots[7]!.marks = { [b]: 'x', [c]: 'x' };
    await pane.council.checkFingerprint();
    expect(pane.state().error?.vi).toMatch(/^Dấu vân tay không khớp: các phiếu trên trang "Phiếu bầu vòng 1" đã khác/);
    expect(pane.state().error?.vi).toContain(`đã lưu ${stored.sha256.slice(0, 16)}…`);
    expect(pane.state().error?.en).toContain('The fingerprint does not match');
    expect(pane.state().council!.round!.result!.fingerprint).toEqual(stored);
  });

  it('says so when the ballot sheet is missing, without calling the API', async () => {
    const { server } = await seeded();
    const pane = await openCouncilPane(server);
    await pane.council.createBallotSheet();
    pane.sheets.ballotSheets.clear();
    const before = server.log.length;
    await pane.council.countBallots();
    expect(pane.state().error?.vi).toContain('Phiếu bầu vòng 1');
    expect(server.log.length).toBe(before);
  });

  it('picks up the latest round when the pane opens again', async () => {
    const { server } = await seeded();
    const first = await openCouncilPane(server);
    await first.council.createBallotSheet();
    const second = await openCouncilPane(server);
    expect(second.state().council!.round).toMatchObject({ number: 1, status: 'open' });
  });

  it('an administrator annuls a confirmed round with a reason: statuses back to eligible, the minutes marked annulled', async () => {
    const { server, ids } = await seeded();
    const [a, b] = ids as [string, string, string];
    const secretary = await openCouncilPane(server);
    expect(secretary.state().council!.mayAnnul).toBe(false);
    const pane = await openCouncilPane(server, ADMIN);
    await pane.council.createBallotSheet();
    mark(pane.sheets, 1, times(9, [a, b]));
    await pane.council.countBallots();
    await pane.council.confirmResult();
    await pane.council.annulResult('abc');
    expect(pane.state().error?.vi).toContain('lý do');
    expect(pane.councilLog().some((l) => l.endsWith('/annul'))).toBe(false);
    await pane.council.annulResult('Thành phần Hội đồng không đúng quyết định');
    await pane.controller.idle();
    const round = pane.state().council!.round!;
    expect(round).toMatchObject({ status: 'annulled', annulment: { by: ADMIN, reason: 'Thành phần Hội đồng không đúng quyết định' } });
    expect(round.minutes!.conclusion[0]).toMatch(/^KẾT QUẢ VÒNG BỎ PHIẾU NÀY ĐÃ BỊ HỦY ngày \d\d\/\d\d\/\d{4}\. Lý do: Thành phần/);
    expect(pane.sheets.calls.at(-1)).toBe('minutes:1');
    expect(pane.state().notice?.vi).toContain('Đã hủy kết quả vòng 1');
    const stored = await server.live();
    expect(stored.map((n) => n.status)).toEqual(['eligible', 'eligible', 'eligible']);
  });

  it('sends the ballots in parts with progress; a network fault mid-upload loses nothing and sends no part twice', async () => {
    const { server, ids } = await seeded();
    const [a, b, c] = ids as [string, string, string];
    // Parts of about two ballots: five parts for nine ballots.
    const pane = await openCouncilPane(server, SECRETARY, { ballotPartBytes: 48 });
    await pane.council.createBallotSheet();
    mark(pane.sheets, 1, [...times(7, [a, b]), [a, c], [a, c]]);
    const sending: string[] = [];
    pane.controller.subscribe(() => {
      const progress = pane.state().council?.sending;
      if (progress) sending.push(`${progress.sent}/${progress.total}`);
    });
    const parts = /^\/campaigns\/[^/]+\/rounds\/1\/ballot-uploads\/[0-9a-f]+\/parts\/(\d+)$/;
    // Part 1 is stored but its answer is lost, and asking which parts arrived fails too: the count stops.
    // Pressed again, part 2 never reaches the server the first time.
    server.faults.push(
      { method: 'PUT', path: /\/parts\/1$/, fault: 'lost' },
      { method: 'GET', path: /\/ballot-uploads\/[0-9a-f]+$/, fault: 'network' },
      { method: 'PUT', path: /\/parts\/2$/, fault: 'network' },
    );
    await pane.council.countBallots();
    expect(pane.state().error).toBeDefined();
    expect(pane.state().notice?.vi).toMatch(/^Chưa gửi xong các phiếu \(\d\/9 phiếu đã tới máy chủ, không mất phiếu nào\)/);
    expect(pane.state().council!.round!.result).toBeUndefined();

    // "Kiểm phiếu" again: the pane asks which parts arrived and sends only the others.
    await pane.council.countBallots();
    expect(pane.state().error).toBeUndefined();
    const reached = server.log.filter((e) => e.method === 'PUT' && parts.test(e.path) && e.fault !== 'network');
    const sent = reached.map((e) => Number(parts.exec(e.path)![1])).sort();
    expect(sent).toEqual([0, 1, 2, 3, 4]);
    expect(server.log.filter((e) => e.path.endsWith('/complete'))).toHaveLength(1);
    expect(new Set(server.log.filter((e) => parts.test(e.path)).map((e) => e.path.split('/')[6])).size).toBe(1);
    const round = pane.state().council!.round!;
    expect(round).toMatchObject({ status: 'tallied', ballotCount: 9 });
    expect(round.result!.forms[0]!.selected.sort()).toEqual([a, b].sort());
    expect(pane.state().council!.sending).toBeUndefined();
    expect(sending.at(-1)).toBe('9/9');
  });
});
