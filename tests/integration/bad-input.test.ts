import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NominationChange } from '#shared/nomination';
import { SEED_CAMPAIGN } from '#shared/seed/campaign-2025';
import { startTestApi, type TestApi, type TestResponse } from '#tests/support/api';
import { ADMIN, BATCH, HR, QUOTA_RULES_COUNTING_ELIGIBLE, row, staffOf } from '#tests/support/rows';
import { moveCampaignTo } from '#tests/support/stage';

/**
 * Bad input, through the API over a real DynamoDB Local: always a 4xx in the product's shape
 * `{code, message: {vi, en}, details}`, never a 5xx, and never a partial write. The batches run in a
 * campaign of this file's own, so that what is stored before and after can be compared exactly.
 */
let api: TestApi;
let hr: string;
let admin: string;

const C = 'bad-input';
const C_BATCH = `/campaigns/${C}/nominations/batch`;
const C_NOMS = `/campaigns/${C}/nominations`;
const UNIT = 'trung-tam-hcc';
const [P1, P2, P3, P4, P5] = staffOf(UNIT).map((p) => p.id) as [string, string, string, string, string];

/** Rows stored in beforeAll: a draft to edit, a submitted one to return, another submitted one to find eligible. */
const fixtures = {} as Record<'draft' | 'submitted' | 'proposed', { id: string; version: number; change: NominationChange }>;

/** The plan's campaign, its caps counting the eligible proposals: finding one eligible takes the Giấy khen's only place. */
const CAMPAIGN = { ...SEED_CAMPAIGN, id: C, quotaRules: QUOTA_RULES_COUNTING_ELIGIBLE };

beforeAll(async () => {
  api = await startTestApi();
  hr = await api.tokenFor(HR);
  admin = await api.tokenFor(ADMIN);
  expect((await api.request('POST', '/campaigns', { token: admin, body: CAMPAIGN })).status).toBe(201);
  await moveCampaignTo(api, 'open', C);
  for (const [fixture, person, status] of [
    ['draft', P1, 'draft'],
    ['submitted', P2, 'submitted'],
    ['proposed', P3, 'submitted'],
  ] as const) {
    const change = row(person, { status });
    const answer = await api.request('POST', C_BATCH, { token: hr, body: { rows: [change] } });
    expect(answer.body.rows[0].outcome).toBe('saved');
    fixtures[fixture] = { id: answer.body.rows[0].id, version: 1, change };
  }
});
afterAll(() => api?.close());

/** A refusal in the product's shape; `path`: the details name the offending value. */
function expectRefusal(answer: TestResponse, status: number, code: string, path?: string) {
  expect(answer.status, answer.text.slice(0, 500)).toBe(status);
  expect(answer.status).toBeGreaterThanOrEqual(400);
  expect(answer.status).toBeLessThan(500);
  expect(answer.body.code).toBe(code);
  expect(typeof answer.body.message.vi).toBe('string');
  expect(typeof answer.body.message.en).toBe('string');
  expect(answer.body.message.vi.trim()).not.toBe('');
  expect(answer.body.message.en.trim()).not.toBe('');
  if (path !== undefined) {
    expect(Array.isArray(answer.body.details)).toBe(true);
    expect(answer.body.details.map((d: { path: string }) => d.path)).toContain(path);
    for (const d of answer.body.details) expect(d.message).toEqual(expect.any(String));
  }
}

/** Everything the campaign holds: its rows (deleted too) and its whole audit log. */
async function snapshot() {
  const list = await api.request('GET', `${C_NOMS}?includeDeleted=true&limit=2000`, { token: hr });
  expect(list.status).toBe(200);
  expect(list.body.nextCursor).toBeNull();
  const audit: unknown[] = [];
  let cursor: string | null = null;
  do {
    const page: TestResponse = await api.request('GET', `/campaigns/${C}/audit?limit=100${cursor ? `&cursor=${cursor}` : ''}`, {
      token: hr,
    });
    expect(page.status).toBe(200);
    audit.push(...page.body.entries);
    cursor = page.body.nextCursor;
  } while (cursor);
  return { nominations: list.body.items as unknown[], audit };
}

/** Valid changes to go with a bad one: a new row, an edit, and a finding of eligibility that takes the quota's only place. */
const validRows = () => [
  { ...row(P4, { status: 'draft', note: 'hàng hợp lệ' }), rowKey: 'new' },
  { ...fixtures.draft.change, note: 'sửa hợp lệ', id: fixtures.draft.id, version: fixtures.draft.version, rowKey: 'edit' },
  {
    ...fixtures.proposed.change,
    status: 'eligible' as const,
    id: fixtures.proposed.id,
    version: fixtures.proposed.version,
    rowKey: 'eligible',
  },
];

/** The valid rows, the draft among them moved to this status. */
const draftMovedTo = (status: string) => () => ({
  rows: [...validRows().slice(0, 1), { ...fixtures.draft.change, status, id: fixtures.draft.id, version: 1 }, ...validRows().slice(2)],
});

/** A valid row plus overrides that a client could only send by mistake (typed loosely on purpose). */
const badRow = (overrides: Record<string, unknown>) => ({ ...row(P5, { status: 'draft' }), rowKey: 'bad', ...overrides });
const longText = (n: number) => 'x'.repeat(n);

interface BatchCase {
  name: string;
  body: () => unknown;
  status: number;
  code: string;
  path?: string;
  /** Something the details must also hold. */
  details?: (details: any) => void;
  headers?: Record<string, string>;
}

const BATCH_CASES: BatchCase[] = [
  // Wrong types.
  {
    name: 'achievements as a number',
    body: () => ({ rows: [...validRows(), badRow({ achievements: 123 })] }),
    status: 400,
    code: 'VALIDATION_FAILED',
    path: 'rows.3.achievements',
  },
  {
    name: 'criteriaMet as a string',
    body: () => ({ rows: [...validRows(), badRow({ criteriaMet: 'CN_HANH_DONG_VIEC_LAM' })] }),
    status: 400,
    code: 'VALIDATION_FAILED',
    path: 'rows.3.criteriaMet',
  },
  {
    name: 'dossier document present as "yes"',
    body: () => ({ rows: [badRow({ dossier: { TO_TRINH: { present: 'yes' } } }), ...validRows()] }),
    status: 400,
    code: 'VALIDATION_FAILED',
    path: 'rows.0.dossier.TO_TRINH.present',
  },
  {
    name: 'a negative version',
    body: () => ({ rows: [...validRows(), badRow({ id: fixtures.submitted.id, version: -1 })] }),
    status: 400,
    code: 'VALIDATION_FAILED',
    path: 'rows.3.version',
  },
  {
    name: 'a fractional version',
    body: () => ({ rows: [...validRows(), badRow({ id: fixtures.submitted.id, version: 1.5 })] }),
    status: 400,
    code: 'VALIDATION_FAILED',
    path: 'rows.3.version',
  },
  { name: 'rows as an object', body: () => ({ rows: {} }), status: 400, code: 'VALIDATION_FAILED', path: 'rows' },
  { name: 'a JSON array for a body', body: () => validRows(), status: 400, code: 'VALIDATION_FAILED', path: '' },
  {
    name: 'a unit id as a number',
    body: () => ({ rows: [...validRows(), badRow({ unitId: 42 })] }),
    status: 400,
    code: 'VALIDATION_FAILED',
    path: 'rows.3.unitId',
  },
  {
    name: 'a nominee id as null',
    body: () => ({ rows: [...validRows(), badRow({ nomineeId: null })] }),
    status: 400,
    code: 'VALIDATION_FAILED',
    path: 'rows.3.nomineeId',
  },
  {
    name: 'a nominee kind not in the enum',
    body: () => ({ rows: [...validRows(), badRow({ nomineeKind: 'team' })] }),
    status: 400,
    code: 'VALIDATION_FAILED',
    path: 'rows.3.nomineeKind',
  },
  {
    name: 'an award form in lower case',
    body: () => ({ rows: [...validRows(), badRow({ awardForm: 'giay_khen_cvp' })] }),
    status: 400,
    code: 'VALIDATION_FAILED',
    path: 'rows.3.awardForm',
  },
  // Unknown fields (strict objects), named in the message.
  {
    name: 'an unknown field on a row',
    body: () => ({ rows: [...validRows(), badRow({ diemThiDua: 95 })] }),
    status: 400,
    code: 'VALIDATION_FAILED',
    path: 'rows.3',
    details: (details) => expect(JSON.stringify(details)).toContain('diemThiDua'),
  },
  {
    name: 'an unknown field in a dossier document',
    body: () => ({ rows: [...validRows(), badRow({ dossier: { TO_TRINH: { present: true, signedBy: 'Chánh Văn phòng' } } })] }),
    status: 400,
    code: 'VALIDATION_FAILED',
    path: 'rows.3.dossier.TO_TRINH',
    details: (details) => expect(JSON.stringify(details)).toContain('signedBy'),
  },
  {
    name: 'an unknown field beside rows',
    body: () => ({ rows: validRows(), dryRun: true }),
    status: 400,
    code: 'VALIDATION_FAILED',
    path: '',
    details: (details) => expect(JSON.stringify(details)).toContain('dryRun'),
  },
  // Text too long.
  {
    name: 'achievements of 4001 characters',
    body: () => ({ rows: [...validRows(), badRow({ achievements: longText(4001) })] }),
    status: 400,
    code: 'VALIDATION_FAILED',
    path: 'rows.3.achievements',
  },
  {
    name: 'a note of 501 characters',
    body: () => ({ rows: [...validRows(), badRow({ note: longText(501) })] }),
    status: 400,
    code: 'VALIDATION_FAILED',
    path: 'rows.3.note',
  },
  {
    name: 'a return reason of 501 characters',
    body: () => ({ rows: [...validRows(), badRow({ status: 'submitted', returnReason: longText(501) })] }),
    status: 400,
    code: 'VALIDATION_FAILED',
    path: 'rows.3.returnReason',
  },
  {
    name: 'a document number of 81 characters',
    body: () => ({ rows: [...validRows(), badRow({ dossier: { TO_TRINH: { present: true, number: longText(81) } } })] }),
    status: 400,
    code: 'VALIDATION_FAILED',
    path: 'rows.3.dossier.TO_TRINH.number',
  },
  {
    name: 'a rowKey of 65 characters',
    body: () => ({ rows: [...validRows(), badRow({ rowKey: longText(65) })] }),
    status: 400,
    code: 'VALIDATION_FAILED',
    path: 'rows.3.rowKey',
  },
  {
    name: '21 criteria',
    body: () => ({ rows: [...validRows(), badRow({ criteriaMet: Array.from({ length: 21 }, (_, i) => `C${i}`) })] }),
    status: 400,
    code: 'VALIDATION_FAILED',
    path: 'rows.3.criteriaMet',
  },
  // Dates.
  {
    name: 'a received date of 2025-02-30',
    body: () => ({ rows: [...validRows(), badRow({ receivedDate: '2025-02-30' })] }),
    status: 400,
    code: 'VALIDATION_FAILED',
    path: 'rows.3.receivedDate',
  },
  {
    name: 'a received date of 2025-02-29 (not a leap year)',
    body: () => ({ rows: [...validRows(), badRow({ receivedDate: '2025-02-29' })] }),
    status: 400,
    code: 'VALIDATION_FAILED',
    path: 'rows.3.receivedDate',
  },
  {
    name: 'a received date as dd/MM/yyyy',
    body: () => ({ rows: [...validRows(), badRow({ receivedDate: '30/09/2025' })] }),
    status: 400,
    code: 'VALIDATION_FAILED',
    path: 'rows.3.receivedDate',
  },
  {
    name: 'a document date in month 13',
    body: () => ({ rows: [...validRows(), badRow({ dossier: { TO_TRINH: { present: true, date: '2025-13-01' } } })] }),
    status: 400,
    code: 'VALIDATION_FAILED',
    path: 'rows.3.dossier.TO_TRINH.date',
  },
  // Status.
  {
    name: 'a status not in the enum',
    body: () => ({ rows: [...validRows(), badRow({ status: 'approved' })] }),
    status: 400,
    code: 'VALIDATION_FAILED',
    path: 'rows.3.status',
  },
  // Size.
  { name: 'an empty rows array', body: () => ({ rows: [] }), status: 400, code: 'VALIDATION_FAILED', path: 'rows' },
  {
    name: '5001 rows',
    body: () => ({ rows: Array.from({ length: 5001 }, (_, i) => ({ ...row(P4, { status: 'draft' }), rowKey: `r${i}` })) }),
    status: 400,
    code: 'VALIDATION_FAILED',
    path: 'rows',
  },
  // Ids.
  {
    name: 'an id that is not in the campaign',
    body: () => ({ rows: [...validRows(), badRow({ id: 'n-khong-ton-tai', version: 1 })] }),
    status: 404,
    code: 'NOMINATION_NOT_FOUND',
    details: (details) => expect(details.ids).toEqual(['n-khong-ton-tai']),
  },
  {
    name: 'the same id twice',
    body: () => ({
      rows: [
        ...validRows(),
        { ...fixtures.submitted.change, id: fixtures.submitted.id, version: 1 },
        { ...fixtures.submitted.change, note: 'lần hai', id: fixtures.submitted.id, version: 1 },
      ],
    }),
    status: 400,
    code: 'DUPLICATE_ROW_ID',
    details: (details) => expect(details.ids).toEqual([fixtures.submitted.id]),
  },
  // The flow.
  {
    name: 'draft → eligible',
    body: draftMovedTo('eligible'),
    status: 422,
    code: 'INVALID_TRANSITION',
    details: (details) => expect(details).toMatchObject({ row: 1, id: fixtures.draft.id, status: 'eligible' }),
  },
  // Only a confirmed round selects: no role saves a row into selected.
  {
    name: 'draft → selected',
    body: draftMovedTo('selected'),
    status: 403,
    code: 'FORBIDDEN_STATUS',
    details: (details) => expect(details).toMatchObject({ row: 1, id: fixtures.draft.id, status: 'selected' }),
  },
  {
    name: 'submitted → awarded',
    body: () => ({
      rows: [...validRows(), { ...fixtures.submitted.change, status: 'awarded', id: fixtures.submitted.id, version: 1, rowKey: 'award' }],
    }),
    status: 422,
    code: 'INVALID_TRANSITION',
    details: (details) => expect(details).toMatchObject({ row: 3, rowKey: 'award' }),
  },
  {
    name: 'returned without a reason',
    body: () => ({ rows: [...validRows(), { ...fixtures.submitted.change, status: 'returned', id: fixtures.submitted.id, version: 1 }] }),
    status: 422,
    code: 'RETURN_REASON_MISSING',
    details: (details) => expect(details).toMatchObject({ row: 3, id: fixtures.submitted.id }),
  },
  {
    name: 'returned with a blank reason',
    body: () => ({
      rows: [
        ...validRows(),
        { ...fixtures.submitted.change, status: 'returned', returnReason: '   ', id: fixtures.submitted.id, version: 1 },
      ],
    }),
    status: 422,
    code: 'RETURN_REASON_MISSING',
  },
  {
    name: 'a new row returned without a reason',
    body: () => ({ rows: [...validRows(), badRow({ status: 'returned' })] }),
    status: 422,
    code: 'RETURN_REASON_MISSING',
  },
  // The header.
  ...['short', 'has spaces in it', 'key/with/slash', longText(129)].map((key): BatchCase => ({
    name: `Idempotency-Key "${key.slice(0, 20)}"`,
    body: () => ({ rows: validRows() }),
    headers: { 'idempotency-key': key },
    status: 400,
    code: 'VALIDATION_FAILED',
    path: 'Idempotency-Key',
  })),
];

describe('a refused batch writes nothing', () => {
  it.each(BATCH_CASES)('$name → $status $code', async ({ body, status, code, path, details, headers }) => {
    const before = await snapshot();
    const answer = await api.request('POST', C_BATCH, { token: hr, body: body(), ...(headers ? { headers } : {}) });
    expectRefusal(answer, status, code, path);
    details?.(answer.body.details);
    expect(await snapshot()).toEqual(before);
  });

  it('invalid JSON → 400 INVALID_JSON', async () => {
    const before = await snapshot();
    const answer = await api.request('POST', C_BATCH, { token: hr, body: '{"rows": [', headers: { 'content-type': 'application/json' } });
    expectRefusal(answer, 400, 'INVALID_JSON');
    expect(await snapshot()).toEqual(before);
  });

  it('no body at all → 400 VALIDATION_FAILED', async () => {
    const answer = await api.request('POST', C_BATCH, { token: hr });
    expectRefusal(answer, 400, 'VALIDATION_FAILED', '');
  });

  it('a body over 6 MB → 413 PAYLOAD_TOO_LARGE', async () => {
    const before = await snapshot();
    // 1,600 rows, each valid on its own, with 4,000 characters of achievements: about 7 MB.
    const rows = Array.from({ length: 1600 }, (_, i) => ({
      ...row(P4, { status: 'draft', achievements: longText(4000) }),
      rowKey: `r${i}`,
    }));
    const body = JSON.stringify({ rows });
    expect(Buffer.byteLength(body)).toBeGreaterThan(6 * 1024 * 1024);
    const answer = await api.request('POST', C_BATCH, { token: hr, body, headers: { 'content-type': 'application/json' } });
    expectRefusal(answer, 413, 'PAYLOAD_TOO_LARGE');
    expect(await snapshot()).toEqual(before);
  });

  it('a row of another campaign → 404 NOMINATION_NOT_FOUND', async () => {
    const elsewhere = await api.request('POST', BATCH, { token: hr, body: { rows: [row(P5, { status: 'draft' })] } });
    const id = elsewhere.body.rows[0].id as string;
    const before = await snapshot();
    const answer = await api.request('POST', C_BATCH, {
      token: hr,
      body: { rows: [...validRows(), { ...row(P5, { status: 'draft' }), id, version: 1 }] },
    });
    expectRefusal(answer, 404, 'NOMINATION_NOT_FOUND');
    expect(answer.body.details.ids).toEqual([id]);
    expect(await snapshot()).toEqual(before);
  });

  it('an unknown campaign → 404 CAMPAIGN_NOT_FOUND', async () => {
    const answer = await api.request('POST', '/campaigns/khong-co-dot-nay/nominations/batch', { token: hr, body: { rows: validRows() } });
    expectRefusal(answer, 404, 'CAMPAIGN_NOT_FOUND');
    expect(answer.body.details).toEqual({ campaignId: 'khong-co-dot-nay' });
  });

  // Last of this group: it stores the valid rows the refusals above carried.
  it('frees a refused Idempotency-Key: the fixed retry runs, and the quota place was never taken', async () => {
    const headers = { 'idempotency-key': 'bad-input-retry-0001' };
    const refused = await api.request('POST', C_BATCH, {
      token: hr,
      headers,
      body: { rows: [...validRows(), badRow({ status: 'approved' })] },
    });
    expectRefusal(refused, 400, 'VALIDATION_FAILED', 'rows.3.status');
    const before = await snapshot();
    const fixed = await api.request('POST', C_BATCH, { token: hr, headers, body: { rows: validRows() } });
    expect(fixed.status).toBe(200);
    expect(fixed.body.rows.map((r: { rowKey: string; outcome: string }) => [r.rowKey, r.outcome])).toEqual([
      ['new', 'saved'],
      ['edit', 'saved'],
      ['eligible', 'saved'],
    ]);
    expect(fixed.body.quotaUsage).toContainEqual(expect.objectContaining({ ruleId: 'QUOTA_GIAY_KHEN', used: 1, max: 1 }));
    const after = await snapshot();
    expect(after.nominations).toHaveLength(before.nominations.length + 1);
    const added = after.audit.slice(0, after.audit.length - before.audit.length) as { nominationId: string }[];
    expect(added.map((e) => e.nominationId).sort()).toEqual(fixed.body.rows.map((r: { id: string }) => r.id).sort());
    // The key now belongs to the fixed request: a bad body is still refused as bad, another valid one as a reuse.
    const bad = await api.request('POST', C_BATCH, {
      token: hr,
      headers,
      body: { rows: [...validRows(), badRow({ status: 'approved' })] },
    });
    expectRefusal(bad, 400, 'VALIDATION_FAILED', 'rows.3.status');
    const other = await api.request('POST', C_BATCH, { token: hr, headers, body: { rows: [row(P5, { status: 'draft', note: 'khác' })] } });
    expectRefusal(other, 422, 'IDEMPOTENCY_KEY_REUSED');
    expect(await snapshot()).toEqual(after);
  });
});

describe('bad query parameters', () => {
  const CASES: { name: string; method: string; path: string; code: string; status: number; path_?: string }[] = [
    { name: 'limit=abc', method: 'GET', path: `${C_NOMS}?limit=abc`, status: 400, code: 'VALIDATION_FAILED', path_: 'limit' },
    { name: 'limit=0', method: 'GET', path: `${C_NOMS}?limit=0`, status: 400, code: 'VALIDATION_FAILED', path_: 'limit' },
    { name: 'limit=2001', method: 'GET', path: `${C_NOMS}?limit=2001`, status: 400, code: 'VALIDATION_FAILED', path_: 'limit' },
    { name: 'limit=1.5', method: 'GET', path: `${C_NOMS}?limit=1.5`, status: 400, code: 'VALIDATION_FAILED', path_: 'limit' },
    { name: 'status=approved', method: 'GET', path: `${C_NOMS}?status=approved`, status: 400, code: 'VALIDATION_FAILED', path_: 'status' },
    {
      name: 'includeDeleted=yes',
      method: 'GET',
      path: `${C_NOMS}?includeDeleted=yes`,
      status: 400,
      code: 'VALIDATION_FAILED',
      path_: 'includeDeleted',
    },
    { name: 'an unknown parameter', method: 'GET', path: `${C_NOMS}?sort=name`, status: 400, code: 'VALIDATION_FAILED', path_: '' },
    {
      name: 'a unitId of 65 characters',
      method: 'GET',
      path: `${C_NOMS}?unitId=${longText(65)}`,
      status: 400,
      code: 'VALIDATION_FAILED',
      path_: 'unitId',
    },
    {
      name: 'audit limit=abc',
      method: 'GET',
      path: `/campaigns/${C}/audit?limit=abc`,
      status: 400,
      code: 'VALIDATION_FAILED',
      path_: 'limit',
    },
    {
      name: 'audit limit=101',
      method: 'GET',
      path: `/campaigns/${C}/audit?limit=101`,
      status: 400,
      code: 'VALIDATION_FAILED',
      path_: 'limit',
    },
    {
      name: 'audit unknown parameter',
      method: 'GET',
      path: `/campaigns/${C}/audit?actor=x`,
      status: 400,
      code: 'VALIDATION_FAILED',
      path_: '',
    },
    {
      name: 'delete version=abc',
      method: 'DELETE',
      path: `${C_NOMS}/n-any?version=abc`,
      status: 400,
      code: 'VALIDATION_FAILED',
      path_: 'version',
    },
    {
      name: 'delete version=0',
      method: 'DELETE',
      path: `${C_NOMS}/n-any?version=0`,
      status: 400,
      code: 'VALIDATION_FAILED',
      path_: 'version',
    },
    {
      name: 'restore version=-2',
      method: 'POST',
      path: `${C_NOMS}/n-any/restore?version=-2`,
      status: 400,
      code: 'VALIDATION_FAILED',
      path_: 'version',
    },
  ];
  it.each(CASES)('$name → $status $code', async ({ method, path, status, code, path_ }) => {
    expectRefusal(await api.request(method, path, { token: hr }), status, code, path_);
  });

  // A client can only get a cursor from a previous page; anything else is bad input, not a server fault.
  const notJson = 'not-a-cursor';
  const wrongKey = Buffer.from(JSON.stringify({ PK: 'CAMPAIGN#khac', SK: 'NOM#x' })).toString('base64url');
  it.each([
    ['nominations', 'not JSON', `${C_NOMS}?cursor=${notJson}`],
    ['nominations', "another partition's key", `${C_NOMS}?cursor=${wrongKey}`],
    ['audit', 'not JSON', `/campaigns/${C}/audit?cursor=${notJson}`],
    ['audit', "another partition's key", `/campaigns/${C}/audit?cursor=${wrongKey}`],
  ])('a %s cursor that is %s → 400, not 500', async (_list, _kind, path) => {
    expectRefusal(await api.request('GET', path, { token: hr }), 400, 'VALIDATION_FAILED', 'cursor');
  });
});

describe('unknown ids', () => {
  it.each([
    ['GET', '/campaigns/khong-co'],
    ['GET', '/campaigns/khong-co/nominations'],
    ['GET', '/campaigns/khong-co/validation'],
    ['GET', '/campaigns/khong-co/audit'],
    ['DELETE', '/campaigns/khong-co/nominations/n-any'],
    ['POST', '/campaigns/khong-co/nominations/n-any/restore'],
  ])('%s %s → 404 CAMPAIGN_NOT_FOUND', async (method, path) => {
    const answer = await api.request(method, path, { token: hr });
    expectRefusal(answer, 404, 'CAMPAIGN_NOT_FOUND');
    expect(answer.body.details).toEqual({ campaignId: 'khong-co' });
  });

  it('PUT an unknown campaign → 404 CAMPAIGN_NOT_FOUND, and it is not created', async () => {
    const answer = await api.request('PUT', '/campaigns/khong-co', {
      token: admin,
      body: { campaign: { ...SEED_CAMPAIGN, id: 'khong-co' }, version: 1 },
    });
    expectRefusal(answer, 404, 'CAMPAIGN_NOT_FOUND');
    expect((await api.request('GET', '/campaigns/khong-co', { token: admin })).status).toBe(404);
  });

  it.each([
    ['DELETE', `${C_NOMS}/n-khong-co`],
    ['POST', `${C_NOMS}/n-khong-co/restore`],
  ])('%s %s → 404 NOMINATION_NOT_FOUND', async (method, path) => {
    const answer = await api.request(method, path, { token: hr });
    expectRefusal(answer, 404, 'NOMINATION_NOT_FOUND');
    expect(answer.body.details).toEqual({ ids: ['n-khong-co'] });
  });

  // An id longer than any the API makes is still just an id that is not there.
  // DynamoDB refuses a sort key over 1,024 bytes: the handler must not pass such an id through to it.
  const long = longText(1100);
  it.each([
    ['GET', '/campaigns/{long}', 'CAMPAIGN_NOT_FOUND'],
    ['GET', '/campaigns/{long}/nominations', 'CAMPAIGN_NOT_FOUND'],
    ['GET', '/campaigns/{long}/validation', 'CAMPAIGN_NOT_FOUND'],
    ['DELETE', `${C_NOMS}/{long}`, 'NOMINATION_NOT_FOUND'],
    ['POST', `${C_NOMS}/{long}/restore`, 'NOMINATION_NOT_FOUND'],
  ])('%s %s with an id of 1,100 characters → 404 %s, not 500', async (method, path, code) => {
    const answer = await api.request(method, path.replace('{long}', long), { token: hr });
    expectRefusal(answer, 404, code);
  });
});

describe('bad campaign and registry bodies', () => {
  const campaign = (overrides: Record<string, unknown>) => ({ ...SEED_CAMPAIGN, id: 'bad-campaign', ...overrides });
  const CASES: { name: string; method: string; path: string; body: unknown; status: number; code: string; at?: string }[] = [
    {
      name: 'a campaign period starting 2025-02-30',
      method: 'POST',
      path: '/campaigns',
      body: campaign({ period: { start: '2025-02-30', end: '2025-09-30' } }),
      status: 400,
      code: 'VALIDATION_FAILED',
      at: 'period.start',
    },
    {
      name: 'a campaign ending before it starts',
      method: 'POST',
      path: '/campaigns',
      body: campaign({ period: { start: '2025-09-30', end: '2025-01-01' } }),
      status: 400,
      code: 'VALIDATION_FAILED',
      at: 'period.end',
    },
    {
      name: 'a campaign title of 501 characters',
      method: 'POST',
      path: '/campaigns',
      body: campaign({ title: longText(501) }),
      status: 400,
      code: 'VALIDATION_FAILED',
      at: 'title',
    },
    {
      name: 'a campaign with an unknown field',
      method: 'POST',
      path: '/campaigns',
      body: campaign({ budget: 1000 }),
      status: 400,
      code: 'VALIDATION_FAILED',
      at: '',
    },
    {
      name: 'a campaign id in upper case',
      method: 'POST',
      path: '/campaigns',
      body: campaign({ id: 'Dot-2026' }),
      status: 400,
      code: 'VALIDATION_FAILED',
      at: 'id',
    },
    {
      name: 'a quota rule for an award form the campaign lacks',
      method: 'POST',
      path: '/campaigns',
      body: campaign({ quotaRules: [{ ...SEED_CAMPAIGN.quotaRules[0]!, awardForm: 'HUAN_CHUONG' }] }),
      status: 400,
      code: 'VALIDATION_FAILED',
      at: 'quotaRules.0.awardForm',
    },
    {
      name: 'a quota max of "một"',
      method: 'POST',
      path: '/campaigns',
      body: campaign({ quotaRules: [{ ...SEED_CAMPAIGN.quotaRules[0]!, max: 'một' }] }),
      status: 400,
      code: 'VALIDATION_FAILED',
      at: 'quotaRules.0.max',
    },
    {
      name: 'an update with version "abc"',
      method: 'PUT',
      path: `/campaigns/${C}`,
      body: { campaign: { ...SEED_CAMPAIGN, id: C }, version: 'abc' },
      status: 400,
      code: 'VALIDATION_FAILED',
      at: 'version',
    },
    {
      name: 'an update without the campaign wrapper',
      method: 'PUT',
      path: `/campaigns/${C}`,
      body: { ...SEED_CAMPAIGN, id: C, version: 1 },
      status: 400,
      code: 'VALIDATION_FAILED',
      at: 'campaign',
    },
    {
      name: 'a unit with an empty name',
      method: 'PUT',
      path: '/units/don-vi-moi',
      body: { id: 'don-vi-moi', name: '' },
      status: 400,
      code: 'VALIDATION_FAILED',
      at: 'name',
    },
    {
      name: 'a unit name of 201 characters',
      method: 'PUT',
      path: '/units/don-vi-moi',
      body: { id: 'don-vi-moi', name: longText(201) },
      status: 400,
      code: 'VALIDATION_FAILED',
      at: 'name',
    },
    {
      name: 'a unit id with a slash',
      method: 'PUT',
      path: '/units/don%2Fvi',
      body: { id: 'don/vi', name: 'Đơn vị' },
      status: 400,
      code: 'VALIDATION_FAILED',
      at: 'id',
    },
    {
      name: 'a person of gender "x"',
      method: 'PUT',
      path: '/people/cb-moi',
      body: { id: 'cb-moi', fullName: 'Lê Văn Mới', unitId: UNIT, gender: 'x' },
      status: 400,
      code: 'VALIDATION_FAILED',
      at: 'gender',
    },
    {
      name: 'a person name of 121 characters',
      method: 'PUT',
      path: '/people/cb-moi',
      body: { id: 'cb-moi', fullName: longText(121), unitId: UNIT },
      status: 400,
      code: 'VALIDATION_FAILED',
      at: 'fullName',
    },
    {
      name: 'a user of role "root"',
      method: 'PUT',
      path: '/users/moi%40thidua.local',
      body: { email: 'moi@thidua.local', displayName: 'Mới', role: 'root' },
      status: 400,
      code: 'VALIDATION_FAILED',
      at: 'role',
    },
    {
      name: 'a unit user with no unit',
      method: 'PUT',
      path: '/users/moi%40thidua.local',
      body: { email: 'moi@thidua.local', displayName: 'Mới', role: 'unit' },
      status: 400,
      code: 'VALIDATION_FAILED',
      at: 'unitId',
    },
    {
      name: 'a user whose e-mail is not one',
      method: 'PUT',
      path: '/users/khong-phai-email',
      body: { email: 'khong-phai-email', displayName: 'Mới', role: 'viewer' },
      status: 400,
      code: 'VALIDATION_FAILED',
      at: 'email',
    },
    {
      name: 'a user whose e-mail differs from the path',
      method: 'PUT',
      path: '/users/a%40thidua.local',
      body: { email: 'b@thidua.local', displayName: 'Mới', role: 'viewer' },
      status: 400,
      code: 'VALIDATION_FAILED',
      at: 'email',
    },
    {
      name: 'invalid JSON for a unit',
      method: 'PUT',
      path: '/units/don-vi-moi',
      body: "{'id': 'don-vi-moi'}",
      status: 400,
      code: 'INVALID_JSON',
    },
  ];
  it.each(CASES)('$name → $status $code', async ({ method, path, body, status, code, at }) => {
    const answer = await api.request(method, path, {
      token: admin,
      body,
      ...(typeof body === 'string' ? { headers: { 'content-type': 'application/json' } } : {}),
    });
    expectRefusal(answer, status, code, at);
  });

  it('stored none of them', async () => {
    expect((await api.request('GET', '/campaigns/bad-campaign', { token: admin })).status).toBe(404);
    const units = await api.request('GET', '/units', { token: admin });
    expect(units.body.items.map((u: { id: string }) => u.id)).not.toContain('don-vi-moi');
    const people = await api.request('GET', '/people', { token: admin });
    expect(people.body.items.map((p: { id: string }) => p.id)).not.toContain('cb-moi');
    const users = await api.request('GET', '/users', { token: admin });
    expect(users.body.items.map((u: { email: string }) => u.email)).not.toEqual(expect.arrayContaining(['moi@thidua.local']));
    expect(users.body.items.map((u: { email: string }) => u.email)).not.toContain('b@thidua.local');
    const current = await api.request('GET', `/campaigns/${C}`, { token: admin });
    // Version 1 as made, 2 once opened (beforeAll): none of the bad bodies changed it.
    expect(current.body.version).toBe(2);
  });
});

describe('text a sheet would read as a formula', () => {
  it.each(['=', '+', '-', '@'])('stores text beginning with "%s" as given, and names its fields', async (lead) => {
    const texts = {
      achievements: `${lead}SUM(A1:A9) thành tích`,
      returnReason: `${lead}cmd|' /C calc'!A0`,
      note: `${lead}84 912 345 678`,
      number: `${lead}15/TTr-VP`,
    };
    const change = row(P5, {
      status: 'returned',
      achievements: texts.achievements,
      returnReason: texts.returnReason,
      note: texts.note,
      dossier: { ...row(P5).dossier, TO_TRINH: { present: true, number: texts.number, date: '2025-09-15' } },
    });
    const answer = await api.request('POST', C_BATCH, { token: hr, body: { rows: [{ ...change, rowKey: `f${lead}` }] } });
    expect(answer.status).toBe(200);
    const result = answer.body.rows[0];
    expect(result.outcome).toBe('saved');
    expect([...result.textFields].sort()).toEqual(['achievements', 'dossier.TO_TRINH.number', 'note', 'returnReason']);

    const list = await api.request('GET', `${C_NOMS}?unitId=${UNIT}`, { token: hr });
    const saved = list.body.items.find((n: { id: string }) => n.id === result.id);
    expect(saved).toMatchObject({
      achievements: texts.achievements,
      returnReason: texts.returnReason,
      note: texts.note,
      dossier: { TO_TRINH: { number: texts.number } },
    });
  });

  it('names no field when no text looks like a formula', async () => {
    const answer = await api.request('POST', C_BATCH, {
      token: hr,
      body: { rows: [row(P5, { status: 'draft', note: 'Ghi chú: =, +, - và @ ở giữa' })] },
    });
    expect(answer.body.rows[0].textFields).toEqual([]);
  });

  it('accepts a real leap day', async () => {
    const answer = await api.request('POST', C_BATCH, {
      token: hr,
      body: { rows: [row(P5, { status: 'draft', receivedDate: '2024-02-29' })] },
    });
    expect(answer.status).toBe(200);
    expect(answer.body.rows[0].outcome).toBe('saved');
  });
});
