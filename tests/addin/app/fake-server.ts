import { API_ERRORS, type ApiErrorCode } from '#shared/api-errors';
import type { RelatedRow, RowResult, SaveBatchResult, StoredCampaign } from '#shared/api/index';
import { formulaLikeFields, nomineeKey, type Nomination, type NominationChange } from '#shared/nomination';
import type { Person, Unit, User } from '#shared/org';
import { mayRead, refuseChange, reportFor } from '#shared/policy/nominations';
import {
  computeQuotaUsage,
  countNominees,
  makeRuleContext,
  quotaDeltas,
  nominationFindings,
  quotaRefusal,
  summarizeFindings,
  validateCampaign,
} from '#shared/rules/index';
import { SEED_CAMPAIGN } from '#shared/seed/campaign-2025';
import { DEMO_PEOPLE, DEMO_UNITS, DEMO_USERS } from '#shared/seed/demo-office';

export const CAMPAIGN: StoredCampaign = { ...SEED_CAMPAIGN, version: 1, updatedAt: '2025-01-01T00:00:00.000Z' };

type Failure = 'network' | 'lost' | number;

class HttpReply {
  constructor(
    readonly status: number,
    readonly body: unknown,
    readonly headers: Record<string, string> = {},
  ) {}
}

const productError = (code: ApiErrorCode, details?: unknown) =>
  new HttpReply(API_ERRORS[code].status, { code, message: { vi: API_ERRORS[code].vi, en: API_ERRORS[code].en }, details });

/**
 * The API in memory, behind a `fetch`: the routes the pane calls, with the rules of shared/ for the
 * findings, optimistic versions, quota refusals, role checks, idempotency keys and pages. Failures are
 * injected per request: a network error, a lost answer (stored, then the connection drops), a status.
 */
export class FakeServer {
  campaign = CAMPAIGN;
  units: Unit[] = DEMO_UNITS;
  people: Person[] = DEMO_PEOPLE;
  users: User[] = DEMO_USERS;
  readonly nominations = new Map<string, Nomination>();
  readonly log: { method: string; path: string; key?: string; rows?: NominationChange[]; auth?: string }[] = [];
  /** Failures for the next batch requests, in order. */
  batchFailures: Failure[] = [];
  /** Every request fails with a network error. */
  offline = false;
  pageSize = 1000;
  /** The other rows a batch's answer says it changed (the real server finds them by rule 8): none by default. */
  relatedFor?: (rows: NominationChange[]) => RelatedRow[];
  /** Called when a batch arrives, before it is processed: play the user editing the sheet meanwhile. */
  onBatch?: (rows: NominationChange[]) => void | Promise<void>;
  revokedTokens = new Set<string>();
  private readonly idempotency = new Map<string, { body: string; reply: HttpReply }>();
  private nextId = 1;
  private tokenSerial = 1;
  inFlightBatches = 0;
  maxInFlightBatches = 0;

  tokenFor(email: string): string {
    return `tok.${this.tokenSerial++}.${email}`;
  }

  /** A stored nomination, as another user would have saved it. */
  put(
    fields: Omit<Nomination, 'id' | 'campaignId' | 'version' | 'createdAt' | 'createdBy' | 'updatedAt' | 'updatedBy'> & {
      id?: string;
      version?: number;
    },
  ): Nomination {
    const id = fields.id ?? `n${this.nextId++}`;
    const nomination: Nomination = {
      ...fields,
      id,
      campaignId: this.campaign.id,
      version: fields.version ?? 1,
      createdAt: '2025-09-01T00:00:00.000Z',
      createdBy: 'other@thidua.local',
      updatedAt: '2025-09-01T00:00:00.000Z',
      updatedBy: 'other@thidua.local',
    };
    this.nominations.set(id, nomination);
    return nomination;
  }

  /** Someone else edits a stored nomination. */
  change(id: string, fields: Partial<Nomination>) {
    const before = this.nominations.get(id)!;
    this.nominations.set(id, { ...before, ...fields, version: before.version + 1, updatedBy: 'other@thidua.local' });
  }

  live(): Nomination[] {
    return [...this.nominations.values()].filter((n) => !n.deletedAt);
  }

  batches() {
    return this.log.filter((entry) => entry.path.endsWith('/nominations/batch'));
  }

  readonly fetch = async (input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> => {
    const url = new URL(String(input), 'https://pane.local');
    const method = (init.method ?? 'GET').toUpperCase();
    const headers = new Headers(init.headers);
    const body = typeof init.body === 'string' ? init.body : undefined;
    const path = url.pathname.replace(/^\/api/, '');
    const entry: FakeServer['log'][number] = { method, path };
    const auth = headers.get('authorization');
    if (auth) entry.auth = auth;
    const key = headers.get('idempotency-key');
    if (key) entry.key = key;
    if (path.endsWith('/nominations/batch') && body) entry.rows = (JSON.parse(body) as { rows: NominationChange[] }).rows;
    this.log.push(entry);
    if (this.offline) throw new TypeError('Failed to fetch');

    let failure: Failure | undefined;
    if (path.endsWith('/nominations/batch')) failure = this.batchFailures.shift();
    if (failure === 'network') throw new TypeError('Failed to fetch');
    if (typeof failure === 'number')
      return this.respond(
        new HttpReply(
          failure,
          failure === 503
            ? { message: 'Service Unavailable' }
            : { code: failure === 409 ? 'REQUEST_IN_PROGRESS' : 'INTERNAL', message: { vi: 'lỗi', en: 'error' } },
        ),
      );

    const reply = await this.route(method, path, url.searchParams, body, auth ?? '', key ?? undefined);
    if (failure === 'lost') throw new TypeError('Failed to fetch');
    return this.respond(reply);
  };

  private respond(reply: HttpReply): Response {
    return new Response(reply.body === undefined ? null : JSON.stringify(reply.body), {
      status: reply.status,
      headers: { 'content-type': 'application/json', ...reply.headers },
    });
  }

  private userOf(auth: string): User | undefined {
    const token = auth.replace(/^Bearer /, '');
    if (this.revokedTokens.has(token)) return undefined;
    const email = /^tok\.\d+\.(.+)$/.exec(token)?.[1];
    return this.users.find((user) => user.email === email);
  }

  private async route(
    method: string,
    path: string,
    query: URLSearchParams,
    body: string | undefined,
    auth: string,
    key: string | undefined,
  ): Promise<HttpReply> {
    if (path === '/dev/users' && method === 'GET') return new HttpReply(200, this.users);
    if (path === '/dev/token' && method === 'POST') {
      const email = (JSON.parse(body ?? '{}') as { email?: string }).email ?? '';
      if (!this.users.some((user) => user.email === email)) return productError('UNKNOWN_USER');
      return new HttpReply(200, { token: this.tokenFor(email) });
    }
    const user = this.userOf(auth);
    if (!user) return new HttpReply(401, { message: 'Unauthorized' });
    if (path === '/me') return new HttpReply(200, user);
    if (path === '/units') return new HttpReply(200, { items: this.units });
    if (path === '/people') return new HttpReply(200, { items: this.people });
    if (path === '/campaigns') return new HttpReply(200, { items: [this.campaign] });
    const base = `/campaigns/${this.campaign.id}`;
    if (path === base) return new HttpReply(200, this.campaign);
    if (path === `${base}/nominations` && method === 'GET') return this.list(user, query);
    if (path === `${base}/validation`) return this.report(user);
    if (path === `${base}/nominations/batch` && method === 'POST') {
      if (key) {
        const seen = this.idempotency.get(key);
        if (seen) return seen.body === body ? seen.reply : productError('IDEMPOTENCY_KEY_REUSED');
      }
      this.inFlightBatches += 1;
      this.maxInFlightBatches = Math.max(this.maxInFlightBatches, this.inFlightBatches);
      try {
        const rows = (JSON.parse(body!) as { rows: NominationChange[] }).rows;
        await this.onBatch?.(rows);
        const reply = this.batch(user, rows);
        if (key && reply.status === 200) this.idempotency.set(key, { body: body!, reply });
        return reply;
      } finally {
        this.inFlightBatches -= 1;
      }
    }
    const deleteMatch = new RegExp(`^${base}/nominations/([^/]+)$`).exec(path);
    if (deleteMatch && method === 'DELETE') return this.remove(user, decodeURIComponent(deleteMatch[1]!), query.get('version'));
    return new HttpReply(404, { message: 'Not Found' });
  }

  private list(user: User, query: URLSearchParams): HttpReply {
    const all = [...this.nominations.values()].filter((n) => !n.deletedAt).sort((a, b) => a.id.localeCompare(b.id));
    const start = Number(query.get('cursor') ?? 0);
    const page = all.slice(start, start + this.pageSize);
    const next = start + this.pageSize < all.length ? String(start + this.pageSize) : null;
    return new HttpReply(200, { items: page.filter((n) => mayRead(user, n)), nextCursor: next });
  }

  private report(user: User): HttpReply {
    const ctx = makeRuleContext(this.campaign, this.units, this.people);
    return new HttpReply(200, reportFor(user, validateCampaign(ctx, this.live()), this.live()));
  }

  private remove(user: User, id: string, version: string | null): HttpReply {
    const before = this.nominations.get(id);
    if (!before) return productError('NOMINATION_NOT_FOUND', { ids: [id] });
    if (!mayRead(user, before)) return productError('FORBIDDEN_UNIT');
    if (version !== null && Number(version) !== before.version) return productError('VERSION_CONFLICT', { current: before });
    if (before.deletedAt) return new HttpReply(200, before);
    const after = { ...before, deletedAt: 'now', deletedBy: user.email, version: before.version + 1 };
    this.nominations.set(id, after);
    return new HttpReply(200, after);
  }

  private batch(user: User, rows: NominationChange[]): HttpReply {
    const ids = rows.flatMap((row) => (row.id ? [row.id] : []));
    if (new Set(ids).size !== ids.length) return productError('DUPLICATE_ROW_ID');
    const missing = ids.filter((id) => !this.nominations.has(id));
    if (missing.length > 0) return productError('NOMINATION_NOT_FOUND', { ids: missing });
    const ctx = makeRuleContext(this.campaign, this.units, this.people);
    const results: RowResult[] = [];
    const planned: { change: NominationChange; before?: Nomination; after: Nomination }[] = [];
    for (const [index, change] of rows.entries()) {
      const before = change.id ? this.nominations.get(change.id) : undefined;
      if (before && (before.version !== change.version || before.deletedAt)) {
        const visible = mayRead(user, before);
        results.push({
          ...(change.rowKey !== undefined ? { rowKey: change.rowKey } : {}),
          id: before.id,
          outcome: 'conflict',
          version: before.version,
          status: before.status,
          issues: [],
          textFields: [],
          current: visible ? before : { id: before.id, version: before.version, status: before.status },
        });
        continue;
      }
      const { id: _id, version: _version, rowKey, ...fields } = change;
      const refusal = refuseChange(user, before, fields);
      if (refusal) return productError(refusal, { row: index, rowKey, id: change.id, status: fields.status });
      const stamp = fields.status === 'submitted' && before?.status !== 'submitted' && !fields.receivedDate;
      const after: Nomination = {
        ...fields,
        ...(stamp ? { receivedDate: '2025-09-26' } : {}),
        id: before?.id ?? `n${this.nextId++}`,
        campaignId: this.campaign.id,
        version: (before?.version ?? 0) + 1,
        createdAt: before?.createdAt ?? 'now',
        createdBy: before?.createdBy ?? user.email,
        updatedAt: 'now',
        updatedBy: user.email,
      };
      planned.push({ change, ...(before ? { before } : {}), after });
    }
    for (const { change, before, after } of planned) {
      const target = { nominationId: after.id, ...(change.rowKey !== undefined ? { rowKey: change.rowKey } : {}) };
      const usage = computeQuotaUsage(
        this.campaign,
        this.live().filter((n) => n.id !== after.id),
      );
      const over = quotaDeltas(this.campaign, before, after).find(
        (delta) =>
          delta.delta > 0 &&
          (usage.find((u) => u.ruleId === delta.rule.id && u.scopeKey === delta.scopeKey)?.used ?? 0) + 1 > delta.rule.max,
      );
      if (over) {
        const used = usage.find((u) => u.ruleId === over.rule.id && u.scopeKey === over.scopeKey)?.used ?? 0;
        results.push({
          ...(change.rowKey !== undefined ? { rowKey: change.rowKey } : {}),
          outcome: 'refused',
          issues: [],
          textFields: [],
          refusal: { ...quotaRefusal(ctx, over.rule, over.scopeKey, used + 1), ...target },
          ...(before ? { id: before.id, version: before.version, status: before.status } : {}),
        });
        continue;
      }
      this.nominations.set(after.id, after);
      const quota = computeQuotaUsage(this.campaign, this.live());
      results.push({
        ...(change.rowKey !== undefined ? { rowKey: change.rowKey } : {}),
        id: after.id,
        outcome: 'saved',
        version: after.version,
        status: after.status,
        ...(after.receivedDate !== change.receivedDate ? { receivedDate: after.receivedDate! } : {}),
        issues: nominationFindings(ctx, after, target, {
          timesNominated: countNominees(this.live()).get(nomineeKey(after)) ?? 0,
          quotaUsage: quota,
        }),
        textFields: formulaLikeFields(after),
      });
    }
    const answer: SaveBatchResult = {
      rows: results,
      quotaUsage: computeQuotaUsage(this.campaign, this.live()),
      related: this.relatedFor?.(rows) ?? [],
      summary: {
        saved: results.filter((r) => r.outcome === 'saved').length,
        conflicts: results.filter((r) => r.outcome === 'conflict').length,
        refused: results.filter((r) => r.outcome === 'refused').length,
        ...summarizeFindings(results.flatMap((row) => row.issues)),
      },
    };
    return new HttpReply(200, answer);
  }
}
