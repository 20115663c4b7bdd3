import { describe, expect, it, vi } from 'vitest';
import { backoffDelay } from '#shared/async/backoff';
import { mapLimit } from '#shared/async/map-limit';
import { SEED_CAMPAIGN } from '#shared/seed/campaign-2025';
import { putCampaign } from '#functions/store/campaign-store';
import type { NominationChange } from '#shared/nomination';
import { ApiRequestError, chunkRows, createApiClient, IdempotencyMemory, utf8Length, type ApiClientOptions } from '#addin/api/index';
import { useTestApi } from '#tests/support/api';
import { paneServer, type PaneServer } from '#tests/support/pane-api';
import { fields, staffOf } from './fixtures';

const HR = 'tochuc@thidua.local';
const staff = staffOf('tong-hop');
// The real API over DynamoDB Local, one table for this file: each test starts from what the earlier ones left.
const testApi = useTestApi();
const change = (i: number, extra: Partial<NominationChange> = {}): NominationChange => ({
  ...fields(staff[i % staff.length]!.id, { status: 'draft' }),
  rowKey: String(i),
  ...extra,
});

function client(server: PaneServer, options: Partial<ApiClientOptions> = {}) {
  const getToken = vi.fn(async (_force?: boolean) => server.tokenFor(HR));
  const sleeps: number[] = [];
  const api = createApiClient({
    baseUrl: '/api',
    getToken,
    fetch: server.fetch,
    sleep: async (ms) => void sleeps.push(ms),
    random: () => 0.5,
    newSessionId: () => 'session-1',
    ...options,
  });
  return { api, getToken, sleeps };
}

describe('chunking', () => {
  it('splits by row count and by the UTF-8 size of the JSON body, in order', () => {
    const rows = Array.from({ length: 12 }, (_, i) => ({ i: 100 + i, text: 'Đặng Thị Thu Hà'.repeat(10) }));
    expect(chunkRows(rows, { maxRows: 5, maxBytes: 1e9 }).map((chunk) => chunk.length)).toEqual([5, 5, 2]);
    const rowBytes = utf8Length(JSON.stringify(rows[0]));
    const bySize = chunkRows(rows, { maxRows: 5000, maxBytes: 11 + rowBytes * 3 + 2 });
    expect(bySize.map((chunk) => chunk.length)).toEqual([3, 3, 3, 3]);
    for (const chunk of bySize) expect(utf8Length(JSON.stringify({ rows: chunk }))).toBeLessThanOrEqual(11 + rowBytes * 3 + 2);
    expect(bySize.flat()).toEqual(rows);
  });

  it('counts bytes, not characters: Vietnamese letters take more than one', () => {
    expect(utf8Length('Đặng')).toBeGreaterThan('Đặng'.length);
  });

  it('keeps within the defaults of the API (5,000 rows, ~5 MB)', () => {
    const rows = Array.from({ length: 12_001 }, (_, i) => ({ i }));
    expect(chunkRows(rows).map((chunk) => chunk.length)).toEqual([5000, 5000, 2001]);
  });
});

describe('backoff', () => {
  it('grows exponentially with jitter, within bounds', () => {
    const policy = { baseMs: 500, capMs: 15_000, fixedShare: 0.5 };
    expect(backoffDelay(0, policy, () => 0)).toBe(250);
    expect(backoffDelay(0, policy, () => 1)).toBe(500);
    expect(backoffDelay(3, policy, () => 0.5)).toBe(3000);
    expect(backoffDelay(10, policy, () => 1)).toBe(15_000);
  });
});

describe('saveChanges', () => {
  it('sends each part with its own stable Idempotency-Key and merges the answers', async () => {
    const server = paneServer(testApi);
    const { api } = client(server, { chunkLimits: { maxRows: 2 } });
    const progress = vi.fn();
    const result = await api.saveChanges(server.campaignId, [change(0), change(1), change(2)], { onProgress: progress });
    expect(server.batches().map((entry) => [entry.key, entry.rows!.length])).toEqual([
      ['session-1.0', 2],
      ['session-1.1', 1],
    ]);
    expect(result.rows.map((row) => row.rowKey)).toEqual(['0', '1', '2']);
    expect(result.summary.saved).toBe(3);
    expect(result.quotaUsage).toHaveLength(2);
    expect(progress).toHaveBeenLastCalledWith({ sentRows: 3, totalRows: 3, chunk: 2, chunks: 2 });
    expect(progress).toHaveBeenCalledWith({ sentRows: 2, totalRows: 3, chunk: 2, chunks: 2 });
  });

  it('retries network errors, 5xx, 429 and REQUEST_IN_PROGRESS with the same key, then succeeds', async () => {
    const server = paneServer(testApi);
    server.batchFailures = ['network', 503, 429, 409];
    // A session of its own: the API remembers the keys of this file's earlier tests.
    const { api, sleeps } = client(server, { newSessionId: () => 'session-retry' });
    const result = await api.saveChanges(server.campaignId, [change(0)]);
    expect(result.summary.saved).toBe(1);
    expect(new Set(server.batches().map((entry) => entry.key))).toEqual(new Set(['session-retry.0']));
    expect(sleeps).toEqual([375, 750, 1500, 3000]);
  });

  it('gives up after the bounded attempts with a retryable Vietnamese network error', async () => {
    const server = paneServer(testApi);
    server.offline = true;
    const { api } = client(server, { retry: { attempts: 3 } });
    const error = await api.saveChanges(server.campaignId, [change(0)]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiRequestError);
    expect(error).toMatchObject({ status: 0, code: 'NETWORK', retryable: true });
    expect((error as ApiRequestError).localized.vi).toMatch(/^Mất kết nối mạng/);
    expect(server.batches()).toHaveLength(3);
  });

  it('does not retry a refusal, and hands back the parts saved before it', async () => {
    const server = paneServer(testApi);
    const clerkRow = change(1, { status: 'eligible' });
    const clerk = createApiClient({
      baseUrl: '/api',
      getToken: async () => server.tokenFor('tong-hop@thidua.local'),
      fetch: server.fetch,
      chunkLimits: { maxRows: 1 },
      newSessionId: () => 'session-2',
    });
    const error = (await clerk.saveChanges(server.campaignId, [change(0), clerkRow]).catch((e: unknown) => e)) as ApiRequestError;
    expect(error).toMatchObject({ status: 403, code: 'FORBIDDEN_STATUS', retryable: false });
    expect(error.localized.vi).toBe('Vai trò của bạn không được chuyển đề nghị sang trạng thái này');
    expect(error.details).toMatchObject({ rowKey: '1' });
    expect(error.partial?.rows.map((row) => row.rowKey)).toEqual(['0']);
    expect(server.batches().map((entry) => entry.key)).toEqual(['session-2.0', 'session-2.1']);
  });

  it('reuses the key of a body whose answer was lost, so the server answers it once', async () => {
    const server = paneServer(testApi);
    server.batchFailures = ['lost', 'lost'];
    const keys = new IdempotencyMemory();
    let session = 0;
    const api = createApiClient({
      baseUrl: '/api',
      getToken: async () => server.tokenFor(HR),
      fetch: server.fetch,
      retry: { attempts: 2 },
      sleep: async () => undefined,
      newSessionId: () => `lost-${++session}`,
    });
    const rows = [change(0)];
    const before = (await server.live()).length;
    await expect(api.saveChanges(server.campaignId, rows, { keys })).rejects.toMatchObject({ code: 'NETWORK' });
    const again = await api.saveChanges(server.campaignId, rows, { keys });
    expect(server.batches().map((entry) => entry.key)).toEqual(['lost-1.0', 'lost-1.0', 'lost-1.0']);
    expect(again.rows[0]!.outcome).toBe('saved');
    expect(await server.live()).toHaveLength(before + 1);
  });

  it('sends nothing for no rows', async () => {
    const server = paneServer(testApi);
    const { api } = client(server);
    expect(await api.saveChanges(server.campaignId, [])).toEqual({
      rows: [],
      quotaUsage: [],
      related: [],
      summary: { saved: 0, conflicts: 0, refused: 0, errors: 0, warnings: 0 },
    });
    expect(server.log).toHaveLength(0);
  });
});

describe('tokens', () => {
  it('refreshes the token once on 401 and repeats the request', async () => {
    const server = paneServer(testApi);
    const stale = await server.tokenFor(HR, { ttl: -60 }); // expired: the gateway answers 401
    const getToken = vi.fn(async (force?: boolean) => (force ? server.tokenFor(HR) : stale));
    const api = createApiClient({ baseUrl: '/api', getToken, fetch: server.fetch });
    expect((await api.me()).email).toBe(HR);
    expect(getToken.mock.calls).toEqual([[false], [true]]);
  });

  it('a second 401 is an UNAUTHENTICATED error, not retried', async () => {
    const server = paneServer(testApi);
    const getToken = vi.fn(async () => 'tok.0.nobody@x');
    const api = createApiClient({ baseUrl: '/api', getToken, fetch: server.fetch });
    await expect(api.me()).rejects.toMatchObject({ status: 401, code: 'UNAUTHENTICATED', retryable: false });
    expect(getToken).toHaveBeenCalledTimes(2);
  });

  it('a token provider that cannot sign in gives SIGN_IN_REQUIRED', async () => {
    const server = paneServer(testApi);
    const api = createApiClient({ baseUrl: '/api', getToken: async () => Promise.reject(new Error('no account')), fetch: server.fetch });
    await expect(api.units()).rejects.toMatchObject({ code: 'SIGN_IN_REQUIRED', retryable: false });
  });
});

describe('reads', () => {
  it('lists every page of nominations, with progress', async () => {
    const server = paneServer(testApi);
    // Five more nominations than the file has so far, listed two a page.
    const before = (await server.live()).length;
    for (let i = 0; i < 5; i += 1) await server.put(fields(staff[i]!.id, { status: 'draft' }));
    server.pageSize = 2;
    const { api } = client(server);
    const progress = vi.fn();
    const all = await api.listNominations(server.campaignId, { onProgress: progress });
    expect(all).toHaveLength(before + 5);
    const total = before + 5;
    expect(progress.mock.calls.map(([p]) => p)).toEqual(
      Array.from({ length: Math.ceil(total / 2) }, (_, i) => ({ loaded: Math.min(total, 2 * (i + 1)), pages: i + 1 })),
    );
  });

  it('reads the user, campaigns, units, people and the validation report', async () => {
    const server = paneServer(testApi);
    await server.put(fields(staff[0]!.id, { achievements: '', status: 'draft' }));
    const { api } = client(server);
    expect((await api.me()).role).toBe('hr');
    expect((await api.campaigns())[0]!.id).toBe(server.campaignId);
    expect((await api.campaign(server.campaignId)).title).toBe((await api.campaigns())[0]!.title);
    expect((await api.units()).length).toBeGreaterThan(5);
    expect((await api.people()).length).toBeGreaterThan(20);
    const report = await api.validationReport(server.campaignId);
    expect(report.issues.map((issue) => issue.code)).toContain('ACHIEVEMENTS_MISSING');
  });

  it('deletes with the version it knows; a stale version is a VERSION_CONFLICT', async () => {
    const server = paneServer(testApi);
    const first = await server.put(fields(staff[0]!.id, { status: 'draft' }));
    const stored = await server.change(first.id, { note: 'sửa lần hai' }); // version 2
    const { api } = client(server);
    await expect(api.deleteNomination(server.campaignId, stored.id, 1)).rejects.toMatchObject({
      code: 'VERSION_CONFLICT',
      status: 409,
      retryable: false,
    });
    expect((await api.deleteNomination(server.campaignId, stored.id, 2)).deletedAt).toBeDefined();
    expect(server.log.at(-1)!.path).toBe(`/campaigns/${server.campaignId}/nominations/${stored.id}`);
  });

  it('follows the campaign list page after page, and reads one campaign whole', async () => {
    const server = paneServer(testApi);
    const db = { doc: testApi.doc, tableName: testApi.tableName };
    // Sorted after the seed's id, so that the tests above still find the seed first.
    const ids = Array.from({ length: 130 }, (_, i) => `z-paged-${String(i).padStart(3, '0')}`);
    await mapLimit(ids, 8, (id) => putCampaign(db, { ...SEED_CAMPAIGN, id, title: `Đợt ${id}` }, 'new'));
    const { api } = client(server);
    const summaries = await api.campaigns();
    expect(summaries.filter((c) => c.id.startsWith('z-paged-')).map((c) => c.id)).toEqual(ids);
    expect(server.log.filter((entry) => entry.path === '/campaigns').map((entry) => entry.query.includes('cursor='))).toEqual([
      false,
      true,
    ]);
    expect(Object.keys(summaries[0]!).sort()).toEqual([
      'id',
      'issuer',
      'period',
      'stage',
      'submissionDeadline',
      'title',
      'updatedAt',
      'version',
    ]);
    expect((await api.campaign(ids[0]!)).quotaRules).toEqual(SEED_CAMPAIGN.quotaRules);
  });
});
