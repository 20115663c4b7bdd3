/**
 * The add-in's tests talk to the real handlers (tests/support/api.ts: the product's API over DynamoDB
 * Local, in process) through a `fetch` the pane's client takes, with fault injection on the way: a
 * dropped connection before the request reaches the API ('network'), an answer lost after the API did
 * the work ('lost'), a status from the gateway (503, 429, 409 REQUEST_IN_PROGRESS, …), a delay, or a
 * hook that runs while a batch is on its way (a person typing meanwhile); other requests' faults by method
 * and path (`faults`). It logs what the pane sent, and the fault each request met.
 *
 *   const api = useTestApi();                       // the file's API and table
 *   const server = paneServer(api);                 // in a test: a fresh log and fault list
 *   const client = createApiClient({ baseUrl: '/api', fetch: server.fetch, … });
 */
import { ScanCommand, BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import { seedDemoData } from '#functions/store/seed';
import { NominationFields, type Nomination, type NominationChange } from '#shared/nomination';
import type { SaveBatchResult } from '#shared/api/save';
import type { Campaign } from '#shared/campaign';
import { updateCampaign, type TestApi } from '#tests/support/api';
import { ADMIN, CAMPAIGN_ID } from '#tests/support/rows';

// Under a DOM test environment (jsdom) the global Uint8Array is the DOM's, and the AWS SDK the handlers
// run on, checking `value instanceof Uint8Array`, takes a node Buffer for a string ("B" attributes:
// s.charCodeAt is not a function). The handlers run in this process: let the DOM's Uint8Array own
// node's as well (a no-op in node).
const NodeUint8Array = Object.getPrototypeOf(Buffer.prototype).constructor as Uint8ArrayConstructor;
const DomUint8Array = globalThis.Uint8Array;
if (DomUint8Array !== NodeUint8Array)
  Object.defineProperty(DomUint8Array, Symbol.hasInstance, {
    value: (value: unknown) => value instanceof NodeUint8Array || Function.prototype[Symbol.hasInstance].call(DomUint8Array, value),
  });

/** A fault for one request: see the file's comment. */
export type Fault = 'network' | 'lost' | number | { delayMs: number };

export interface LogEntry {
  method: string;
  /** The API's path, without the pane's /api prefix and without the query. */
  path: string;
  query: string;
  key?: string;
  auth?: string;
  rows?: NominationChange[];
  /** The fault injected on this request, if any ('network': it never reached the API). */
  fault?: Fault;
}

export interface PaneServer {
  api: TestApi;
  campaignId: string;
  readonly fetch: (input: RequestInfo | URL, init?: RequestInit) => Promise<Response>;
  readonly log: LogEntry[];
  /** The batch requests the pane sent, in order. */
  batches(): LogEntry[];
  /** Faults for the next batch requests, in order. */
  batchFailures: Fault[];
  /** Faults for other requests: the first rule whose method and path match is used once, then dropped. */
  faults: { method: string; path: RegExp; fault: Fault }[];
  /** Every request fails with a network error. */
  offline: boolean;
  /** The gateway answers 401 to every signed request, a fresh token's too: the session is over. */
  expiredSession: boolean;
  /** Asks the API for pages of this many nominations (the `limit` the pane leaves to the server). */
  pageSize: number | undefined;
  /** Runs when a batch arrives, before the API sees it. */
  onBatch: ((rows: NominationChange[]) => void | Promise<void>) | undefined;
  inFlightBatches: number;
  maxInFlightBatches: number;
  tokenFor(email: string, options?: { ttl?: number | string }): Promise<string>;
  /** Saves a nomination as the administrator (someone else's data); answers it as stored. */
  put(fields: NominationChange, email?: string): Promise<Nomination>;
  /** The administrator changes a stored nomination (another user's edit). */
  change(id: string, patch: Partial<NominationChange>): Promise<Nomination>;
  /** The administrator changes the campaign's settings (its quota rules, whether incomplete dossiers may be sent). */
  updateCampaign(patch: Partial<Campaign>): Promise<void>;
  /** A stored nomination, deleted ones included. */
  nomination(id: string): Promise<Nomination | undefined>;
  /** Every live nomination of the campaign. */
  live(): Promise<Nomination[]>;
}

const GATEWAY_ANSWERS: Record<number, unknown> = {
  409: { code: 'REQUEST_IN_PROGRESS', message: { vi: 'Yêu cầu đang được xử lý', en: 'The request is in progress' } },
  429: { message: 'Too Many Requests' },
  503: { message: 'Service Unavailable' },
};

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

/**
 * A pane server over a table emptied and seeded again: what a test that expects a fresh server (exact
 * counts, no rounds, no idempotency keys) starts from, though the file has one table.
 */
export async function freshPaneServer(api: TestApi): Promise<PaneServer> {
  await emptyTable(api);
  await seedDemoData(api.doc, api.tableName);
  return paneServer(api);
}

async function emptyTable(api: TestApi) {
  let start: Record<string, unknown> | undefined;
  do {
    const page = await api.doc.send(
      new ScanCommand({ TableName: api.tableName, ProjectionExpression: 'PK, SK', ExclusiveStartKey: start }),
    );
    const keys = page.Items ?? [];
    for (let i = 0; i < keys.length; i += 25) {
      let requests = keys.slice(i, i + 25).map((Key) => ({ DeleteRequest: { Key } }));
      while (requests.length > 0) {
        const out = await api.doc.send(new BatchWriteCommand({ RequestItems: { [api.tableName]: requests } }));
        requests = (out.UnprocessedItems?.[api.tableName] ?? []) as typeof requests;
      }
    }
    start = page.LastEvaluatedKey;
  } while (start);
}

export function paneServer(api: TestApi): PaneServer {
  const isBatch = (path: string) => path.endsWith('/nominations/batch');

  const server: PaneServer = {
    api,
    campaignId: CAMPAIGN_ID,
    log: [],
    batches: () => server.log.filter((entry) => isBatch(entry.path)),
    batchFailures: [],
    faults: [],
    offline: false,
    expiredSession: false,
    pageSize: undefined,
    onBatch: undefined,
    inFlightBatches: 0,
    maxInFlightBatches: 0,
    tokenFor: (email, options) => api.tokenFor(email, options),

    async fetch(input, init = {}) {
      const url = new URL(String(input), 'https://pane.local');
      const method = (init.method ?? 'GET').toUpperCase();
      const headers = new Headers(init.headers);
      const body = typeof init.body === 'string' ? init.body : undefined;
      const path = url.pathname.replace(/^\/api/, '');
      const entry: LogEntry = { method, path, query: url.search };
      const auth = headers.get('authorization');
      if (auth) entry.auth = auth;
      const key = headers.get('idempotency-key');
      if (key) entry.key = key;
      if (isBatch(path) && body) entry.rows = (JSON.parse(body) as { rows: NominationChange[] }).rows;
      server.log.push(entry);
      if (server.offline) throw new TypeError('Failed to fetch');
      if (server.expiredSession && auth) return json(401, { message: 'Unauthorized' });

      const rule = server.faults.findIndex((f) => f.method === method && f.path.test(path));
      const fault = isBatch(path) ? server.batchFailures.shift() : rule >= 0 ? server.faults.splice(rule, 1)[0]!.fault : undefined;
      if (fault !== undefined) entry.fault = fault;
      if (fault === 'network') throw new TypeError('Failed to fetch');
      if (typeof fault === 'number') return json(fault, GATEWAY_ANSWERS[fault] ?? { message: 'Internal Server Error' });
      if (typeof fault === 'object') await new Promise((resolve) => setTimeout(resolve, fault.delayMs));

      if (server.pageSize !== undefined && method === 'GET' && path.endsWith('/nominations') && !url.searchParams.has('limit'))
        url.searchParams.set('limit', String(server.pageSize));
      const batch = isBatch(path) && method === 'POST';
      if (batch) {
        server.inFlightBatches += 1;
        server.maxInFlightBatches = Math.max(server.maxInFlightBatches, server.inFlightBatches);
      }
      try {
        if (batch) await server.onBatch?.(entry.rows ?? []);
        const response = await fetch(`${api.baseUrl}${path}${url.search}`, { ...init, method, headers });
        if (fault === 'lost') throw new TypeError('Failed to fetch');
        return response;
      } finally {
        if (batch) server.inFlightBatches -= 1;
      }
    },

    async put(fields, email = ADMIN) {
      const token = await api.tokenFor(email);
      const response = await api.request<SaveBatchResult>('POST', `/campaigns/${CAMPAIGN_ID}/nominations/batch`, {
        token,
        body: { rows: [fields] },
      });
      const row = response.body?.rows?.[0];
      if (response.status !== 200 || row?.outcome !== 'saved') throw new Error(`put: ${response.status} ${response.text}`);
      return (await server.nomination(row.id!))!;
    },

    async change(id, patch) {
      const before = await server.nomination(id);
      if (!before) throw new Error(`change: no nomination ${id}`);
      // A change carries the content fields, the id and the version it was made on; nothing of the audit.
      const fields = Object.fromEntries(Object.entries(before).filter(([name]) => name in NominationFields.shape));
      return server.put({ ...fields, id, version: before.version, ...patch } as NominationChange);
    },

    updateCampaign: (patch) => updateCampaign(api, patch),

    async nomination(id) {
      const all = await list(api, true);
      return all.find((nomination) => nomination.id === id);
    },

    live: () => list(api, false),
  };
  return server;
}

async function list(api: TestApi, includeDeleted: boolean): Promise<Nomination[]> {
  const token = await api.tokenFor(ADMIN);
  const items: Nomination[] = [];
  let cursor: string | undefined;
  do {
    const query = new URLSearchParams({ includeDeleted: String(includeDeleted), ...(cursor ? { cursor } : {}) });
    const response = await api.request<{ items: Nomination[]; nextCursor?: string | null }>(
      'GET',
      `/campaigns/${CAMPAIGN_ID}/nominations?${query}`,
      { token },
    );
    if (response.status !== 200) throw new Error(`list: ${response.status} ${response.text}`);
    items.push(...response.body.items);
    cursor = response.body.nextCursor ?? undefined;
  } while (cursor);
  return items;
}
