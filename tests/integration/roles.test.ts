import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadLocalKeys } from '#local/keys';
import { ROUTES } from '#functions/routes';
import type { NominationChange } from '#shared/nomination';
import { UNIT_STATUSES, type NominationStatus } from '#shared/status';
import { SEED_CAMPAIGN } from '#shared/seed/campaign-2025';
import { startTestApi, type TestApi, type TestResponse } from '#tests/support/api';
import { ADMIN, CAMPAIGN_ID, HR, SECRETARY, VIEWER, row, staffOf, unitClerk } from '#tests/support/rows';
import { moveCampaignTo } from '#tests/support/stage';

/**
 * Who may do what, through the API over a real DynamoDB Local: every role against every action, and
 * the JWT authorizer in front of every route. The nomination actions run in a campaign of this file's
 * own whose quotas are wide, so that a quota never answers for a role.
 */
let api: TestApi;

const X = 'kinh-te';
const Y = 'tong-hop';
const ROLES = {
  admin: ADMIN,
  hr: HR,
  secretary: SECRETARY,
  viewer: VIEWER,
  unitX: unitClerk(X),
  unitY: unitClerk(Y),
} as const;
type RoleName = keyof typeof ROLES;
const ROLE_NAMES = Object.keys(ROLES) as RoleName[];
const tokens = {} as Record<RoleName, string>;

const MATRIX = 'roles-matrix';
const MATRIX_BATCH = `/campaigns/${MATRIX}/nominations/batch`;
const NOMINATIONS = `/campaigns/${MATRIX}/nominations`;

type Created = { id: string; version: number; change: NominationChange };

/** A nomination made by HR in the matrix campaign, in the status the test needs. */
async function create(unitId: string, status: NominationStatus, overrides: Partial<NominationChange> = {}): Promise<Created> {
  const person = staffOf(unitId)[0]!;
  const change = row(person.id, { status, ...(status === 'returned' ? { returnReason: 'Bổ sung biên bản họp xét' } : {}), ...overrides });
  const answer = await api.request('POST', MATRIX_BATCH, { token: tokens.hr, body: { rows: [change] } });
  expect(answer.status).toBe(200);
  const result = answer.body.rows[0];
  expect(result.outcome).toBe('saved');
  return { id: result.id, version: result.version, change };
}

/** The stored nomination, as HR (who sees every row) reads it. */
async function stored(id: string) {
  const list = await api.request('GET', `${NOMINATIONS}?includeDeleted=true`, { token: tokens.hr });
  expect(list.status).toBe(200);
  return (list.body.items as { id: string; version: number; status: string; deletedAt?: string }[]).find((n) => n.id === id);
}

/** How many audit entries the matrix campaign holds (a refused request adds none). */
async function auditCount(): Promise<number> {
  let count = 0;
  let cursor: string | undefined;
  do {
    const page = await api.request('GET', `/campaigns/${MATRIX}/audit?limit=100${cursor ? `&cursor=${cursor}` : ''}`, { token: tokens.hr });
    count += page.body.entries.length;
    cursor = page.body.nextCursor ?? undefined;
  } while (cursor);
  return count;
}

const change = (role: RoleName, created: Created, fields: Partial<NominationChange>) =>
  api.request('POST', MATRIX_BATCH, {
    token: tokens[role],
    body: { rows: [{ ...created.change, ...fields, id: created.id, version: created.version }] },
  });

beforeAll(async () => {
  api = await startTestApi();
  for (const role of ROLE_NAMES) tokens[role] = await api.tokenFor(ROLES[role]);
  const wide = SEED_CAMPAIGN.quotaRules.map((rule) => ({ ...rule, max: 100 }));
  const made = await api.request('POST', '/campaigns', { token: tokens.admin, body: { ...SEED_CAMPAIGN, id: MATRIX, quotaRules: wide } });
  expect(made.status).toBe(201);
  await moveCampaignTo(api, 'open', MATRIX);
});
afterAll(() => api?.close());

/** 'ok' (2xx, and the write took effect), or the refusal's code. */
/** TAKEN_OVER: the clerk's own row HR took over, refused row by row (200, nothing written). */
type Outcome = 'ok' | 'FORBIDDEN' | 'FORBIDDEN_UNIT' | 'FORBIDDEN_STATUS' | 'NOMINATION_NOT_FOUND' | 'TAKEN_OVER' | 'REGISTRY_READ_ONLY';
const REFUSAL_STATUS = {
  FORBIDDEN: 403,
  FORBIDDEN_UNIT: 403,
  FORBIDDEN_STATUS: 403,
  REGISTRY_READ_ONLY: 403,
  NOMINATION_NOT_FOUND: 404,
  TAKEN_OVER: 200,
} as const;

interface Action {
  name: string;
  expect: Record<RoleName, Outcome>;
  /** The request; `after` checks what an accepted one did, or that a refused one changed nothing. */
  run(role: RoleName): Promise<{ response: TestResponse; after?: (ok: boolean) => Promise<void> }>;
  okStatus?: number;
}

const everyone = (outcome: Outcome): Record<RoleName, Outcome> =>
  Object.fromEntries(ROLE_NAMES.map((r) => [r, outcome])) as Record<RoleName, Outcome>;
const adminOnly: Record<RoleName, Outcome> = { ...everyone('FORBIDDEN'), admin: 'ok' };
/** The registry: the admin edits it; HR reads it and is told so (REGISTRY_READ_ONLY); the others may not. */
const registry: Record<RoleName, Outcome> = { ...adminOnly, hr: 'REGISTRY_READ_ONLY' };

/** A status change of a fresh row of unit X, and afterwards: the row moved, or it did not. */
function statusChange(from: NominationStatus, to: NominationStatus, fields: Partial<NominationChange> = {}) {
  return async (role: RoleName) => {
    const created = await create(X, from);
    const response = await change(role, created, { status: to, ...fields });
    return {
      response,
      after: async (ok: boolean) => {
        const now = await stored(created.id);
        if (ok) {
          expect(response.body.rows[0]).toMatchObject({ outcome: 'saved', status: to, version: created.version + 1 });
          expect(now).toMatchObject({ status: to, version: created.version + 1 });
        } else {
          expect(now).toMatchObject({ status: from, version: created.version });
        }
      },
    };
  };
}

let newUnitSeq = 0;
const ACTIONS: Action[] = [
  {
    name: 'list campaigns',
    expect: everyone('ok'),
    run: async (role) => {
      const response = await api.request('GET', '/campaigns', { token: tokens[role] });
      return {
        response,
        after: async () =>
          expect(response.body.items.map((c: { id: string }) => c.id)).toEqual(expect.arrayContaining([CAMPAIGN_ID, MATRIX])),
      };
    },
  },
  {
    name: 'read a campaign',
    expect: everyone('ok'),
    run: async (role) => {
      const response = await api.request('GET', `/campaigns/${CAMPAIGN_ID}`, { token: tokens[role] });
      return { response, after: async () => expect(response.body).toMatchObject({ id: CAMPAIGN_ID, version: expect.any(Number) }) };
    },
  },
  {
    name: 'create a campaign',
    expect: adminOnly,
    okStatus: 201,
    run: async (role) => {
      const id = `roles-created-by-${role.toLowerCase()}`;
      const response = await api.request('POST', '/campaigns', { token: tokens[role], body: { ...SEED_CAMPAIGN, id } });
      return {
        response,
        after: async (ok) => {
          const read = await api.request('GET', `/campaigns/${id}`, { token: tokens.admin });
          expect(read.status).toBe(ok ? 200 : 404);
        },
      };
    },
  },
  {
    name: 'update a campaign',
    expect: adminOnly,
    run: async (role) => {
      const { body: current } = await api.request('GET', `/campaigns/${MATRIX}`, { token: tokens.admin });
      const { version, updatedAt: _at, ...campaign } = current;
      const response = await api.request('PUT', `/campaigns/${MATRIX}`, {
        token: tokens[role],
        body: { campaign: { ...campaign, theme: `Chủ đề do ${role} sửa` }, version },
      });
      return {
        response,
        after: async (ok) => {
          const read = await api.request('GET', `/campaigns/${MATRIX}`, { token: tokens.admin });
          expect(read.body.version).toBe(ok ? version + 1 : version);
          expect(read.body.theme).toBe(ok ? `Chủ đề do ${role} sửa` : current.theme);
        },
      };
    },
  },
  {
    name: 'list units',
    expect: everyone('ok'),
    run: async (role) => {
      const response = await api.request('GET', '/units', { token: tokens[role] });
      return {
        response,
        after: async () => expect(response.body.items.map((u: { id: string }) => u.id)).toEqual(expect.arrayContaining([X, Y])),
      };
    },
  },
  {
    name: 'list people',
    expect: everyone('ok'),
    run: async (role) => {
      const response = await api.request('GET', `/people?unitId=${X}`, { token: tokens[role] });
      return { response, after: async () => expect(response.body.items).toHaveLength(7) };
    },
  },
  {
    name: 'PUT a unit',
    expect: registry,
    run: async (role) => {
      const id = `roles-unit-${role.toLowerCase()}-${newUnitSeq++}`;
      const response = await api.request('PUT', `/units/${id}`, { token: tokens[role], body: { id, name: `Phòng thử ${role}` } });
      return {
        response,
        after: async (ok) => {
          const units = await api.request('GET', '/units', { token: tokens.admin });
          expect(units.body.items.some((u: { id: string }) => u.id === id)).toBe(ok);
        },
      };
    },
  },
  {
    name: 'PUT a person',
    expect: registry,
    run: async (role) => {
      const id = `roles-person-${role.toLowerCase()}`;
      const response = await api.request('PUT', `/people/${id}`, {
        token: tokens[role],
        body: { id, fullName: 'Nguyễn Văn Thử', unitId: 'nha-khach' },
      });
      return {
        response,
        after: async (ok) => {
          const people = await api.request('GET', '/people?unitId=nha-khach', { token: tokens.admin });
          expect(people.body.items.some((p: { id: string }) => p.id === id)).toBe(ok);
        },
      };
    },
  },
  {
    name: 'PUT a user',
    expect: adminOnly,
    run: async (role) => {
      const email = `roles-new-${role.toLowerCase()}@thidua.local`;
      const response = await api.request('PUT', `/users/${encodeURIComponent(email)}`, {
        token: tokens[role],
        body: { email, displayName: 'Người dùng mới', role: 'admin' },
      });
      return {
        response,
        after: async (ok) => {
          const me = await api.request('GET', '/me', { token: await api.tokenFor(email) });
          expect(me.status).toBe(ok ? 200 : 403);
          if (!ok) expect(me.body.code).toBe('UNKNOWN_USER');
        },
      };
    },
  },
  {
    name: 'list users',
    expect: adminOnly,
    run: async (role) => {
      const response = await api.request('GET', '/users', { token: tokens[role] });
      return {
        response,
        after: async (ok) => {
          if (ok) expect(response.body.items.map((u: { email: string }) => u.email)).toEqual(expect.arrayContaining(Object.values(ROLES)));
        },
      };
    },
  },
  {
    name: 'save a new draft for unit X',
    // The secretary records the council's decisions, never a dossier's content (shared/permissions.ts).
    expect: { admin: 'ok', hr: 'ok', secretary: 'FORBIDDEN', viewer: 'FORBIDDEN', unitX: 'ok', unitY: 'FORBIDDEN_UNIT' },
    run: async (role) => {
      const nominee = staffOf(X)[1]!.id;
      const rowKey = `new-draft-${role}`;
      const response = await api.request('POST', MATRIX_BATCH, {
        token: tokens[role],
        body: { rows: [{ ...row(nominee, { status: 'draft', receivedDate: undefined, note: rowKey }), rowKey }] },
      });
      return {
        response,
        after: async (ok) => {
          const list = await api.request('GET', NOMINATIONS, { token: tokens.hr });
          const mine = list.body.items.filter((n: { note?: string }) => n.note === rowKey);
          expect(mine).toHaveLength(ok ? 1 : 0);
          if (ok) {
            expect(response.body.rows[0]).toMatchObject({ rowKey, outcome: 'saved', status: 'draft', version: 1 });
            expect(mine[0]).toMatchObject({ unitId: X, status: 'draft', createdBy: ROLES[role] });
          }
        },
      };
    },
  },
  {
    name: 'mark submitted (draft → submitted)',
    // A row a clerk may not read is, to their save, a row that does not exist (it learns nothing of it).
    expect: { admin: 'ok', hr: 'ok', secretary: 'FORBIDDEN_STATUS', viewer: 'FORBIDDEN', unitX: 'ok', unitY: 'NOMINATION_NOT_FOUND' },
    run: statusChange('draft', 'submitted'),
  },
  {
    // HR (the HR office) finds a dossier eligible; the admin may too (an override, with a reason when findings block it).
    name: 'mark eligible (submitted → eligible)',
    expect: {
      admin: 'ok',
      hr: 'ok',
      secretary: 'FORBIDDEN_STATUS',
      viewer: 'FORBIDDEN',
      unitX: 'FORBIDDEN_STATUS',
      unitY: 'NOMINATION_NOT_FOUND',
    },
    run: statusChange('submitted', 'eligible'),
  },
  {
    name: 'return with a reason (submitted → returned)',
    expect: {
      admin: 'ok',
      hr: 'ok',
      secretary: 'FORBIDDEN_STATUS',
      viewer: 'FORBIDDEN',
      unitX: 'FORBIDDEN_STATUS',
      unitY: 'NOMINATION_NOT_FOUND',
    },
    run: statusChange('submitted', 'returned', { returnReason: 'Thiếu báo cáo thành tích' }),
  },
  {
    // Only a confirmed round selects: no role saves a row into selected. A unit clerk no longer sees an eligible row.
    name: 'select (eligible → selected)',
    expect: {
      admin: 'FORBIDDEN_STATUS',
      hr: 'FORBIDDEN_STATUS',
      secretary: 'FORBIDDEN_STATUS',
      viewer: 'FORBIDDEN',
      unitX: 'TAKEN_OVER',
      unitY: 'NOMINATION_NOT_FOUND',
    },
    run: statusChange('eligible', 'selected'),
  },
  {
    name: 'delete a draft of unit X',
    // HR and admin, and a unit while it holds the row (shared/permissions.ts mayDelete).
    expect: { admin: 'ok', hr: 'ok', secretary: 'FORBIDDEN', viewer: 'FORBIDDEN', unitX: 'ok', unitY: 'FORBIDDEN_UNIT' },
    run: async (role) => {
      const created = await create(X, 'draft');
      const response = await api.request('DELETE', `${NOMINATIONS}/${created.id}?version=${created.version}`, { token: tokens[role] });
      return {
        response,
        after: async (ok) => {
          const now = await stored(created.id);
          if (ok) expect(now).toMatchObject({ deletedAt: expect.any(String), version: created.version + 1 });
          else {
            expect(now?.version).toBe(created.version);
            expect(now?.deletedAt).toBeUndefined();
          }
        },
      };
    },
  },
  {
    name: 'read the audit log',
    expect: { ...everyone('ok'), unitX: 'FORBIDDEN', unitY: 'FORBIDDEN' },
    run: async (role) => {
      const response = await api.request('GET', `/campaigns/${MATRIX}/audit`, { token: tokens[role] });
      return { response, after: async (ok) => (ok ? expect(response.body.entries.length).toBeGreaterThan(0) : undefined) };
    },
  },
];

describe('the role matrix', () => {
  const cases = ACTIONS.flatMap((action) =>
    ROLE_NAMES.map((role) => ({ action: action.name, role, outcome: action.expect[role], run: action })),
  );
  it.each(cases)('$action as $role: $outcome', async ({ role, outcome, run: action }) => {
    const { response, after } = await action.run(role);
    if (outcome === 'ok') {
      expect(response.status, JSON.stringify(response.body)).toBe(action.okStatus ?? 200);
    } else if (outcome === 'TAKEN_OVER') {
      expect(response.status, JSON.stringify(response.body)).toBe(200);
      expect(response.body.rows[0]).toMatchObject({ outcome: 'refused', refusal: { code: 'NOMINATION_TAKEN_OVER' } });
    } else {
      expect(response.status, JSON.stringify(response.body)).toBe(REFUSAL_STATUS[outcome]);
      expect(response.body.code).toBe(outcome);
      expect(response.body.message.vi).toEqual(expect.any(String));
      expect(response.body.message.vi.length).toBeGreaterThan(0);
      expect(response.body.message.en.length).toBeGreaterThan(0);
    }
    await after?.(outcome === 'ok');
  });
});

describe('what each role reads', () => {
  const fixtures = {} as Record<string, Created>;
  beforeAll(async () => {
    for (const [unitId, status] of [
      [X, 'draft'],
      [X, 'submitted'],
      [X, 'returned'],
      [X, 'eligible'],
      [Y, 'draft'],
      [Y, 'eligible'],
    ] as const) {
      fixtures[`${unitId}:${status}`] = await create(unitId, status, { note: 'đọc' });
    }
    // A rule broken in each unit: a draft of X and one of Y lack a document (a submission would be refused).
    const broken = (unitId: string, status: NominationStatus) => {
      const c = row(staffOf(unitId)[2]!.id, { status, note: 'thiếu hồ sơ' });
      delete c.dossier!.BIEN_BAN_HOP_XET;
      return c;
    };
    const answer = await api.request('POST', MATRIX_BATCH, {
      token: tokens.hr,
      body: { rows: [broken(X, 'draft'), broken(Y, 'draft')] },
    });
    expect(answer.body.rows.map((r: { outcome: string }) => r.outcome)).toEqual(['saved', 'saved']);
    fixtures[`${X}:broken`] = { id: answer.body.rows[0].id, version: 1, change: broken(X, 'draft') };
    fixtures[`${Y}:broken`] = { id: answer.body.rows[1].id, version: 1, change: broken(Y, 'draft') };
  });

  const visibleTo: Record<RoleName, string[]> = {
    admin: ['kinh-te:draft', 'kinh-te:submitted', 'kinh-te:returned', 'kinh-te:eligible', 'tong-hop:draft', 'tong-hop:eligible'],
    hr: ['kinh-te:draft', 'kinh-te:submitted', 'kinh-te:returned', 'kinh-te:eligible', 'tong-hop:draft', 'tong-hop:eligible'],
    secretary: ['kinh-te:draft', 'kinh-te:submitted', 'kinh-te:returned', 'kinh-te:eligible', 'tong-hop:draft', 'tong-hop:eligible'],
    viewer: ['kinh-te:draft', 'kinh-te:submitted', 'kinh-te:returned', 'kinh-te:eligible', 'tong-hop:draft', 'tong-hop:eligible'],
    unitX: ['kinh-te:draft', 'kinh-te:submitted', 'kinh-te:returned'],
    unitY: ['tong-hop:draft'],
  };

  it.each(ROLE_NAMES)('lists the nominations %s may see, and only those', async (role) => {
    const list = await api.request('GET', NOMINATIONS, { token: tokens[role] });
    expect(list.status).toBe(200);
    const items = list.body.items as { id: string; unitId: string; status: NominationStatus }[];
    const seen = Object.entries(fixtures)
      .filter(([key, f]) => !key.endsWith(':broken') && items.some((n) => n.id === f.id))
      .map(([key]) => key);
    expect(seen.sort()).toEqual([...visibleTo[role]].sort());
    if (role === 'unitX' || role === 'unitY') {
      const own = role === 'unitX' ? X : Y;
      for (const n of items) {
        expect(n.unitId).toBe(own);
        expect(UNIT_STATUSES).toContain(n.status);
      }
      // Asking for what it may not see gets it nothing more.
      const eligible = await api.request('GET', `${NOMINATIONS}?status=eligible`, { token: tokens[role] });
      expect(eligible.body.items).toEqual([]);
      const deleted = await api.request('GET', `${NOMINATIONS}?includeDeleted=true`, { token: tokens[role] });
      expect(deleted.body.items.every((n: { deletedAt?: string }) => !n.deletedAt)).toBe(true);
    }
  });

  it("refuses a unit clerk's request for another unit's nominations", async () => {
    const answer = await api.request('GET', `${NOMINATIONS}?unitId=${Y}`, { token: tokens.unitX });
    expect(answer.status).toBe(403);
    expect(answer.body.code).toBe('FORBIDDEN_UNIT');
    const own = await api.request('GET', `${NOMINATIONS}?unitId=${X}`, { token: tokens.unitX });
    expect(own.status).toBe(200);
  });

  it.each(ROLE_NAMES)('shows %s the validation findings it may see', async (role) => {
    const report = await api.request('GET', `/campaigns/${MATRIX}/validation`, { token: tokens[role] });
    expect(report.status).toBe(200);
    const issueIds = new Set((report.body.issues as { nominationId?: string }[]).map((i) => i.nominationId));
    const unit = role === 'unitX' ? X : role === 'unitY' ? Y : undefined;
    expect(issueIds.has(fixtures[`${X}:broken`]!.id)).toBe(unit !== Y);
    expect(issueIds.has(fixtures[`${Y}:broken`]!.id)).toBe(unit !== X);
    if (unit) {
      const visible = await api.request('GET', NOMINATIONS, { token: tokens[role] });
      const ids = new Set((visible.body.items as { id: string }[]).map((n) => n.id));
      for (const issue of report.body.issues as { nominationId?: string }[]) expect(ids.has(issue.nominationId!)).toBe(true);
      expect(report.body.counts.nominations).toBe(ids.size);
      const errors = (report.body.issues as { severity: string }[]).filter((i) => i.severity === 'error').length;
      expect(report.body.counts).toMatchObject({ errors, warnings: report.body.issues.length - errors });
    }
    // Quotas are campaign-wide for everyone.
    expect(report.body.quotaUsage.map((q: { ruleId: string }) => q.ruleId).sort()).toEqual(['QUOTA_BANG_KHEN', 'QUOTA_GIAY_KHEN']);
  });

  it('answers /me with the role and unit of each user', async () => {
    for (const role of ROLE_NAMES) {
      const me = await api.request('GET', '/me', { token: tokens[role] });
      expect(me.status).toBe(200);
      expect(me.body.email).toBe(ROLES[role]);
      expect(me.body.role).toBe(role.startsWith('unit') ? 'unit' : role);
      if (role === 'unitX') expect(me.body.unitId).toBe(X);
    }
  });
});

describe('a unit clerk writes only its own rows while the unit holds them', () => {
  const refused = async (answer: TestResponse, code: Exclude<Outcome, 'ok'>, id: string, version: number) => {
    expect(answer.status).toBe(REFUSAL_STATUS[code]);
    expect(answer.body.code).toBe(code);
    expect(await stored(id)).toMatchObject({ version });
  };

  it('may resubmit a returned row, and take a submitted one back to draft', async () => {
    const returned = await create(X, 'returned');
    const resubmitted = await change('unitX', returned, { status: 'submitted' });
    expect(resubmitted.body.rows[0]).toMatchObject({ outcome: 'saved', status: 'submitted' });
    const back = await change('unitX', { ...returned, version: 2 }, { status: 'draft' });
    expect(back.body.rows[0]).toMatchObject({ outcome: 'saved', status: 'draft', version: 3 });
  });

  it('may not change, delete or restore a row HR has taken over', async () => {
    const eligible = await create(X, 'eligible');
    // Its own row, which it had: refused as taken over (row by row, nothing written), not as unknown.
    const taken = await change('unitX', eligible, { note: 'sửa lén' });
    expect(taken.status).toBe(200);
    expect(taken.body.rows[0]).toMatchObject({ outcome: 'refused', id: eligible.id, refusal: { code: 'NOMINATION_TAKEN_OVER' } });
    expect(taken.body.rows[0]).not.toHaveProperty('version');
    expect(await stored(eligible.id)).toMatchObject({ version: 1, status: 'eligible' });
    await refused(await api.request('DELETE', `${NOMINATIONS}/${eligible.id}`, { token: tokens.unitX }), 'FORBIDDEN_UNIT', eligible.id, 1);
    await api.request('DELETE', `${NOMINATIONS}/${eligible.id}`, { token: tokens.hr });
    await refused(
      await api.request('POST', `${NOMINATIONS}/${eligible.id}/restore`, { token: tokens.unitX }),
      'FORBIDDEN_UNIT',
      eligible.id,
      2,
    );
  });

  it("may not move its row to another unit, nor touch another unit's row", async () => {
    const own = await create(X, 'draft');
    await refused(await change('unitX', own, { unitId: Y }), 'FORBIDDEN_UNIT', own.id, 1);
    const theirs = await create(Y, 'draft');
    await refused(await change('unitX', theirs, { unitId: X }), 'NOMINATION_NOT_FOUND', theirs.id, 1);
    await refused(await change('unitX', theirs, { note: 'của đơn vị khác' }), 'NOMINATION_NOT_FOUND', theirs.id, 1);
  });

  it("learns nothing of another unit's row from a stale version, and writes nothing of its batch", async () => {
    const theirs = await create(Y, 'draft');
    const moved = await change('hr', theirs, { status: 'submitted' });
    expect(moved.body.rows[0]).toMatchObject({ outcome: 'saved', version: 2 });
    const auditBefore = await auditCount();
    const fresh = { ...row(staffOf(X)[2]!.id, { status: 'draft', note: 'đi kèm hàng của đơn vị khác' }), rowKey: 'fresh' };
    const answer = await api.request('POST', MATRIX_BATCH, {
      token: tokens.unitX,
      body: { rows: [fresh, { ...theirs.change, note: 'dò phiên bản', id: theirs.id, version: 1 }] },
    });
    expect(answer.status).toBe(404);
    expect(answer.body).toEqual({
      code: 'NOMINATION_NOT_FOUND',
      message: { vi: expect.stringMatching(/\S/), en: expect.stringMatching(/\S/) },
      details: { ids: [theirs.id] },
    });
    expect(answer.text).not.toContain('submitted');
    expect(await stored(theirs.id)).toMatchObject({ version: 2, status: 'submitted' });
    const list = await api.request('GET', NOMINATIONS, { token: tokens.hr });
    expect(list.body.items.filter((n: { note?: string }) => n.note === fresh.note)).toEqual([]);
    expect(await auditCount()).toBe(auditBefore);
  });

  it('still gets a conflict, with the row as it stands, for a stale version of its own row', async () => {
    const own = await create(X, 'draft');
    expect((await change('hr', own, { note: 'HR sửa trước' })).body.rows[0]).toMatchObject({ outcome: 'saved', version: 2 });
    const answer = await change('unitX', own, { note: 'đơn vị sửa sau' });
    expect(answer.status).toBe(200);
    expect(answer.body.rows[0]).toMatchObject({
      id: own.id,
      outcome: 'conflict',
      version: 2,
      status: 'draft',
      current: { id: own.id, version: 2, note: 'HR sửa trước' },
    });
    expect(await stored(own.id)).toMatchObject({ version: 2 });
  });

  it('may not create a row already past its own statuses', async () => {
    for (const status of ['eligible', 'selected', 'returned'] as const) {
      const answer = await api.request('POST', MATRIX_BATCH, {
        token: tokens.unitX,
        body: { rows: [row(staffOf(X)[3]!.id, { status, returnReason: 'x', note: `tạo ${status}` })] },
      });
      expect(answer.status).toBe(403);
      expect(answer.body.code).toBe('FORBIDDEN_STATUS');
    }
    const list = await api.request('GET', NOMINATIONS, { token: tokens.hr });
    expect(list.body.items.filter((n: { note?: string }) => n.note?.startsWith('tạo '))).toEqual([]);
  });

  it('refuses a viewer any write', async () => {
    const draft = await create(X, 'draft');
    const answer = await change('viewer', draft, { note: 'xem thôi' });
    await refused(answer, 'FORBIDDEN', draft.id, 1);
    await refused(await api.request('POST', `${NOMINATIONS}/${draft.id}/restore`, { token: tokens.viewer }), 'FORBIDDEN', draft.id, 1);
  });
});

describe('sign-in', () => {
  /** Every route, with its path parameters filled in. */
  const concrete = (path: string) =>
    path
      .replace('{campaignId}', CAMPAIGN_ID)
      .replace('{nominationId}', 'n-unknown')
      .replace('{unitId}', X)
      .replace('{personId}', 'cb-001')
      .replace('{email}', encodeURIComponent(ADMIN));
  const guarded = ROUTES.filter((route) => route.auth).map((route) => ({
    key: `${route.method} ${route.path}`,
    method: route.method,
    path: concrete(route.path),
  }));

  it('guards every route but health and the API description', () => {
    expect(
      ROUTES.filter((route) => !route.auth)
        .map((route) => route.path)
        .sort(),
    ).toEqual(['/health', '/openapi.json']);
    expect(guarded.length).toBe(ROUTES.length - 2);
  });

  it.each(ROUTES.filter((route) => !route.auth))('opens $method $path without a token', async ({ method, path }) => {
    const answer = await api.request(method, path);
    expect(answer.status).toBe(200);
  });

  const badTokens: { name: string; make: () => Promise<string> }[] = [
    { name: 'no token', make: async () => '' },
    { name: 'a malformed token', make: async () => 'not.a.jwt' },
    { name: 'garbage', make: async () => 'xyz' },
    { name: 'an expired token', make: () => api.tokenFor(ADMIN, { ttl: -60 }) },
    { name: 'a token signed by another key', make: async () => (await loadLocalKeys({ dir: null })).issueToken(ADMIN) },
    {
      name: 'a token whose e-mail was changed after signing',
      make: async () => {
        const [header, payload, signature] = (await api.tokenFor(VIEWER)).split('.');
        const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString());
        const forged = Buffer.from(JSON.stringify({ ...claims, email: ADMIN, sub: ADMIN })).toString('base64url');
        return `${header}.${forged}.${signature}`;
      },
    },
    {
      name: 'an unsigned token (alg none)',
      make: async () => {
        const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
        const now = Math.floor(Date.now() / 1000);
        return `${part({ alg: 'none', typ: 'JWT' })}.${part({ email: ADMIN, sub: ADMIN, iss: 'thidua-local', aud: 'thidua-api', exp: now + 600 })}.`;
      },
    },
  ];

  describe.each(badTokens)('with $name', ({ make }) => {
    let token: string;
    beforeAll(async () => {
      token = await make();
    });
    it.each(guarded)('answers 401 to $key', async ({ method, path }) => {
      const answer = await api.request(method, path, {
        ...(token ? { token } : {}),
        ...(method === 'GET' || method === 'DELETE' ? {} : { body: {} }),
      });
      expect(answer.status).toBe(401);
      expect(answer.headers.get('www-authenticate')).toMatch(/^Bearer/);
    });
  });

  it('writes nothing for a save without a valid token', async () => {
    const before = await api.request('GET', `/campaigns/${CAMPAIGN_ID}/nominations`, { token: tokens.hr });
    const expired = await api.tokenFor(HR, { ttl: -60 });
    const answer = await api.request('POST', `/campaigns/${CAMPAIGN_ID}/nominations/batch`, {
      token: expired,
      body: { rows: [row(staffOf(X)[4]!.id)] },
    });
    expect(answer.status).toBe(401);
    const after = await api.request('GET', `/campaigns/${CAMPAIGN_ID}/nominations`, { token: tokens.hr });
    expect(after.body.items).toEqual(before.body.items);
  });

  it('answers 403 UNKNOWN_USER to a valid token for an e-mail with no user record', async () => {
    const stranger = await api.tokenFor('nguoila@thidua.local');
    for (const [method, path] of [
      ['GET', '/me'],
      ['GET', '/campaigns'],
      ['GET', `/campaigns/${CAMPAIGN_ID}/nominations`],
    ] as const) {
      const answer = await api.request(method, path, { token: stranger });
      expect(answer.status).toBe(403);
      expect(answer.body).toMatchObject({ code: 'UNKNOWN_USER', details: { email: 'nguoila@thidua.local' } });
      expect(answer.body.message.vi.length).toBeGreaterThan(0);
      expect(answer.body.message.en.length).toBeGreaterThan(0);
    }
    const save = await api.request('POST', `/campaigns/${CAMPAIGN_ID}/nominations/batch`, {
      token: stranger,
      body: { rows: [row(staffOf(X)[4]!.id)] },
    });
    expect(save.status).toBe(403);
    expect(save.body.code).toBe('UNKNOWN_USER');
  });
});
