import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROUTES } from '#functions/routes';
import type { StoredCampaign } from '#shared/api/campaign';
import type { Campaign } from '#shared/campaign';
import { SEED_CAMPAIGN } from '#shared/seed/campaign-2025';
import { DEMO_PEOPLE, DEMO_UNITS } from '#shared/seed/demo-office';
import { startTestApi, type TestApi, type TestResponse } from '#tests/support/api';
import { ADMIN, CAMPAIGN_ID, HR, QUOTA_RULES_COUNTING_ELIGIBLE, row, staffOf, unitClerk } from '#tests/support/rows';
import { moveCampaignTo } from '#tests/support/stage';

/**
 * Campaigns and the office's registry, through the API over a real DynamoDB Local: what the seed holds,
 * how an admin creates and edits a campaign (versions, audit, quota counters), units, people and users.
 * The seed campaign is only read here; every test that writes makes its own campaign.
 */
let api: TestApi;
let admin: string;
let hr: string;

beforeAll(async () => {
  api = await startTestApi();
  admin = await api.tokenFor(ADMIN);
  hr = await api.tokenFor(HR);
});
afterAll(() => api?.close());

function expectRefusal(answer: TestResponse, status: number, code: string) {
  expect(answer.status, answer.text.slice(0, 400)).toBe(status);
  expect(answer.body.code).toBe(code);
  expect(answer.body.message.vi.length).toBeGreaterThan(0);
  expect(answer.body.message.en.length).toBeGreaterThan(0);
}

async function newCampaign(id: string, overrides: Partial<Campaign> = {}): Promise<StoredCampaign> {
  const answer = await api.request('POST', '/campaigns', { token: admin, body: { ...SEED_CAMPAIGN, id, ...overrides } });
  expect(answer.status, answer.text.slice(0, 400)).toBe(201);
  return answer.body;
}

/** The campaign without the server's fields, as a PUT sends it. */
const editable = ({ version: _v, updatedAt: _u, stage: _s, ...campaign }: StoredCampaign): Campaign => campaign;

async function auditOf(campaignId: string) {
  const answer = await api.request('GET', `/campaigns/${campaignId}/audit?limit=100`, { token: admin });
  expect(answer.status).toBe(200);
  return answer.body.entries as { action: string; actor: string; at: string; changes: Record<string, { from?: unknown; to?: unknown }> }[];
}

describe('the seed campaign', () => {
  it('is listed', async () => {
    const answer = await api.request('GET', '/campaigns', { token: hr });
    expect(answer.status).toBe(200);
    const seed = answer.body.items.find((c: { id: string }) => c.id === CAMPAIGN_ID);
    expect(seed).toMatchObject({ id: CAMPAIGN_ID, title: SEED_CAMPAIGN.title, version: 1 });
  });

  it('is read back with every figure of the plan', async () => {
    const answer = await api.request('GET', `/campaigns/${CAMPAIGN_ID}`, { token: hr });
    expect(answer.status).toBe(200);
    // Stored before the stages existed, the seed's campaign reads as open.
    expect(answer.body).toEqual({ ...SEED_CAMPAIGN, version: 1, updatedAt: expect.any(String), stage: 'open' });
    // The plan's figures, spelled out (II.2, IV.1, III.2.a, III.2.b, III.2.c).
    const campaign = answer.body as StoredCampaign;
    expect(campaign.period).toEqual({ start: '2024-10-01', end: '2025-09-30' });
    expect(campaign.submissionDeadline).toBe('2025-09-30');
    expect(campaign.hrUnitId).toBe('hctc-qttv');
    expect(campaign.awardForms.map((form) => [form.code, form.decidedBy])).toEqual([
      ['BANG_KHEN_CT_UBND', 'province'],
      ['GIAY_KHEN_CVP', 'office'],
    ]);
    expect(campaign.quotaRules.map((rule) => [rule.awardForm, rule.max, rule.scope])).toEqual([
      ['BANG_KHEN_CT_UBND', 1, 'campaign'],
      ['GIAY_KHEN_CVP', 1, 'campaign'],
    ]);
    expect(campaign.dossierRequirements.map((doc) => doc.code)).toEqual(['TO_TRINH', 'BIEN_BAN_HOP_XET', 'BAO_CAO_THANH_TICH']);
    expect(campaign.movements).toHaveLength(7);
    expect(campaign.council.quorum).toEqual({ numerator: 2, denominator: 3 });
  });
});

describe('creating and editing a campaign', () => {
  it('creates a campaign (201), once', async () => {
    const created = await newCampaign('dot-moi-2026', { title: 'Đợt thi đua năm 2026' });
    expect(created).toMatchObject({ id: 'dot-moi-2026', title: 'Đợt thi đua năm 2026', version: 1, updatedAt: expect.any(String) });
    // A new campaign is a draft until HR or an administrator opens it.
    expect(created.stage).toBe('draft');
    const read = await api.request('GET', '/campaigns/dot-moi-2026', { token: hr });
    expect(read.body).toEqual(created);
    const listed = await api.request('GET', '/campaigns', { token: hr });
    expect(listed.body.items.map((c: { id: string }) => c.id)).toEqual(expect.arrayContaining([CAMPAIGN_ID, 'dot-moi-2026']));

    const again = await api.request('POST', '/campaigns', {
      token: admin,
      body: { ...SEED_CAMPAIGN, id: 'dot-moi-2026', title: 'Ghi đè' },
    });
    expectRefusal(again, 409, 'ALREADY_EXISTS');
    const seedAgain = await api.request('POST', '/campaigns', { token: admin, body: SEED_CAMPAIGN });
    expectRefusal(seedAgain, 409, 'ALREADY_EXISTS');
    expect((await api.request('GET', '/campaigns/dot-moi-2026', { token: hr })).body.title).toBe('Đợt thi đua năm 2026');
    expect((await api.request('GET', `/campaigns/${CAMPAIGN_ID}`, { token: hr })).body.version).toBe(1);
  });

  it('updates at the current version (version + 1), refuses a stale one, and audits both the creation and the update', async () => {
    const id = 'dot-sua-2026';
    const created = await newCampaign(id);
    const edited = { ...editable(created), title: 'Đợt thi đua đã sửa', submissionDeadline: '2025-09-25' };
    const updated = await api.request('PUT', `/campaigns/${id}`, { token: admin, body: { campaign: edited, version: 1 } });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ id, title: 'Đợt thi đua đã sửa', submissionDeadline: '2025-09-25', version: 2 });
    expect((await api.request('GET', `/campaigns/${id}`, { token: hr })).body).toEqual(updated.body);

    // Another admin still holding version 1.
    const auditBefore = await auditOf(id);
    const stale = await api.request('PUT', `/campaigns/${id}`, {
      token: admin,
      body: { campaign: { ...editable(created), title: 'Bản cũ' }, version: 1 },
    });
    expectRefusal(stale, 409, 'VERSION_CONFLICT');
    const read = await api.request('GET', `/campaigns/${id}`, { token: hr });
    expect(read.body).toMatchObject({ title: 'Đợt thi đua đã sửa', version: 2 });
    expect(await auditOf(id)).toEqual(auditBefore);

    // A version from the future is just as stale.
    const ahead = await api.request('PUT', `/campaigns/${id}`, { token: admin, body: { campaign: edited, version: 7 } });
    expectRefusal(ahead, 409, 'VERSION_CONFLICT');

    const entries = await auditOf(id);
    expect(entries.map((entry) => entry.action)).toEqual(['campaign.update', 'campaign.create']);
    expect(entries[1]).toMatchObject({ actor: ADMIN, changes: { campaign: { to: SEED_CAMPAIGN.title } } });
    expect(entries[0]!.actor).toBe(ADMIN);
    expect(entries[0]!.changes).toEqual({
      title: { from: SEED_CAMPAIGN.title, to: 'Đợt thi đua đã sửa' },
      submissionDeadline: { from: '2025-09-30', to: '2025-09-25' },
    });
  });

  it('refuses a body whose id is not the path id, and changes neither', async () => {
    const id = 'dot-khac-id';
    const created = await newCampaign(id);
    await newCampaign('dot-khac-id-2');
    const answer = await api.request('PUT', `/campaigns/${id}`, {
      token: admin,
      body: { campaign: { ...editable(created), id: 'dot-khac-id-2', title: 'Nhầm' }, version: 1 },
    });
    expectRefusal(answer, 400, 'VALIDATION_FAILED');
    expect(answer.body.details).toEqual([expect.objectContaining({ path: 'campaign.id' })]);
    for (const each of [id, 'dot-khac-id-2']) {
      expect((await api.request('GET', `/campaigns/${each}`, { token: hr })).body).toMatchObject({
        version: 1,
        title: SEED_CAMPAIGN.title,
      });
    }
  });
});

describe('quota counters follow the quota rules', () => {
  const id = 'dot-chi-tieu';
  const batch = `/campaigns/${id}/nominations/batch`;
  /** Four submitted GIAY_KHEN_CVP nominations: two from one unit, one each from two others. */
  let rows: { id: string; version: number; unitId: string; person: string }[];

  beforeAll(async () => {
    // Caps on the proposals: HR finding a nomination eligible takes a place (a save selects nothing).
    await newCampaign(id, { quotaRules: QUOTA_RULES_COUNTING_ELIGIBLE });
    await moveCampaignTo(api, 'open', id);
    const people = [staffOf('kinh-te')[0]!, staffOf('kinh-te')[1]!, staffOf('tong-hop')[0]!, staffOf('nha-khach')[0]!];
    const answer = await api.request('POST', batch, { token: hr, body: { rows: people.map((p) => row(p.id)) } });
    expect(answer.body.summary.saved).toBe(4);
    rows = answer.body.rows.map((r: { id: string; version: number }, i: number) => ({
      id: r.id,
      version: r.version,
      unitId: people[i]!.unitId,
      person: people[i]!.id,
    }));
  });

  /** Finds one row eligible, or returns it; answers the row's outcome and the quota usage the save reports. */
  async function move(index: number, status: 'eligible' | 'returned') {
    const target = rows[index]!;
    const reason = status === 'returned' ? { returnReason: 'Hội đồng đề nghị bổ sung' } : {};
    const answer = await api.request('POST', batch, {
      token: hr,
      body: { rows: [{ ...row(target.person, { status, ...reason }), id: target.id, version: target.version }] },
    });
    expect(answer.status).toBe(200);
    const result = answer.body.rows[0];
    if (result.outcome === 'saved') target.version = result.version;
    return {
      outcome: result.outcome as string,
      usage: answer.body.quotaUsage as { ruleId: string; scopeKey: string; used: number; max: number }[],
    };
  }

  async function setGiayKhenRule(rule: { max: number; scope: 'campaign' | 'unit' }) {
    const current = (await api.request('GET', `/campaigns/${id}`, { token: admin })).body as StoredCampaign;
    const quotaRules = current.quotaRules.map((r) => (r.awardForm === 'GIAY_KHEN_CVP' ? { ...r, ...rule } : r));
    const answer = await api.request('PUT', `/campaigns/${id}`, {
      token: admin,
      body: { campaign: { ...editable(current), quotaRules }, version: current.version },
    });
    expect(answer.status, answer.text.slice(0, 400)).toBe(200);
    expect(answer.body.version).toBe(current.version + 1);
  }

  it('lets a second proposal through once the cap is raised to 2, and no third', async () => {
    expect((await move(0, 'eligible')).outcome).toBe('saved');
    expect((await move(2, 'eligible')).outcome).toBe('refused');

    await setGiayKhenRule({ max: 2, scope: 'campaign' });
    const second = await move(2, 'eligible');
    expect(second.outcome).toBe('saved');
    expect(second.usage).toContainEqual(expect.objectContaining({ ruleId: 'QUOTA_GIAY_KHEN', scopeKey: '*', used: 2, max: 2 }));
    expect((await move(3, 'eligible')).outcome).toBe('refused');

    const entries = await auditOf(id);
    const quotaChange = entries.find((entry) => entry.action === 'campaign.update');
    expect(quotaChange?.changes.quotaRules).toBeDefined();
  });

  it('counts per unit afresh when the scope changes to unit', async () => {
    // Eligible now: row 0 (kinh-te) and row 2 (tong-hop). One place per unit.
    await setGiayKhenRule({ max: 1, scope: 'unit' });
    const nhaKhach = await move(3, 'eligible');
    expect(nhaKhach.outcome).toBe('saved');
    expect(nhaKhach.usage).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ ruleId: 'QUOTA_GIAY_KHEN', scopeKey: 'kinh-te', used: 1, max: 1 }),
        expect.objectContaining({ ruleId: 'QUOTA_GIAY_KHEN', scopeKey: 'tong-hop', used: 1, max: 1 }),
        expect.objectContaining({ ruleId: 'QUOTA_GIAY_KHEN', scopeKey: 'nha-khach', used: 1, max: 1 }),
      ]),
    );
    // kinh-te's place is taken by row 0: row 1, from the same unit, is refused.
    expect((await move(1, 'eligible')).outcome).toBe('refused');
  });

  it('keeps refusing when the cap is lowered under the places taken, and gives a place back on a return', async () => {
    await setGiayKhenRule({ max: 2, scope: 'campaign' });
    // Three are eligible (rows 0, 2, 3): over the new cap.
    const report = await api.request('GET', `/campaigns/${id}/validation`, { token: hr });
    expect(report.body.quotaUsage).toContainEqual(expect.objectContaining({ ruleId: 'QUOTA_GIAY_KHEN', used: 3, max: 2 }));
    expect((await move(1, 'eligible')).outcome).toBe('refused');
    const back = await move(3, 'returned');
    expect(back.outcome).toBe('saved');
    expect(back.usage).toContainEqual(expect.objectContaining({ ruleId: 'QUOTA_GIAY_KHEN', used: 2, max: 2 }));
    expect((await move(1, 'eligible')).outcome).toBe('refused');
    expect((await move(0, 'returned')).outcome).toBe('saved');
    expect((await move(1, 'eligible')).outcome).toBe('saved');
  });
});

describe('units and people', () => {
  it('lists the units in Vietnamese order', async () => {
    const answer = await api.request('GET', '/units', { token: hr });
    expect(answer.status).toBe(200);
    const names = (answer.body.items as { name: string }[]).map((u) => u.name);
    expect(names.slice(0, DEMO_UNITS.length)).toEqual([
      'Ban Tiếp công dân tỉnh',
      'Nhà khách UBND tỉnh',
      'Phòng Hành chính tổ chức - Quản trị tài vụ',
      'Phòng Khoa giáo - Văn xã',
      'Phòng Kinh tế',
      'Phòng Nội chính - Pháp chế',
      'Phòng Tổng hợp',
      'Trung tâm Phục vụ hành chính công',
      'Trung tâm Thông tin - Công báo',
    ]);
  });

  it('puts Đ after D, as Vietnamese does (not with it, as a plain collation would)', async () => {
    for (const [id, name] of [
      ['dai-phat-thanh', 'Đài Phát thanh'],
      ['du-an-xay-dung', 'Dự án Xây dựng'],
    ] as const) {
      const put = await api.request('PUT', `/units/${id}`, { token: admin, body: { id, name } });
      expect(put.status).toBe(200);
      expect(put.body).toEqual({ id, name, isHrOffice: false, underDiscipline: false });
    }
    const names = ((await api.request('GET', '/units', { token: hr })).body.items as { name: string }[]).map((u) => u.name);
    expect(names.slice(0, 4)).toEqual(['Ban Tiếp công dân tỉnh', 'Dự án Xây dựng', 'Đài Phát thanh', 'Nhà khách UBND tỉnh']);
  });

  it("lists a unit's people, by given name", async () => {
    const answer = await api.request('GET', '/people?unitId=kinh-te', { token: hr });
    expect(answer.status).toBe(200);
    const items = answer.body.items as { id: string; fullName: string; unitId: string }[];
    expect(items.map((p) => p.id).sort()).toEqual(
      DEMO_PEOPLE.filter((p) => p.unitId === 'kinh-te')
        .map((p) => p.id)
        .sort(),
    );
    const collator = new Intl.Collator('vi');
    const given = (name: string) => name.split(' ').at(-1)!;
    for (let i = 1; i < items.length; i += 1) {
      const order =
        collator.compare(given(items[i - 1]!.fullName), given(items[i]!.fullName)) ||
        collator.compare(items[i - 1]!.fullName, items[i]!.fullName);
      expect(order, `${items[i - 1]!.fullName} before ${items[i]!.fullName}`).toBeLessThanOrEqual(0);
    }
    const all = await api.request('GET', '/people', { token: hr });
    expect(all.body.items.length).toBeGreaterThanOrEqual(DEMO_PEOPLE.length);
    const none = await api.request('GET', '/people?unitId=khong-co', { token: hr });
    expect(none.body.items).toEqual([]);
  });

  it('refuses a person in a unit that does not exist, and stores a valid one', async () => {
    const unknown = await api.request('PUT', '/people/cb-moi-1', {
      token: admin,
      body: { id: 'cb-moi-1', fullName: 'Đặng Thị Mới', unitId: 'phong-khong-co' },
    });
    expectRefusal(unknown, 400, 'VALIDATION_FAILED');
    expect(unknown.body.details).toEqual([expect.objectContaining({ path: 'unitId' })]);
    const mismatch = await api.request('PUT', '/people/cb-moi-2', {
      token: admin,
      body: { id: 'cb-moi-1', fullName: 'Đặng Thị Mới', unitId: 'nha-khach' },
    });
    expectRefusal(mismatch, 400, 'VALIDATION_FAILED');
    let listed = (await api.request('GET', '/people', { token: hr })).body.items.map((p: { id: string }) => p.id);
    expect(listed).not.toContain('cb-moi-1');

    const valid = await api.request('PUT', '/people/cb-moi-1', {
      token: admin,
      body: { id: 'cb-moi-1', fullName: 'Đặng Thị Mới', unitId: 'nha-khach', gender: 'female' },
    });
    expect(valid.status).toBe(200);
    listed = (await api.request('GET', '/people?unitId=nha-khach', { token: hr })).body.items.map((p: { id: string }) => p.id);
    expect(listed).toContain('cb-moi-1');
  });
});

describe('users', () => {
  it('answers /me with the signed-in user', async () => {
    const me = await api.request('GET', '/me', { token: hr });
    expect(me.status).toBe(200);
    expect(me.body).toEqual({ email: HR, displayName: 'Cán bộ tổ chức (HCTC-QTTV)', role: 'hr' });
    const clerk = await api.request('GET', '/me', { token: await api.tokenFor(unitClerk('kinh-te')) });
    expect(clerk.body).toMatchObject({ role: 'unit', unitId: 'kinh-te' });
  });

  it('makes a new unit user, who can then use the API within the unit', async () => {
    const email = 'Van.Thu.Moi@ThiDua.Local';
    const token = await api.tokenFor(email);
    expectRefusal(await api.request('GET', '/me', { token }), 403, 'UNKNOWN_USER');

    const put = await api.request('PUT', `/users/${encodeURIComponent(email)}`, {
      token: admin,
      body: { email, displayName: 'Văn thư mới Nhà khách', role: 'unit', unitId: 'nha-khach' },
    });
    expect(put.status).toBe(200);
    expect(put.body).toEqual({
      email: email.toLowerCase(),
      displayName: 'Văn thư mới Nhà khách',
      role: 'unit',
      unitId: 'nha-khach',
      version: 1,
    });
    const users = await api.request('GET', '/users', { token: admin });
    expect(users.body.items).toContainEqual(put.body);

    const me = await api.request('GET', '/me', { token });
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ email: email.toLowerCase(), role: 'unit', unitId: 'nha-khach' });

    const own = await api.request('POST', `/campaigns/${CAMPAIGN_ID}/nominations/batch`, {
      token,
      body: { rows: [row(staffOf('nha-khach')[2]!.id, { status: 'draft', note: 'người dùng mới' })] },
    });
    expect(own.status).toBe(200);
    expect(own.body.rows[0]).toMatchObject({ outcome: 'saved', status: 'draft' });
    const other = await api.request('POST', `/campaigns/${CAMPAIGN_ID}/nominations/batch`, {
      token,
      body: { rows: [row(staffOf('kinh-te')[2]!.id, { status: 'draft' })] },
    });
    expectRefusal(other, 403, 'FORBIDDEN_UNIT');
    const list = await api.request('GET', `/campaigns/${CAMPAIGN_ID}/nominations`, { token });
    expect(list.body.items.map((n: { id: string }) => n.id)).toContain(own.body.rows[0].id);
    expect(list.body.items.every((n: { unitId: string }) => n.unitId === 'nha-khach')).toBe(true);

    // A new role takes effect at the next request.
    const demoted = await api.request('PUT', `/users/${encodeURIComponent(email.toLowerCase())}`, {
      token: admin,
      body: { email: email.toLowerCase(), displayName: 'Văn thư mới Nhà khách', role: 'viewer' },
    });
    expect(demoted.status).toBe(200);
    const refused = await api.request('POST', `/campaigns/${CAMPAIGN_ID}/nominations/batch`, {
      token,
      body: { rows: [row(staffOf('nha-khach')[3]!.id, { status: 'draft' })] },
    });
    expectRefusal(refused, 403, 'FORBIDDEN');
  });
});

describe('open routes', () => {
  it('answers /health without a token', async () => {
    const answer = await api.request('GET', '/health');
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ status: 'ok', time: expect.any(String) });
  });

  it('describes every route in /openapi.json, without a token', async () => {
    const answer = await api.request('GET', '/openapi.json');
    expect(answer.status).toBe(200);
    const doc = answer.body as { openapi: string; paths: Record<string, Record<string, { security?: unknown[] }>> };
    expect(doc.openapi).toBe('3.1.0');
    for (const route of ROUTES) {
      const operation = doc.paths[route.path]?.[route.method.toLowerCase()];
      expect(operation, `${route.method} ${route.path}`).toBeDefined();
      if (!route.auth) expect(operation!.security).toEqual([]);
      else expect(operation!.security).toBeUndefined();
    }
    const operations = Object.values(doc.paths).flatMap((methods) => Object.keys(methods));
    expect(operations).toHaveLength(ROUTES.length);
  });
});
