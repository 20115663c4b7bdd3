import { randomUUID } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, inject } from 'vitest';
import type { ApiHandler } from '#functions/http/types';
import { loadLocalKeys, type IssueOptions, type LocalKeys } from '#local/keys';
import { createLocalApi } from '#local/server';
import type { RouteGroup } from '#functions/routes';
import { createDocumentClient } from '#functions/store/client';
import { ensureTable } from '#functions/store/ensure-table';
import { listUsers } from '#functions/store/org-store';
import { DEMO_USERS } from '#shared/seed/demo-office';
import { seedDemoData } from '#functions/store/seed';
import type { StoredCampaign } from '#shared/api/campaign';
import type { Campaign } from '#shared/campaign';
import { ADMIN, CAMPAIGN_ID } from '#tests/support/rows';

/**
 * The product's API for an integration test: the real handlers behind the local stand-in for API
 * Gateway, over the run's DynamoDB Local (tests/support/dynamodb.global-setup.ts), in a table of this
 * test file's own.
 *
 *   const api = await startTestApi();            // beforeAll
 *   const token = await api.tokenFor('tochuc@thidua.local');
 *   const { status, body } = await api.request('GET', '/campaigns', { token });
 *   await api.close();                            // afterAll
 *
 * One table per test file. The handlers' store makes its one DynamoDB client per process (per Lambda
 * container) from TABLE_NAME and DYNAMODB_ENDPOINT, when it loads or is first used; startTestApi
 * sets those first and only then imports the handlers (dynamically). Vitest gives every test file its
 * own module graph (test.isolate, the default), so each file's handlers are bound to its own table;
 * within one file they are bound once, so a second startTestApi in the same file reuses the first
 * one's table (and does not seed it again).
 */
export interface StartTestApiOptions {
  /** Seed the demo data (seedDemoData) when the table is made. Default true. */
  seed?: boolean;
  /** Replace some groups' handlers (spies, fakes); the others are the real ones. */
  handlers?: Partial<Record<RouteGroup, ApiHandler>>;
  /** Signing keys; default a fresh in-memory pair per call. */
  keys?: LocalKeys;
  /** Log one line per request. Default false. */
  verbose?: boolean;
  /** The JWT authorizer's check; default the keys' (e.g. createTokenVerifier, trusting a local issuer too). */
  verify?: (token: string) => Promise<Record<string, unknown>>;
  /** A DynamoDB Local of the test's own; default the run's (tests/support/dynamodb.global-setup.ts). */
  endpoint?: string;
}

export interface TestResponse<T = any> {
  status: number;
  headers: Headers;
  /** Parsed JSON when the response is JSON, else the text (undefined when empty). */
  body: T;
  text: string;
}

export interface RequestOptions {
  token?: string;
  /** An object is sent as JSON; a string or bytes as they are. */
  body?: unknown;
  headers?: Record<string, string>;
}

export interface TestApi {
  baseUrl: string;
  tableName: string;
  endpoint: string;
  doc: DynamoDBDocumentClient;
  client: DynamoDBClient;
  keys: LocalKeys;
  tokenFor(email: string, options?: IssueOptions): Promise<string>;
  request<T = any>(method: string, path: string, options?: RequestOptions): Promise<TestResponse<T>>;
  close(): Promise<void>;
}

/** The table this test file's handlers are bound to, once made (module state: one per test file). */
let fileTable: Promise<string> | undefined;

export async function startTestApi(options: StartTestApiOptions = {}): Promise<TestApi> {
  const endpoint = options.endpoint ?? inject('dynamodbEndpoint');
  const region = process.env.AWS_REGION ?? 'ap-southeast-1';
  const client = new DynamoDBClient({ region, endpoint, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
  const doc = createDocumentClient({ tableName: '', endpoint, region });

  const firstCall = fileTable === undefined;
  fileTable ??= (async () => {
    const tableName = `test-${randomUUID().slice(0, 8)}`;
    await ensureTable(client, tableName);
    process.env.DYNAMODB_ENDPOINT = endpoint;
    process.env.TABLE_NAME = tableName;
    process.env.AWS_REGION = region;
    return tableName;
  })();
  const tableName = await fileTable;

  if (firstCall && (options.seed ?? true)) {
    try {
      await seedDemoData(doc, tableName);
    } catch (error) {
      throw new Error(`startTestApi: seedDemoData failed (${(error as Error).message}); pass { seed: false } to run on an empty table`, {
        cause: error,
      });
    }
  }

  const needsReal = (['health', 'campaigns', 'org', 'nominations', 'reports'] as const).some((group) => !options.handlers?.[group]);
  const real = needsReal ? (await import('#local/handlers')).HANDLERS : undefined;
  const handlers = { ...real, ...options.handlers } as Record<RouteGroup, ApiHandler>;

  const keys = options.keys ?? (await loadLocalKeys({ dir: null }));
  const api = createLocalApi({
    handlers,
    verify: options.verify ?? ((token) => keys.verifyToken(token)),
    // A seeded table's users, as npm start lists them: a user added through the Người dùng sheet can sign in.
    dev: {
      issueToken: (email) => keys.issueToken(email),
      users: (options.seed ?? true) ? () => listUsers({ doc, tableName }) : DEMO_USERS,
    },
    quiet: !options.verbose,
  });
  const { url: baseUrl } = await api.listen(0);

  return {
    baseUrl,
    tableName,
    endpoint,
    doc,
    client,
    keys,
    tokenFor: (email, issue) => keys.issueToken(email, issue),
    async request(method, path, { token, body, headers = {} } = {}) {
      const sent: Record<string, string> = { ...headers };
      if (token !== undefined) sent.authorization = `Bearer ${token}`;
      let payload: string | Uint8Array | undefined;
      if (typeof body === 'string' || body instanceof Uint8Array) payload = body;
      else if (body !== undefined) {
        payload = JSON.stringify(body);
        if (!Object.keys(sent).some((name) => name.toLowerCase() === 'content-type')) sent['content-type'] = 'application/json';
      }
      const response = await fetch(`${baseUrl}${path}`, { method, headers: sent, body: payload as BodyInit | undefined });
      const text = await response.text();
      let parsed: unknown = text === '' ? undefined : text;
      if (text !== '' && /json/.test(response.headers.get('content-type') ?? '')) {
        try {
          parsed = JSON.parse(text);
        } catch {
          // a JSON content type with a body that is not JSON: leave the text for the test to see
        }
      }
      return { status: response.status, headers: response.headers, body: parsed as any, text };
    },
    async close() {
      await api.close();
      doc.destroy();
      client.destroy();
    },
  };
}

/**
 * This test file's API, started before its tests and closed after them. The object is usable from
 * inside a test (or a later beforeAll): it forwards to the API that beforeAll started.
 */
export function useTestApi(options: StartTestApiOptions = {}): TestApi {
  let started: TestApi | undefined;
  beforeAll(async () => {
    started = await startTestApi(options);
  });
  afterAll(() => started?.close());
  return new Proxy({} as TestApi, {
    get(_target, property) {
      if (!started) throw new Error('the test API is not started: use it inside a test or a later beforeAll');
      return Reflect.get(started, property);
    },
  });
}

/** The administrator changes a campaign's settings (its quota rules, whether incomplete dossiers may be sent): a PUT of the whole. */
export async function updateCampaign(api: Pick<TestApi, 'tokenFor' | 'request'>, patch: Partial<Campaign>, campaignId = CAMPAIGN_ID) {
  const token = await api.tokenFor(ADMIN);
  const current = await api.request<StoredCampaign>('GET', `/campaigns/${campaignId}`, { token });
  const { version, updatedAt: _updatedAt, ...campaign } = current.body;
  const response = await api.request('PUT', `/campaigns/${campaignId}`, { token, body: { campaign: { ...campaign, ...patch }, version } });
  if (response.status !== 200) throw new Error(`updateCampaign: ${response.status} ${response.text}`);
}
